#!/usr/bin/env bash
# Measures the egress proxy beside the proof of concept's nginx (peer A) and the best static nginx
# (peer Bs) in ONE invocation of the shared bench kit, and writes the results document.
#
#   scripts/bench.sh                      # ~8 min on 2 cores; writes docs/benchmarks/results-<date>.md
#
# Knobs: BENCH_KIT (default ../shared/bench beside the repo), RUNS (3), WARMUP_PROXY (20 s of wrk
# before measuring: a JIT-compiled server needs it), TARGETS (default "direct A B Bs candidate"),
# OUT_DOC (the document to write).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_KIT=${BENCH_KIT:-$ROOT/../shared/bench}
RUNS=${RUNS:-3}
WARMUP_PROXY=${WARMUP_PROXY:-20}
TARGETS=${TARGETS:-direct A B Bs candidate}
OUT_DOC=${OUT_DOC:-$ROOT/docs/benchmarks/results-$(date -u +%Y-%m-%d).md}
WORK=${WORK:-$ROOT/artifacts/bench}
log() { printf '[bench.sh] %s\n' "$*" >&2; }

[[ -f $BENCH_KIT/run-peers.sh ]] || { log "bench kit not found at $BENCH_KIT (set BENCH_KIT)"; exit 1; }

log "installing the kit's tools and configs"
bash "$BENCH_KIT/setup.sh" >&2
# shellcheck disable=SC1091
source "${BENCH_DIR:-/tmp/egress-bench}/bench.env"
CA_CERT=${BENCH_DIR:-/tmp/egress-bench}/ca/ca.crt

log "publishing the proxy (Release)"
rm -rf "$WORK/proxy"
dotnet publish "$ROOT/proxy/EgressSpecs.Proxy/EgressSpecs.Proxy.csproj" -c Release -o "$WORK/proxy" -v quiet -nologo >&2

bash "$BENCH_KIT/run-peers.sh" start >&2
proxy_pid=""
cleanup() {
  if [[ -n $proxy_pid ]] && kill -0 "$proxy_pid" 2>/dev/null; then
    kill -TERM "$proxy_pid"; wait "$proxy_pid" 2>/dev/null || true
  fi
  bash "$BENCH_KIT/run-peers.sh" stop >&2 || true
}
trap cleanup EXIT

# The origin answers on 127.0.0.1:443 with a certificate for api.example.test from the kit's CA:
# pin the name there (an operator-chosen address is allowed even though it is loopback).
log "starting the proxy"
mkdir -p "$WORK"
: >"$WORK/proxy.log"
Kestrel__Endpoints__Proxy__Url=http://127.0.0.1:0 \
Kestrel__Endpoints__Admin__Url=http://127.0.0.1:0 \
Egress__Destinations__0__Host=api.example.test \
Egress__Destinations__0__Address=127.0.0.1 \
Egress__TrustedCaFile="$CA_CERT" \
Logging__LogLevel__Default=Warning \
Logging__LogLevel__EgressSpecs.Proxy.Lifecycle=Information \
  dotnet "$WORK/proxy/EgressSpecs.Proxy.dll" >"$WORK/proxy.log" 2>&1 &
proxy_pid=$!
proxy_url=""
for _ in $(seq 1 100); do
  proxy_url=$(grep -oE 'Endpoint Proxy listening on http://[0-9.:]+' "$WORK/proxy.log" | awk '{print $NF}' | head -n 1 || true)
  [[ -n $proxy_url ]] && break
  kill -0 "$proxy_pid" 2>/dev/null || { cat "$WORK/proxy.log" >&2; log "proxy exited"; exit 1; }
  sleep 0.1
done
[[ -n $proxy_url ]] || { cat "$WORK/proxy.log" >&2; log "proxy did not report its endpoint"; exit 1; }
log "proxy $proxy_url (pid $proxy_pid); warming up for ${WARMUP_PROXY}s"
for path in / /16k; do
  wrk -t2 -c32 -d"$((WARMUP_PROXY / 2))s" -H 'Host: api.example.test.egress.local' "$proxy_url$path" >/dev/null
done

log "measuring: $TARGETS, $RUNS runs per cell"
bench_out=$(PROXY_URL=$proxy_url PROXY_PID=$proxy_pid PROXY_NAME=egress-proxy TARGETS=$TARGETS RUNS=$RUNS \
  bash "$BENCH_KIT/run-peers.sh")
printf '%s\n' "$bench_out"
peak_rss_kib=$(awk '/VmHWM/{print $2}' "/proc/$proxy_pid/status")
results_dir=$(printf '%s\n' "$bench_out" | awk '/raw wrk output/{print $NF}')

# Ratios of the proxy's median req/s to A's and Bs's, per body, from the kit's runs.csv.
ratios=$(awk -F, '
  NR > 1 { k = $1 "," $2; v[k] = v[k] " " $4 }
  function median(s,   a, n, i, j, t) { n = split(s, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END {
    bar["small,A"] = 8; bar["16k,A"] = 5; bar["small,Bs"] = 0.55; bar["16k,Bs"] = 0.75
    print "| body | proxy req/s | vs A (bar) | vs Bs (bar) | bar met |"
    print "|---|---:|---:|---:|---|"
    split("small 16k", bodies, " ")
    for (b = 1; b <= 2; b++) { body = bodies[b]; c = median(v["candidate," body])
      a = median(v["A," body]); bs = median(v["Bs," body])
      ra = (a > 0) ? c / a : 0; rb = (bs > 0) ? c / bs : 0
      ok = (ra >= bar[body ",A"] && rb >= bar[body ",Bs"]) ? "yes" : "NO"
      printf "| %s | %.0f | %.2fx (%sx) | %.2fx (%sx) | %s |\n", body, c, ra, bar[body ",A"], rb, bar[body ",Bs"], ok }
  }' "$results_dir/runs.csv")
printf '%s\n' "$ratios"

mkdir -p "$(dirname "$OUT_DOC")"
{
  echo "# Egress proxy benchmark, $(date -u +%Y-%m-%d)"
  echo
  echo "Command: \`scripts/bench.sh\` (RUNS=$RUNS, proxy warm-up ${WARMUP_PROXY} s, targets: $TARGETS)."
  echo "The kit is \`../shared/bench/\`: an nginx TLS origin on 127.0.0.1:443 with the kit's test CA, the proof"
  echo "of concept's nginx (A), hardened nginx (B) and the best static-keepalive nginx (Bs), all measured with wrk"
  echo "in the same invocation. The proxy (\`egress-proxy\`, Release build) pins \`api.example.test\` to"
  echo "127.0.0.1:443 and trusts the kit's CA. Everything shares the same 2 cores."
  echo
  echo "## Proxy against the bar"
  echo
  printf '%s\n' "$ratios"
  echo
  echo "Peak RSS of the proxy process over the whole run: $((peak_rss_kib / 1024)) MiB."
  echo
  echo "## The kit's table"
  printf '%s\n' "$bench_out"
} >"$OUT_DOC"
log "wrote $OUT_DOC"

#!/usr/bin/env bash
# Measures the egress proxy beside the proof of concept's nginx (peer A) and the best static nginx
# (peer Bs) in ONE invocation of the shared bench kit, and writes the results document.
#
#   scripts/bench.sh                           # ~8 min on 2 cores; writes docs/benchmarks/results-<date>.md
#   RUNS=1 DURATION=5 TARGETS="Bs candidate" OUT_DOC=/tmp/quick.md scripts/bench.sh   # quick look while profiling
#
# Knobs: BENCH_KIT (default ../shared/bench beside the repo), BENCH_DIR (the kit's work dir, /tmp/egress-bench),
# RUNS (3), DURATION (10 s per wrk run), WARMUP (3 s of wrk before each run, the kit's), WARMUP_PROXY (20 s of
# wrk on the proxy before measuring: a JIT-compiled server needs it), TARGETS ("direct A B Bs candidate"),
# OUT_DOC (the document to write), WORK (artifacts/bench: the Release publish and the proxy's log),
# SKIP_PUBLISH=1 (reuse $WORK/proxy). DOTNET_* variables in the environment reach the proxy and are recorded.
#
# Idempotent: the kit restarts only its own services (pid files), the proxy listens on a random loopback port,
# and the EXIT trap stops the proxy and the kit's services whatever happens. Exit status 1 when the bar is missed.
set -Eeuo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_KIT=${BENCH_KIT:-$ROOT/../shared/bench}
export BENCH_DIR=${BENCH_DIR:-/tmp/egress-bench}
export RUNS=${RUNS:-3} DURATION=${DURATION:-10} WARMUP=${WARMUP:-3}
WARMUP_PROXY=${WARMUP_PROXY:-20}
TARGETS=${TARGETS:-direct A B Bs candidate}
OUT_DOC=${OUT_DOC:-$ROOT/docs/benchmarks/results-$(date -u +%Y-%m-%d).md}
WORK=${WORK:-$ROOT/artifacts/bench}
SKIP_PUBLISH=${SKIP_PUBLISH:-0}
log() { printf '[bench.sh] %s\n' "$*" >&2; }

# shellcheck source=lib/kit-proxy.sh
source "$ROOT/scripts/lib/kit-proxy.sh"
kit_proxy_traps
kit_proxy_prepare
start_kit
start_proxy "$WORK/proxy.log"

log "proxy $proxy_url (pid $proxy_pid); warming up for ${WARMUP_PROXY}s"
half=$(((WARMUP_PROXY + 1) / 2))
for path in / /16k; do
  warm=$(wrk -t2 -c32 -d"${half}s" -H 'Host: api.example.test.egress.local' "$proxy_url$path" 2>&1) || true
  log "warm-up $path: $(printf '%s\n' "$warm" | awk '/^Requests\/sec:/{print $2 " req/s"} /Non-2xx|Socket errors/{print}' | tr '\n' ' ')"
done

load_before=$(top -bn1 | head -n 12)
log "load before measuring: $(printf '%s\n' "$load_before" | head -n 1 | sed 's/.*load average/load average/')"
log "measuring: $TARGETS, $RUNS runs of ${DURATION}s per cell"
bench_out=$(PROXY_URL=$proxy_url PROXY_PID=$proxy_pid PROXY_NAME=egress-proxy TARGETS=$TARGETS \
  bash "$BENCH_KIT/run-peers.sh")
kit_started=0   # run-peers.sh (bench mode) stops its own services when it ends
printf '%s\n' "$bench_out"
peak_rss_kib=$(awk '/VmHWM/{print $2}' "/proc/$proxy_pid/status")
results_dir=$(printf '%s\n' "$bench_out" | awk '/raw wrk output/{print $NF}')
[[ -f $results_dir/runs.csv ]] || { log "the kit wrote no runs.csv"; exit 1; }

# Per body: the proxy's median req/s against A's and Bs's (the bar), its errors, and CPU µs/req of the proxy
# and of Bs (the nginx it is compared with), all from the kit's runs.csv of this one invocation.
verdict=$(awk -F, -v clk="$(getconf CLK_TCK)" '
  NR > 1 { k = $1 "," $2; v[k] = v[k] " " $4; req[k] += $7; bad[k] += $8 + $9; cpu[k] += $12 }
  function median(s,   a, n, i, j, t) { n = split(s, a, " "); if (n == 0) return 0
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  function us(k) { return req[k] > 0 ? sprintf("%.0f", cpu[k] / clk * 1e6 / req[k]) : "–" }
  END {
    bar["small,A"] = 8; bar["16k,A"] = 5; bar["small,Bs"] = 0.55; bar["16k,Bs"] = 0.75
    print "| body | proxy req/s | vs A (bar) | vs Bs (bar) | proxy errors | proxy CPU µs/req | Bs CPU µs/req | bar met |"
    print "|---|---:|---:|---:|---:|---:|---:|---|"
    all = 1
    split("small 16k", bodies, " ")
    for (b = 1; b <= 2; b++) { body = bodies[b]; ck = "candidate," body
      if (!(ck in v)) { all = 0; continue }
      c = median(v[ck]); a = median(v["A," body]); bs = median(v["Bs," body])
      ra = (a > 0) ? sprintf("%.2fx", c / a) : "–"; rb = (bs > 0) ? sprintf("%.2fx", c / bs) : "–"
      ok = (a > 0 && bs > 0 && c / a >= bar[body ",A"] && c / bs >= bar[body ",Bs"] && bad[ck] == 0)
      if (!ok) all = 0
      printf "| %s | %.0f | %s (%sx) | %s (%sx) | %d | %s | %s | %s |\n", body == "small" ? "100 B" : "16 KiB", c, ra,
        bar[body ",A"], rb, bar[body ",Bs"], bad[ck], us(ck), us("Bs," body), ok ? "yes" : "NO" }
    printf "\nBar met on every body: %s\n", all ? "yes" : "NO"
  }' "$results_dir/runs.csv")
printf '%s\n' "$verdict"
log "proxy peak RSS: $((peak_rss_kib / 1024)) MiB"

command_line="RUNS=$RUNS DURATION=$DURATION WARMUP=$WARMUP WARMUP_PROXY=$WARMUP_PROXY TARGETS=\"$TARGETS\" scripts/bench.sh"
mkdir -p "$(dirname "$OUT_DOC")"
{
  echo "# Egress proxy benchmark, $(date -u +%Y-%m-%d)"
  echo
  provenance "$command_line"
  echo
  echo "The kit is \`../shared/bench/\`: an nginx TLS origin on 127.0.0.1:443 with the kit's test CA, the proof of"
  echo "concept's nginx (A), hardened nginx (B) and the best static-keepalive nginx (Bs), all measured with wrk in the"
  echo "same invocation. The proxy (\`egress-proxy\`, Release build, settings as shipped) pins \`api.example.test\` to"
  echo "127.0.0.1:443 and trusts the kit's CA; it was warmed up with ${WARMUP_PROXY} s of wrk first. Everything, wrk"
  echo "included, shares the same 2 cores, so req/s is what the whole box does; CPU µs/req is the proxy's own share."
  echo
  echo "## Proxy against the bar"
  echo
  printf '%s\n' "$verdict"
  echo
  echo "Peak RSS of the proxy process over the whole run (warm-up included): $((peak_rss_kib / 1024)) MiB."
  echo
  echo "## The kit's table"
  echo
  printf '%s\n' "$bench_out"
  echo
  echo "## Load on the box just before measuring (\`top -bn1\`)"
  echo
  echo '```'
  printf '%s\n' "$load_before"
  echo '```'
} >"$OUT_DOC"
log "wrote $OUT_DOC"
# Exit 1 when the bar is missed (the document is written either way).
if grep -q 'Bar met on every body: yes' <<<"$verdict"; then exit 0; else exit 1; fi

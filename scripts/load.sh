#!/usr/bin/env bash
# Drives the egress proxy (Release build) with 256 concurrent connections against the bench kit's TLS origin
# (scripts/bench-kit/, installed and started here) and records errors, req/s, p50/p99 and the proxy's peak RSS and
# CPU per request, per body size.
#
#   scripts/load.sh                       # ~2 min; writes docs/benchmarks/load-<date>.md
#
# Knobs: CONNS (256), THREADS (2, wrk threads), DURATION (30 s per body), WRK_TIMEOUT (10s: wrk counts a response
# slower than this as a timeout error; its own default of 2 s trips on a 2-core box shared with builds),
# WARMUP_PROXY (20 s of wrk at 32 connections first), BODIES ("small 16k": the origin's / and /16k), UPSTREAM
# ("h1": the origin's HTTP/1.1 port; "h2": its HTTP/2 port), RSS_GOAL_MIB (256), QUIET_LOAD (0.6) and QUIET_WAIT
# (300 s) to wait for a quiet machine first, OUT_DOC, WORK (artifacts/bench), SKIP_PUBLISH=1 (reuse $WORK/proxy).
# DOTNET_* variables in the environment reach the proxy and are recorded.
#
# Loopback only, random ports. Every process it starts is a child of this script, stopped by pid in the EXIT trap.
# Exit status 1 when a goal is missed (errors, or peak RSS over the goal).
# shellcheck source-path=SCRIPTDIR source-path=SCRIPTDIR/bench-kit
set -Eeuo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CONNS=${CONNS:-256}
THREADS=${THREADS:-2}
DURATION=${DURATION:-30}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
WARMUP_PROXY=${WARMUP_PROXY:-20}
BODIES=${BODIES:-small 16k}
UPSTREAM=${UPSTREAM:-h1}
RSS_GOAL_MIB=${RSS_GOAL_MIB:-256}
OUT_DOC=${OUT_DOC:-$ROOT/docs/benchmarks/load-$(date -u +%Y-%m-%d).md}
WORK=${WORK:-$ROOT/artifacts/bench}
log() { printf '[load.sh] %s\n' "$*" >&2; }

# shellcheck source=bench-kit/session.sh
source "$ROOT/scripts/bench-kit/session.sh"

# shellcheck disable=SC2119  # no peers: the origin and DNS only
kit_session
case $UPSTREAM in
  h1) HOST=$KIT_NAME.egress.local ;;
  h2) HOST=$KIT_NAME_H2.egress.local ;;
  *) kit_die "UPSTREAM must be h1 or h2" ;;
esac
HOST_HEADER="Host: $HOST"
wait_for_quiet
proxy_start "$WORK/load-proxy.log"

path_of() { case $1 in small) echo /;; 16k) echo /16k;; *) log "unknown body $1"; exit 1;; esac; }
size_of() { case $1 in small) echo "$KIT_SMALL_SIZE";; 16k) echo "$KIT_LARGE_SIZE";; esac; }
for body in $BODIES; do
  got=$(curl -s --max-time 5 -o /dev/null -w '%{http_code} %{size_download}' -H "$HOST_HEADER" "$proxy_url$(path_of "$body")" || true)
  [[ $got == "200 $(size_of "$body")" ]] || { log "preflight $body: got '$got', want '200 $(size_of "$body")'"; exit 1; }
done

log "proxy $proxy_url (pid $proxy_pid); warming up for ${WARMUP_PROXY}s"
half=$(((WARMUP_PROXY + 1) / 2))
for body in $BODIES; do
  wrk -t2 -c32 -d"${half}s" -H "$HOST_HEADER" "$proxy_url$(path_of "$body")" >/dev/null 2>&1 || true
done

load_before=$(top -bn1 | head -n 12)
load_at_start=$(load1)
rows=""
failed=0
for body in $BODIES; do
  url=$proxy_url$(path_of "$body")
  raw=$WORK/load-$body.txt
  log "measuring $body: wrk -t$THREADS -c$CONNS -d${DURATION}s"
  c0=$(cpu_ticks "$proxy_pid")
  WRK_THREADS=$THREADS wrk_run_peak_rss "$proxy_pid" "$raw" "$CONNS" "$DURATION" "$HOST" "$url" --timeout "$WRK_TIMEOUT"
  peak_load_kib=$WRK_PEAK_RSS_KIB
  c1=$(cpu_ticks "$proxy_pid")
  rps=$(awk '/^Requests\/sec:/{print $2}' "$raw")
  reqs=$(awk '/requests in/{print $1}' "$raw")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$raw")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$raw")")
  max_ms=$(to_ms "$(awk '$1 == "Latency" {print $4}' "$raw")")
  non2xx=$(awk '/Non-2xx/{print $NF}' "$raw"); non2xx=${non2xx:-0}
  sock=$(awk '/Socket errors/{gsub(/,/, ""); print "connect " $4 ", read " $6 ", write " $8 ", timeout " $10}' "$raw")
  sock_total=$(awk '/Socket errors/{gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$raw"); sock_total=${sock_total:-0}
  errors=$((non2xx + sock_total))
  cpu_us=$(awk -v c=$((c1 - c0)) -v k="$CLK_TCK" -v n="${reqs:-0}" 'BEGIN { if (n > 0) printf "%.0f", c / k * 1e6 / n; else print "–" }')
  ((errors == 0)) && [[ -n ${reqs:-} && $reqs -gt 0 ]] || failed=1
  log "$body: ${rps:-?} req/s, p99 ${p99} ms, errors $errors, CPU ${cpu_us} µs/req, RSS peak under load $((peak_load_kib / 1024)) MiB"
  rows+="| $( [[ $body == small ]] && echo '100 B' || echo '16 KiB') | $CONNS | ${reqs:-0} | ${rps:-0} | $p50 | $p99 | $max_ms | $non2xx | ${sock:-none} | $cpu_us | $((peak_load_kib / 1024)) |"$'\n'
done

peak_kib=$(awk '/VmHWM/{print $2}' "/proc/$proxy_pid/status")
threads=$(find "/proc/$proxy_pid/task" -mindepth 1 -maxdepth 1 | wc -l)
rss_ok=$((peak_kib / 1024 < RSS_GOAL_MIB))
((rss_ok)) || failed=1
command_line="CONNS=$CONNS THREADS=$THREADS DURATION=$DURATION WRK_TIMEOUT=$WRK_TIMEOUT WARMUP_PROXY=$WARMUP_PROXY BODIES=\"$BODIES\" UPSTREAM=$UPSTREAM scripts/load.sh"

mkdir -p "$(dirname "$OUT_DOC")"
{
  echo "# Egress proxy under load, $(date -u +%Y-%m-%d)"
  echo
  provenance "$command_line"
  echo "- **Load**: 1-minute load average $load_at_start when measuring began, $(load1) at the end."
  echo
  echo "The proxy (Release build, settings as shipped, started directly) forwards to the bench kit's nginx TLS origin"
  echo "(scripts/bench-kit/, its $([[ $UPSTREAM == h1 ]] && echo 'HTTP/1.1' || echo 'HTTP/2') port on 127.0.0.1). It is warmed up with ${WARMUP_PROXY} s of wrk at 32 connections, then each body is driven by"
  echo "\`wrk -t$THREADS -c$CONNS -d${DURATION}s --timeout $WRK_TIMEOUT --latency -H '$HOST_HEADER' <proxy>/<path>\`. wrk, the proxy and the origin share"
  echo "the same 2 cores. CPU µs/req is the proxy's utime+stime over the run divided by the requests; RSS is sampled each second."
  echo
  echo "| body | connections | requests | req/s | p50 ms | p99 ms | max ms | non-2xx | socket errors | proxy CPU µs/req | peak RSS under load MiB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
  printf '%s' "$rows"
  echo
  echo "Peak RSS of the proxy over the whole run (VmHWM, warm-up included): $((peak_kib / 1024)) MiB (goal: under $RSS_GOAL_MIB MiB); $threads threads at the end."
  echo
  echo "## Verdict"
  echo
  echo "- No errors (non-2xx, connect, read, write, timeout): $(awk -F'|' 'BEGIN{e=0} NF > 10 {gsub(/ /, "", $9); if ($9 + 0 > 0) e = 1; if ($10 !~ /none|connect 0, read 0, write 0, timeout 0/) e = 1} END{print e ? "**NO**" : "yes"}' <<<"$rows")"
  echo "- Peak RSS under $RSS_GOAL_MIB MiB: $( ((rss_ok)) && echo yes || echo '**NO**')"
  echo
  echo "Raw wrk output: \`$WORK/load-<body>.txt\` (not kept in the repository)."
  echo
  echo "## Load on the box just before measuring (\`top -bn1\`)"
  echo
  echo '```'
  printf '%s\n' "$load_before"
  echo '```'
} >"$OUT_DOC"
log "wrote $OUT_DOC"
exit "$failed"

#!/usr/bin/env bash
# Soaks the egress proxy (Release build) under steady load against the bench kit's TLS origin (scripts/bench-kit/,
# installed and started here) and judges whether memory stays flat and sockets and file descriptors come back
# after the load stops.
#
#   scripts/soak.sh                        # ~8 min (5 min of load); writes docs/benchmarks/soak-<date>.md
#
# Every SAMPLE_SECONDS it records the proxy's RSS (/proc/PID/status), GC heap (dotnet_total_memory_bytes on the
# Admin /metrics), open file descriptors and sockets (/proc/PID/fd), threads and CPU. Verdict:
#   - no errors from wrk;
#   - RSS flat: the least-squares slope of RSS over the second half of the load is at most SLOPE_LIMIT_MIB_PER_MIN;
#   - descriptors back: after the load stops, open fds fall back to the pre-load baseline (+ FD_TOLERANCE) within
#     SETTLE_SECONDS (idle pooled upstream connections close after 90 s, so the default is 150 s).
#
# Knobs: SOAK_SECONDS (300), SAMPLE_SECONDS (10), CONNS (256), THREADS (2), WARMUP_PROXY (20), SETTLE_SECONDS (150),
# SLOPE_LIMIT_MIB_PER_MIN (1.0), FD_TOLERANCE (4), QUIET_LOAD (0.6), QUIET_WAIT (300 s), OUT_DOC, WORK,
# SKIP_PUBLISH=1. The load alternates the origin's 100-byte / and 16 KiB /16k bodies (a wrk Lua script in $WORK),
# over the origin's HTTP/1.1 port.
#
# Loopback only; every loop is bounded. Every process it starts is a child of this script, stopped by pid in the
# EXIT trap. Exit status 1 when the verdict is FAIL.
# shellcheck source-path=SCRIPTDIR source-path=SCRIPTDIR/bench-kit
set -Eeuo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SOAK_SECONDS=${SOAK_SECONDS:-300}
SAMPLE_SECONDS=${SAMPLE_SECONDS:-10}
CONNS=${CONNS:-256}
THREADS=${THREADS:-2}
WARMUP_PROXY=${WARMUP_PROXY:-20}
SETTLE_SECONDS=${SETTLE_SECONDS:-150}
SLOPE_LIMIT_MIB_PER_MIN=${SLOPE_LIMIT_MIB_PER_MIN:-1.0}
FD_TOLERANCE=${FD_TOLERANCE:-4}
OUT_DOC=${OUT_DOC:-$ROOT/docs/benchmarks/soak-$(date -u +%Y-%m-%d).md}
WORK=${WORK:-$ROOT/artifacts/bench}
log() { printf '[soak.sh] %s\n' "$*" >&2; }

((SOAK_SECONDS >= 2 * SAMPLE_SECONDS && SAMPLE_SECONDS >= 1)) || { log "SOAK_SECONDS must be at least 2 x SAMPLE_SECONDS"; exit 1; }

# shellcheck source=bench-kit/session.sh
source "$ROOT/scripts/bench-kit/session.sh"

# shellcheck disable=SC2119  # no peers: the origin and DNS only
kit_session
HOST_HEADER="Host: $KIT_NAME.egress.local"
wait_for_quiet
proxy_start "$WORK/soak-proxy.log"
got=$(curl -s --max-time 5 -o /dev/null -w '%{http_code} %{size_download}' -H "$HOST_HEADER" "$proxy_url/" || true)
[[ $got == "200 $KIT_SMALL_SIZE" ]] || { log "preflight: got '$got', want '200 100'"; exit 1; }

# wrk alternates the two bodies on every connection.
lua=$WORK/soak-mixed.lua
cat >"$lua" <<'LUA'
local paths = { "/", "/16k" }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % 2) + 1])
end
LUA

log "proxy $proxy_url (pid $proxy_pid); warming up for ${WARMUP_PROXY}s"
wrk -t2 -c32 -d"${WARMUP_PROXY}s" -s "$lua" -H "$HOST_HEADER" "$proxy_url" >/dev/null 2>&1 || true

# One sample: seconds since start, RSS MiB, GC heap MiB, fds, sockets, threads, CPU % since the previous sample.
t_start=$(date +%s.%N)
last_ticks=0
last_t=$t_start
sample() {
  local phase=$1 now rss heap fds socks threads ticks cpu
  now=$(date +%s.%N)
  rss=$(awk '/^VmRSS/{printf "%.1f", $2 / 1024}' "/proc/$proxy_pid/status")
  # A scrape slower than 5 s (a saturated box) records "nan" rather than ending the soak.
  heap=$(curl -s --max-time 5 "$admin_url/metrics" 2>/dev/null | awk '/^dotnet_total_memory_bytes /{printf "%.1f", $2 / 1048576}' || true)
  fds=$(find "/proc/$proxy_pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l || true)
  socks=$(find "/proc/$proxy_pid/fd" -mindepth 1 -maxdepth 1 -lname 'socket:*' 2>/dev/null | wc -l || true)
  threads=$(find "/proc/$proxy_pid/task" -mindepth 1 -maxdepth 1 | wc -l)
  ticks=$(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$proxy_pid/stat")
  cpu=$(awk -v d=$((ticks - last_ticks)) -v k="$CLK_TCK" -v a="$last_t" -v b="$now" 'BEGIN { w = b - a; printf "%.0f", (w > 0) ? d / k / w * 100 : 0 }')
  [[ $phase == baseline ]] && cpu="–"
  last_ticks=$ticks; last_t=$now
  printf '%s %s %s %s %s %s %s %s\n' "$phase" "$(awk -v a="$t_start" -v b="$now" 'BEGIN{printf "%.0f", b - a}')" "$rss" "${heap:-nan}" "$fds" "$socks" "$threads" "$cpu"
}

samples=$WORK/soak-samples.txt
: >"$samples"
last_ticks=$(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$proxy_pid/stat")
sample baseline >>"$samples"
baseline_fds=$(awk '{print $5}' "$samples")
log "baseline: $(tail -n 1 "$samples")"

load_before=$(top -bn1 | head -n 12)
load_at_start=$(load1)
raw=$WORK/soak-wrk.txt
echo "# wrk -t$THREADS -c$CONNS -d${SOAK_SECONDS}s --latency -s soak-mixed.lua -H '$HOST_HEADER' $proxy_url" >"$raw"
log "soaking: wrk -t$THREADS -c$CONNS -d${SOAK_SECONDS}s (alternating / and /16k), sampling every ${SAMPLE_SECONDS}s"
wrk -t"$THREADS" -c"$CONNS" -d"${SOAK_SECONDS}s" --timeout 10s --latency -s "$lua" -H "$HOST_HEADER" "$proxy_url" >>"$raw" 2>&1 &
wrk_pid=$!
for _ in $(seq 1 $((SOAK_SECONDS / SAMPLE_SECONDS + 6))); do
  sleep "$SAMPLE_SECONDS"
  kill -0 "$wrk_pid" 2>/dev/null || break
  sample load >>"$samples"
  log "load: $(tail -n 1 "$samples")"
done
wait "$wrk_pid" || true
wrk_pid=""

log "load stopped; waiting up to ${SETTLE_SECONDS}s for descriptors to return to the baseline ($baseline_fds)"
settled_after=""
for _ in $(seq 1 $(((SETTLE_SECONDS + SAMPLE_SECONDS - 1) / SAMPLE_SECONDS))); do
  sleep "$SAMPLE_SECONDS"
  sample after >>"$samples"
  log "after: $(tail -n 1 "$samples")"
  fds=$(tail -n 1 "$samples" | awk '{print $5}')
  if ((fds <= baseline_fds + FD_TOLERANCE)); then
    settled_after=$(tail -n 1 "$samples" | awk '{print $2}')
    break
  fi
done

# Least-squares slope (MiB per minute) of a column over the second half of the load samples.
slope() { # column
  awk -v col="$1" '$1 == "load" { t[n] = $2; v[n] = $col; n++ }
    END { if (n < 3) { print "nan"; exit } s = int(n / 2); m = 0; sx = sy = sxx = sxy = 0
      for (i = s; i < n; i++) { m++; sx += t[i]; sy += v[i]; sxx += t[i] * t[i]; sxy += t[i] * v[i] }
      d = m * sxx - sx * sx; printf "%.2f", (d == 0) ? 0 : (m * sxy - sx * sy) / d * 60 }' "$samples"
}
rss_slope=$(slope 3)
heap_slope=$(slope 4)
rps=$(awk '/^Requests\/sec:/{print $2}' "$raw")
reqs=$(awk '/requests in/{print $1}' "$raw")
p99=$(awk '$1 == "99%" {print $2}' "$raw")
non2xx=$(awk '/Non-2xx/{print $NF}' "$raw"); non2xx=${non2xx:-0}
sock_errors=$(awk '/Socket errors/{gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$raw"); sock_errors=${sock_errors:-0}
peak_kib=$(awk '/VmHWM/{print $2}' "/proc/$proxy_pid/status")

errors_ok=$(( non2xx + sock_errors == 0 && ${reqs:-0} > 0 ))
flat_ok=$(awk -v s="$rss_slope" -v l="$SLOPE_LIMIT_MIB_PER_MIN" 'BEGIN { print (s != "nan" && s <= l) ? 1 : 0 }')
fds_ok=$([[ -n $settled_after ]] && echo 1 || echo 0)
verdict=$( ((errors_ok && flat_ok && fds_ok)) && echo PASS || echo FAIL )
log "verdict $verdict: errors $((non2xx + sock_errors)), RSS slope $rss_slope MiB/min, fds settled: ${settled_after:-no}"

command_line="SOAK_SECONDS=$SOAK_SECONDS SAMPLE_SECONDS=$SAMPLE_SECONDS CONNS=$CONNS THREADS=$THREADS scripts/soak.sh"
mkdir -p "$(dirname "$OUT_DOC")"
{
  echo "# Egress proxy soak, $(date -u +%Y-%m-%d)"
  echo
  provenance "$command_line"
  echo "- **Load**: 1-minute load average $load_at_start when the soak began, $(load1) at the end."
  echo
  echo "The proxy (Release build, settings as shipped, started directly) forwards to the bench kit's nginx TLS origin"
  echo "(scripts/bench-kit/, its HTTP/1.1 port on 127.0.0.1). It is warmed up for ${WARMUP_PROXY} s, sampled once idle (baseline), then driven for ${SOAK_SECONDS} s by"
  echo "\`wrk -t$THREADS -c$CONNS -d${SOAK_SECONDS}s --timeout 10s --latency\` with a Lua script alternating \`/\` (100 B) and \`/16k\`,"
  echo "and sampled every ${SAMPLE_SECONDS} s during and after the load. wrk, the proxy and the origin share the same 2 cores."
  echo
  echo "## Verdict: $verdict"
  echo
  echo "| check | measured | goal | ok |"
  echo "|---|---|---|---|"
  echo "| errors (non-2xx + socket errors) | $((non2xx + sock_errors)) of ${reqs:-0} requests | 0 | $( ((errors_ok)) && echo yes || echo '**NO**') |"
  echo "| RSS slope, second half of the load | $rss_slope MiB/min | ≤ $SLOPE_LIMIT_MIB_PER_MIN MiB/min | $( ((flat_ok)) && echo yes || echo '**NO**') |"
  echo "| GC heap slope, second half of the load | $heap_slope MiB/min | (reported) | – |"
  echo "| open fds after the load | $(tail -n 1 "$samples" | awk '{print $5}') (baseline $baseline_fds)$([[ -n $settled_after ]] && echo ", back at t=${settled_after} s") | ≤ baseline + $FD_TOLERANCE within ${SETTLE_SECONDS} s | $( ((fds_ok)) && echo yes || echo '**NO**') |"
  echo
  echo "Throughput over the soak: ${rps:-0} req/s, p99 ${p99:-?}; peak RSS (VmHWM, warm-up included): $((peak_kib / 1024)) MiB."
  echo
  echo "## Samples"
  echo
  echo "| phase | t s | RSS MiB | GC heap MiB | open fds | sockets | threads | CPU % |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  awk '{printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8}' "$samples"
  echo
  echo "GC heap is \`dotnet_total_memory_bytes\` from the Admin \`/metrics\`; fds and sockets count \`/proc/PID/fd\` entries"
  echo "(sockets: links to \`socket:[…]\`); CPU % is the proxy's utime+stime over the interval (200 % = both cores)."
  echo "Pooled upstream connections idle for 90 s are closed by the proxy, which is why descriptors drop some time"
  echo "after the load ends rather than at once."
  echo
  echo "## Load on the box just before the soak (\`top -bn1\`)"
  echo
  echo '```'
  printf '%s\n' "$load_before"
  echo '```'
} >"$OUT_DOC"
log "wrote $OUT_DOC"
if [[ $verdict == PASS ]]; then exit 0; else exit 1; fi

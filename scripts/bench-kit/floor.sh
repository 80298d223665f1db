#!/usr/bin/env bash
# Where the floor is: each layer of the proxy's stack measured beside nginx doing the same job, in the same rounds,
# so the CPU per request no proxy built on Kestrel, YARP and SocketsHttpHandler goes below is shown layer by layer
# (docs/benchmarks/tuning.md, "The floor, layer by layer").
#
#   scripts/bench-kit/floor.sh         # publishes the proxy and its bare forwarder (Native AOT), 3 rounds
#
# Each round measures, one process after the other, wrk -t2 -c32 for DURATION s per body after WARMUP s not counted:
#   serve          nginx, the kit's origin on its plain port      | Kestrel alone (the baseline with Baseline__Serve)
#   forward, HTTP  nginx Bp: upstream keepalive, plain HTTP        | YARP's bare forwarder to the origin's plain port
#   forward, TLS   nginx Bs: upstream keepalive, TLS (the bench's  | YARP's bare forwarder over TLS, and the egress
#                  reference)                                      | proxy itself
# CPU per request is the utime+stime of the measured server's processes (nginx: master and workers) over the requests
# wrk completed; the origin's own CPU is not counted in the forwarding rows. Writes OUT_DOC: provenance, the load
# each round began under, and a table of medians with each .NET layer's ratio to nginx doing the same job.
# Knobs: ROUNDS (3), DURATION (8), WARMUP (3), QUIET_LOAD / QUIET_WAIT (wait for a quiet machine before each round),
# PUBLISH_ARGS / SKIP_PUBLISH (proxy.sh), WORK (publish folders, default artifacts/bench), RAW (raw wrk output),
# OUT_DOC (docs/benchmarks/floor-<date>.md).
# shellcheck source-path=SCRIPTDIR
set -Eeuo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8}
WARMUP=${WARMUP:-3}
WORK=${WORK:-$ROOT/artifacts/bench}
RAW=${RAW:-$WORK/floor-$(date -u +%Y%m%d-%H%M%S)}
OUT_DOC=${OUT_DOC:-$ROOT/docs/benchmarks/floor-$(date -u +%Y-%m-%d).md}
log() { printf '[floor] %s\n' "$*" >&2; }

# shellcheck source=session.sh
source "$ROOT/scripts/bench-kit/session.sh"

mkdir -p "$RAW"
kit_session Bs Bp   # publishes the proxy to $WORK/proxy, as bench.sh does
proxy_dir=$PROXY_PUBLISH_DIR
baseline_dir=$WORK/baseline
proxy_publish "$baseline_dir" EgressSpecs.Proxy.Baseline
host=$KIT_NAME.egress.local
results=$RAW/results.csv
: >"$results"

measure() { # round label url "pids..." -> csv lines "round,label,body,rps,us,errors"
  local round=$1 label=$2 url=$3 pids=$4 body path rps us errors
  for body in small 16k; do
    path=/
    [[ $body == 16k ]] && path=/16k
    wrk_run "$RAW/warmup.txt" 32 "$WARMUP" "$host" "$url$path"
    read -r rps us errors < <(wrk_cpu_per_request "$RAW/$label-$body-$round.txt" 32 "$DURATION" "$host" "$url$path" "$pids")
    echo "$round,$label,$body,$rps,$us,$errors" | tee -a "$results" >&2
  done
}

measure_nginx() { # round label name port
  measure "$1" "$2" "http://127.0.0.1:$4" "$(tree_pids "$(kit_pid "$3")")"
}

measure_dotnet() { # round label publish-dir [VAR=value ...]
  local round=$1 label=$2
  PROXY_PUBLISH_DIR=$3
  shift 3
  proxy_start "$RAW/$label-$round.log" "$@"
  measure "$round" "$label" "$proxy_url" "$proxy_pid"
  proxy_stop
}

loads=()
for round in $(seq 1 "$ROUNDS"); do
  wait_for_quiet
  loads+=("$(load1)")
  measure_nginx "$round" "nginx serve" origin "$ORIGIN_PLAIN_PORT"
  measure_dotnet "$round" "Kestrel serve" "$baseline_dir" Baseline__Serve=true
  measure_nginx "$round" "nginx forward HTTP (Bp)" peerBp "$PEER_BP_PORT"
  measure_dotnet "$round" "YARP forward HTTP" "$baseline_dir" Baseline__Destination="http://127.0.0.1:$ORIGIN_PLAIN_PORT"
  measure_nginx "$round" "nginx forward TLS (Bs)" peerBs "$PEER_BS_PORT"
  measure_dotnet "$round" "YARP forward TLS" "$baseline_dir"
  measure_dotnet "$round" "egress proxy" "$proxy_dir"
done

# Medians over the rounds; each .NET row's ratio is to the nginx row above it that does the same job.
table=$(awk -F, "$AWK_MEDIAN"'
  !($2 in seen) { seen[$2] = 1; order[++n] = $2 }
  { rps[$2 "," $3] = rps[$2 "," $3] " " $4; us[$2 "," $3] = us[$2 "," $3] " " $5; errors[$2] += $6 }
  END {
    print "| layer | req/s 100 B | CPU µs/req 100 B | vs nginx | req/s 16 KiB | CPU µs/req 16 KiB | vs nginx | errors |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) { l = order[i]
      if (l ~ /^nginx/) ref = l
      line = "| " l
      for (b = 1; b <= 2; b++) { body = (b == 1) ? "small" : "16k"
        u = median(us[l "," body]); r = median(us[ref "," body])
        line = line sprintf(" | %.0f | %.1f | %s", median(rps[l "," body]), u, (l == ref) ? "–" : sprintf("%.2fx", u / r)) }
      print line " | " errors[l] + 0 " |" }
  }
' "$results")

mkdir -p "$(dirname "$OUT_DOC")"
{
  echo "# The forwarding stack's floor, layer by layer, $(date -u +%Y-%m-%d)"
  echo
  provenance "ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP scripts/bench-kit/floor.sh"
  echo "- **Load**: 1-minute load average when each round began: ${loads[*]}; $(load1) at the end."
  echo
  echo "Each layer of the proxy's stack beside nginx doing the same job, one process after the other in each round"
  echo "(\`wrk -t2 -c32 -d${DURATION}s\` per body after ${WARMUP} s not counted; medians of $ROUNDS rounds). CPU µs/req is the"
  echo "measured server's utime+stime (nginx: master and workers) over the requests wrk completed; in the forwarding"
  echo "rows the origin's own CPU is not counted. Each .NET row's ratio is to the nginx row above it."
  echo
  echo "- **serve**: nginx answering from its configuration; Kestrel answering from memory (the bare forwarder with"
  echo "  \`Baseline__Serve=true\`)."
  echo "- **forward HTTP**: nginx with an upstream keepalive pool over plain HTTP (kit peer Bp); YARP's direct"
  echo "  forwarder with the proxy's client settings (\`proxy/EgressSpecs.Proxy.Baseline\`) to the origin's plain port."
  echo "- **forward TLS**: nginx Bs, the bench's reference; the same bare forwarder over TLS; the egress proxy."
  echo
  printf '%s\n' "$table"
  echo
  echo "Raw wrk output: \`${RAW#"$ROOT"/}\` (not kept in the repository)."
} >"$OUT_DOC"
printf '%s\n' "$table"
log "wrote $OUT_DOC; raw output in $RAW"

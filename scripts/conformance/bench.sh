# shellcheck shell=bash
# The benchmark half of scripts/conformance.sh: the same configurations the suite scored, one after the other in one
# run, against the bench kit's nginx origin (scripts/bench-kit/), so the matrix can set what each proxy keeps beside
# what it costs. Sourced by conformance.sh after peers.sh and kit.sh; it defines conformance_bench.
#
# Each column: started fresh, WARMUP s of wrk (not counted), then BENCH_DURATION s of wrk -t2 -cBENCH_CONNS on the
# 100-byte answer through http://api.example.test.egress.local/. req/s is wrk's; CPU µs per request is the proxy's
# own utime+stime (its process and direct children: nginx's and Apache's workers) over the requests wrk completed.
# Ours is published as bench.sh publishes it (scripts/bench-kit/proxy.sh: Native AOT unless PUBLISH_ARGS says
# otherwise) and started with the bench kit's destinations.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2154  # ORIGIN_H1_PORT, DNS_PORT, KIT_CA_CERT, KIT_NAME come from kit.sh; proxy_* from proxy.sh
# shellcheck disable=SC2034  # ROOT is read by proxy.sh, the PEER_* settings by peers.sh

CONFORMANCE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../bench-kit/measure.sh
source "$CONFORMANCE_ROOT/scripts/bench-kit/measure.sh"
ROOT=$CONFORMANCE_ROOT
# shellcheck source=../bench-kit/proxy.sh
source "$CONFORMANCE_ROOT/scripts/bench-kit/proxy.sh"

BENCH_DURATION=${BENCH_DURATION:-10}
BENCH_CONNS=${BENCH_CONNS:-32}
BENCH_WARMUP=${BENCH_WARMUP:-5}
QUIET_WAIT=${QUIET_WAIT:-120}   # measure.sh's wait_for_quiet: how long to wait for a quiet machine before measuring

# One column: warm-up, then the measured run; appends "column<TAB>req/s<TAB>µs/req<TAB>errors" to the file.
bench_column() { # out column url pid raw-dir
  local out=$1 column=$2 url=$3 pid=$4 raw=$5 rps us bad
  local host=$KIT_NAME.egress.local
  wrk_run "$raw/$column-warmup.txt" "$BENCH_CONNS" "$BENCH_WARMUP" "$host" "$url/"
  read -r rps us bad < <(wrk_cpu_per_request "$raw/$column.txt" "$BENCH_CONNS" "$BENCH_DURATION" "$host" "$url/" "$(tree_pids "$pid")")
  printf '%s\t%s\t%s\t%s\n' "$column" "$rps" "$us" "$bad" >>"$out"
  kit_log "bench $column: $rps req/s, $us µs CPU per request, $bad errors"
}

conformance_bench() { # out.tsv columns... ("ours" and peer ids)
  local out=$1 raw column
  shift
  raw=$(dirname "$out")/bench
  rm -rf "$raw"
  mkdir -p "$raw"
  kit_prepare "$WORK/kit"
  kit_start
  [[ " $* " == *" ours "* ]] && proxy_publish "$WORK/kit/proxy"

  wait_for_quiet
  local load_before
  load_before=$(load1)
  for column in "$@"; do
    if [[ $column == ours ]]; then
      proxy_start "$raw/ours.log"
      bench_column "$out" ours "$proxy_url" "$proxy_pid" "$raw"
      proxy_stop
      continue
    fi
    read -r PEER_LISTEN_PORT PEER_ADMIN_PORT < <(kit_free_ports 2)
    PEER_DNS_IP=127.0.0.1 PEER_DNS_PORT=$DNS_PORT PEER_UPSTREAM_PORT=$ORIGIN_H1_PORT PEER_CA_FILE=$KIT_CA_CERT
    PEER_ALLOW_REGEX='api\.example\.test|h2\.example\.test'
    peer_start "$column" "$WORK/bench-peers/$column"
    bench_column "$out" "$column" "http://127.0.0.1:$PEER_LISTEN_PORT" "$PEER_PID" "$raw"
    peer_stop
  done
  kit_stop

  local build=JIT
  [[ $PUBLISH_ARGS == *PublishAot=true* ]] && build="Native AOT"
  printf '_note\t%s\n' "Ours is the ${build} build; wrk -t2 -c${BENCH_CONNS}, ${BENCH_WARMUP} s warm-up then ${BENCH_DURATION} s per column; 1-minute load average $load_before when the run began, $(load1) at its end, the run's own processes included (raw wrk output in artifacts/conformance/bench/). For the nginx peers and every other setting, scripts/bench.sh measures more (both bodies, HTTP/2, memory, warm-up)." >>"$out"
}

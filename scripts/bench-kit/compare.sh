#!/usr/bin/env bash
# Paired comparison of proxy variants (builds and/or runtime settings) for tuning: every round starts each variant
# as a fresh process, one after the other, and measures the same things in the same order, so rounds interleave
# the variants and each sees about the same background load. Prints a markdown table of medians over the rounds.
#
#   scripts/bench-kit/compare.sh 'as shipped|artifacts/bench/proxy|' 'no PGO|artifacts/bench/proxy|DOTNET_TieredPGO=0'
#
# A variant is "label|publish directory|VAR=value VAR=value ..." (an already published proxy; the environment is
# added to the proxy's). Per round and variant:
#   startup  seconds from process start until /healthz answers, and RSS then
#   warm     WARM_SLICES one-second wrk runs (-c32, 100 B) from the moment /healthz answers; then WARM_MORE s of
#            wrk on each body so the steady phase measures a warm process
#   steady   DURATION s of wrk -c32 per body: req/s and CPU µs/req; the warm-up share is the mean of the first
#            two slices over this 100 B req/s
#   memory   LOAD_SECONDS s of wrk -c256 per body (RSS sampled every 0.5 s: the peak), then IDLE_SECONDS idle: RSS
# Bs (nginx, static keepalive) is measured in every round too (steady only), as the reference.
# Knobs: ROUNDS (3), PHASES ("warm steady memory"), WARM_SLICES (8), WARM_MORE (10), DURATION (5), LOAD_SECONDS (8),
# IDLE_SECONDS (20), QUIET_LOAD / QUIET_WAIT (wait for a quiet machine before each round), RAW (output folder).
# shellcheck source-path=SCRIPTDIR
set -Eeuo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-3}
PHASES=${PHASES:-warm steady memory}
WARM_SLICES=${WARM_SLICES:-8}
WARM_MORE=${WARM_MORE:-10}
DURATION=${DURATION:-5}
LOAD_SECONDS=${LOAD_SECONDS:-8}
IDLE_SECONDS=${IDLE_SECONDS:-20}
RAW=${RAW:-$ROOT/artifacts/bench/compare-$(date -u +%Y%m%d-%H%M%S)}
log() { printf '[compare] %s\n' "$*" >&2; }

# shellcheck source=kit.sh
source "$ROOT/scripts/bench-kit/kit.sh"
# shellcheck source=proxy.sh
source "$ROOT/scripts/bench-kit/proxy.sh"
# shellcheck source=measure.sh
source "$ROOT/scripts/bench-kit/measure.sh"

(($# > 0)) || kit_die "give at least one variant: 'label|publish dir|VAR=value ...'"
for v in "$@"; do
  IFS='|' read -r label dir _ <<<"$v"
  [[ $label != *,* ]] || kit_die "variant label '$label' has a comma (the results are comma-separated): '$v'"
  [[ -f $dir/EgressSpecs.Proxy.dll || -x $dir/EgressSpecs.Proxy || -f $dir/EgressSpecs.Proxy.Baseline.dll || -x $dir/EgressSpecs.Proxy.Baseline ]] \
    || kit_die "no published proxy (or proxy/EgressSpecs.Proxy.Baseline) in '$dir' (variant '$v')"
done

mkdir -p "$RAW"
wrk_pid=""
# shellcheck disable=SC2317  # invoked by the EXIT trap
stop_mine() { kit_stop_pid "$wrk_pid"; proxy_stop; }
kit_traps stop_mine
kit_install
kit_prepare "$(mktemp -d /tmp/egress-bench.XXXXXX)"
kit_start Bs
host=$KIT_NAME.egress.local
path_of() { case $1 in small) echo /;; 16k) echo /16k;; esac; }

steady() { # label url pids... -> csv lines "label,steady,body,rps,us"
  local label=$1 url=$2 body rps us
  shift 2
  for body in small 16k; do
    read -r rps us _ < <(wrk_cpu_per_request "$RAW/$label-steady-$body.txt" 32 "$DURATION" "$host" "$url$(path_of "$body")" "$*")
    echo "$label,steady,$body,$rps,$us"
  done
}

results=$RAW/results.csv
: >"$results"
for round in $(seq 1 "$ROUNDS"); do
  wait_for_quiet
  bs_master=$(kit_pid peerBs)
  mapfile -t bs < <(tree_pids "$bs_master")
  wrk_run "$RAW/bs-prewarm.txt" 32 2 "$host" "http://127.0.0.1:$PEER_BS_PORT/"
  steady "Bs" "http://127.0.0.1:$PEER_BS_PORT" "${bs[@]}" | sed "s/^/$round,/" >>"$results"
  for v in "$@"; do
    IFS='|' read -r label dir envs <<<"$v"
    PROXY_PUBLISH_DIR=$dir
    # shellcheck disable=SC2086  # the variant's settings are words VAR=value
    proxy_start "$RAW/proxy-$round.log" $envs
    echo "$round,$label,startup,-,$(awk -v a="$proxy_started_at" -v b="$proxy_healthy_at" 'BEGIN { printf "%.2f", b - a }'),$(rss_kib "$proxy_pid")" >>"$results"
    if [[ " $PHASES " == *" warm "* ]]; then
      for i in $(seq 1 "$WARM_SLICES"); do
        wrk_run "$RAW/warm.txt" 32 1 "$host" "$proxy_url/"
        read -r rps _ _ _ _ _ < <(wrk_parse "$RAW/warm.txt")
        echo "$round,$label,slice,$i,$rps" >>"$results"
      done
    fi
    if [[ " $PHASES " == *" steady "* ]]; then
      for body in small 16k; do wrk_run "$RAW/more.txt" 32 "$WARM_MORE" "$host" "$proxy_url$(path_of "$body")"; done
      steady "$label" "$proxy_url" "$proxy_pid" | sed "s/^/$round,/" >>"$results"
    fi
    if [[ " $PHASES " == *" memory "* ]]; then
      peak=0
      for body in small 16k; do
        wrk_run_peak_rss "$proxy_pid" "$RAW/load.txt" 256 "$LOAD_SECONDS" "$host" "$proxy_url$(path_of "$body")" --timeout 10s
        ((WRK_PEAK_RSS_KIB > peak)) && peak=$WRK_PEAK_RSS_KIB
      done
      sleep "$IDLE_SECONDS"
      echo "$round,$label,memory,-,$peak,$(rss_kib "$proxy_pid")" >>"$results"
    fi
    proxy_stop
    log "round $round, $label: $(grep "^$round,$label," "$results" | tr '\n' ' ')"
  done
done

# Medians over the rounds, per variant.
awk -F, -v order="$(printf '%s\n' "$@" | cut -d'|' -f1 | paste -sd'|')" "$AWK_MEDIAN"'
  $3 == "startup" { st[$2] = st[$2] " " $5; srss[$2] = srss[$2] " " $6 / 1024 }
  $3 == "slice" && $4 <= 2 { first[$1 "," $2] += $5 / 2 }
  $3 == "slice" { tl[$2 "," $4] = tl[$2 "," $4] " " $5; if ($4 > ns) ns = $4 }
  $3 == "steady" { rps[$2 "," $4] = rps[$2 "," $4] " " $5; us[$2 "," $4] = us[$2 "," $4] " " $6
    if ($4 == "small") steady[$1 "," $2] = $5 }
  $3 == "memory" { peak[$2] = peak[$2] " " $5 / 1024; idle[$2] = idle[$2] " " $6 / 1024 }
  END {
    for (k in first) { split(k, p, ","); if (steady[k] > 0) share[p[2]] = share[p[2]] " " first[k] / steady[k] * 100 }
    n = split("Bs|" order, L, "|")
    print "| variant | startup s | RSS at start MiB | warm-up share % | req/s 100 B | µs/req 100 B | req/s 16 KiB | µs/req 16 KiB | peak RSS c256 MiB | idle RSS MiB |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= n; i++) { l = L[i]
      printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", l, median(st[l]), fmt(median(srss[l])), fmt(median(share[l])),
        fmt(median(rps[l ",small"])), median(us[l ",small"]), fmt(median(rps[l ",16k"])), median(us[l ",16k"]), fmt(median(peak[l])), fmt(median(idle[l])) }
    print ""
    print "Warm-up timeline (median req/s per one-second slice after /healthz):"
    print ""
    for (i = 2; i <= n; i++) { l = L[i]; line = "- " l ":"; for (s = 1; s <= ns; s++) line = line " " fmt(median(tl[l "," s])); print line }
  }
  function fmt(v) { return (v == "–") ? v : sprintf("%.0f", v) }
' "$results" | tee "$RAW/table.md"
log "raw output in $RAW"

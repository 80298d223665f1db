#!/usr/bin/env bash
# Which egress proxy keeps the promises? Runs the whole suite on the local target against each proxy people run for
# this pattern (scripts/peers/: nginx as the proof of concept ships it, nginx configured with care, Caddy 2, HAProxy
# 2.6, Apache httpd with mod_proxy; Debian's packages) and against ours, then benchmarks the same configurations
# side by side, and writes docs/conformance.md: one row per Rule of the features, one column per proxy.
#
#   scripts/conformance.sh                          # everything; writes docs/conformance.md
#   CONFORMANCE_PEERS="caddy haproxy" scripts/conformance.sh   # some peers (and ours); writes only the report folder
#
# Every peer and ours see the same run: the shipped DNS rule, the same third parties on one port, a CA made by this
# script (EGRESS_SPECS_ISSUING_CA, so peers that load their trust store once can start before the suite), the same
# meshed app. A peer's failures are the result, not an error: the script exits non-zero only when our proxy fails a
# scenario or the script itself breaks (a peer that does not start, a run that writes no report).
#
# Settings (environment):
#   CONFORMANCE_PEERS          peers to score (default: all of scripts/peers/peers.sh's PEER_IDS)
#   CONFORMANCE_REPORT_DIR     report folder (default artifacts/conformance); one folder per proxy, the matrix
#   CONFORMANCE_DOC            where the full run writes the matrix (default docs/conformance.md)
#   CONFORMANCE_NO_BENCH=1     skip the benchmark (the matrix then has no req/s or CPU rows)
#   CONFORMANCE_NO_BUILD=1     reuse the existing Debug build of the specs
#   CONFORMANCE_NO_OURS=1      leave our proxy out (while working on a peer's configuration; the verdict is then unknown)
#   CONFORMANCE_RUN_TIMEOUT    seconds one suite run may take (default 900)
#   BENCH_DURATION, BENCH_CONNS  wrk seconds and connections per proxy (default 10, 32)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPORT_DIR=${CONFORMANCE_REPORT_DIR:-$REPO/artifacts/conformance}
SUITE_RUN_TIMEOUT=${CONFORMANCE_RUN_TIMEOUT:-900}
SKIP_BUILD=${CONFORMANCE_NO_BUILD:-0}

log() { printf '[conformance %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# shellcheck source=bench-kit/kit.sh
source "$REPO/scripts/bench-kit/kit.sh"
# shellcheck source=peers/peers.sh
source "$REPO/scripts/peers/peers.sh"
# shellcheck source=suite-run.sh
source "$REPO/scripts/suite-run.sh"

read -r -a PEERS <<<"${CONFORMANCE_PEERS:-${PEER_IDS[*]}}"
for peer in "${PEERS[@]}"; do
  [[ " ${PEER_IDS[*]} " == *" $peer "* ]] || die "unknown peer '$peer' (known: ${PEER_IDS[*]})"
done
FULL_RUN=false
[[ -z ${CONFORMANCE_PEERS:-} && ${CONFORMANCE_NO_BENCH:-0} != 1 && ${CONFORMANCE_NO_OURS:-0} != 1 ]] && FULL_RUN=true
COLUMNS=("${PEERS[@]}")
[[ ${CONFORMANCE_NO_OURS:-0} == 1 ]] || COLUMNS=(ours "${PEERS[@]}")

WORK=$(mktemp -d -t conformance.XXXXXX)
chmod 755 "$WORK"
# Everything this script started, newest first, then its folder. Called by kit.sh's EXIT trap.
# shellcheck disable=SC2317  # invoked by the EXIT trap
stop_children() {
  suite_stop
  peer_stop
  if declare -F proxy_stop >/dev/null; then proxy_stop; fi
  kit_stop
  rm -rf "$WORK"
}
kit_traps stop_children

# The run must not depend on who starts it: drop every inherited EGRESS_SPECS_* setting.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^EGRESS_SPECS_' || true)

# ------------------------------------------------------------------ what it needs
if ! command -v python3 >/dev/null; then
  [[ $(id -u) == 0 ]] || die "python3 renders the configurations and reads the reports: install it (apt-get install python3)"
  log "installing python3 (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null
fi
peer_install "${PEERS[@]}"
kit_install

suite_build Debug "$WORK"

# ------------------------------------------------------------------ the run's CA, ports and allowlist
# A CA every peer trusts from its start; the local target issues the third parties' certificates from it.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj '/CN=EgressSpecs conformance CA' \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
  -keyout "$WORK/issuing-ca.pem" -out "$WORK/ca.crt" 2>"$WORK/openssl.log" || { cat "$WORK/openssl.log" >&2; die "openssl could not make the CA"; }
cat "$WORK/ca.crt" >>"$WORK/issuing-ca.pem"
chmod 644 "$WORK/ca.crt"

read -r TP_PORT DNS_PORT < <(kit_free_ports 2)
# The local target's allowlist (docs/targets.md): what our proxy is started with, so every peer is held to the same list.
LOCAL_ALLOW='api\.example\.test|inspector\.example\.test|wrong\.example\.test|selfsigned\.example\.test|untrusted\.example\.test|faulty\.example\.test|down\.example\.test|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.corp\.test'

# ------------------------------------------------------------------ suite runs
declare -A SUITE_STATUS
run_suite() { # column [VAR=value...]
  local column=$1 dir=$REPORT_DIR/$1 started=$SECONDS
  shift
  log "suite against $column"
  suite_run "$dir" EGRESS_SPECS_ISSUING_CA="$WORK/issuing-ca.pem" \
    EGRESS_SPECS_THIRD_PARTY_PORT="$TP_PORT" EGRESS_SPECS_DNS_PORT="$DNS_PORT" "$@"
  SUITE_STATUS[$column]=$SUITE_EXIT
  log "suite against $column: exit $SUITE_EXIT in $((SECONDS - started)) s ($(python3 "$REPO/scripts/conformance/matrix.py" count "$dir/junit.xml"))"
}

BEGIN=$SECONDS
mkdir -p "$REPORT_DIR"
[[ ${CONFORMANCE_NO_OURS:-0} == 1 ]] || run_suite ours

declare -A VERSIONS=([ours]="EgressSpecs.Proxy $(git -C "$REPO" rev-parse --short HEAD)")
for peer in "${PEERS[@]}"; do
  VERSIONS[$peer]=$(peer_version "$peer")
  read -r PEER_LISTEN_PORT PEER_ADMIN_PORT < <(kit_free_ports 2)
  PEER_DNS_IP=127.0.0.1 PEER_DNS_PORT=$DNS_PORT PEER_UPSTREAM_PORT=$TP_PORT PEER_CA_FILE=$WORK/ca.crt
  PEER_ALLOW_REGEX=$LOCAL_ALLOW
  peer_start "$peer" "$WORK/peers/$peer"
  admin=()
  [[ -n $PEER_ADMIN_URL ]] && admin=(EGRESS_SPECS_PROXY_ADMIN_URL="$PEER_ADMIN_URL")
  run_suite "$peer" EGRESS_SPECS_PROXY_URL="http://127.0.0.1:$PEER_LISTEN_PORT" "${admin[@]}"
  cp "$WORK/peers/$peer/peer.log" "$REPORT_DIR/$peer/peer.log" 2>/dev/null || true
  peer_stop
done

# ------------------------------------------------------------------ one benchmark run of the same configurations
BENCH_FILE=$REPORT_DIR/bench.tsv
rm -f "$BENCH_FILE"
if [[ ${CONFORMANCE_NO_BENCH:-0} != 1 ]]; then
  # shellcheck source=conformance/bench.sh
  source "$REPO/scripts/conformance/bench.sh"
  conformance_bench "$BENCH_FILE" "${COLUMNS[@]}"
fi

# ------------------------------------------------------------------ the matrix
{
  for peer in "${PEERS[@]}"; do
    printf '%s\t%s\n' "$peer" "$(peer_cannot_do "$peer" | tr '\n' '\036')"
  done
} >"$WORK/cannot-do.tsv"
{
  for column in "${COLUMNS[@]}"; do printf '%s\t%s\n' "$column" "${VERSIONS[$column]}"; done
} >"$WORK/versions.tsv"
python3 "$REPO/scripts/conformance/matrix.py" write \
  --reports "$REPORT_DIR" --columns "${COLUMNS[*]}" --versions "$WORK/versions.tsv" \
  --cannot-do "$WORK/cannot-do.tsv" --bench "$BENCH_FILE" \
  --commit "$(git -C "$REPO" rev-parse --short HEAD)" --machine "$(nproc) cores, $(uname -sr), .NET $(dotnet --version)" \
  --command "${CONFORMANCE_COMMAND:-scripts/conformance.sh}" >"$REPORT_DIR/conformance.md"
if $FULL_RUN; then
  cp "$REPORT_DIR/conformance.md" "${CONFORMANCE_DOC:-$REPO/docs/conformance.md}"
  log "wrote ${CONFORMANCE_DOC:-docs/conformance.md}"
fi
log "matrix: $REPORT_DIR/conformance.md; took $((SECONDS - BEGIN)) s after the build"

# ------------------------------------------------------------------ verdict: only our proxy can fail the script
[[ ${CONFORMANCE_NO_OURS:-0} == 1 ]] && { log "our proxy was left out (CONFORMANCE_NO_OURS=1): no verdict"; exit 0; }
ours_failed=$(python3 "$REPO/scripts/conformance/matrix.py" failed "$REPORT_DIR/ours/junit.xml")
if [[ ${SUITE_STATUS[ours]} != 0 || $ours_failed != 0 ]]; then
  die "our proxy does not pass everything the local target runs (exit ${SUITE_STATUS[ours]}, $ours_failed failed): $REPORT_DIR/ours/summary.md"
fi
log "OK: our proxy passes everything the local target runs; peers scored in $REPORT_DIR/conformance.md"

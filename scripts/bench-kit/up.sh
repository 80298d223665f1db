#!/usr/bin/env bash
# Starts the bench kit (dnsmasq, the TLS origin, nginx peers A, B and Bs) on random loopback ports and keeps it up
# until Ctrl-C (or SECONDS_UP elapse), for profiling a proxy by hand. Prints the ports and the environment that
# points a proxy at the origin. Installs what is missing (apt-get, as root). Stops exactly what it started.
#
#   scripts/bench-kit/up.sh                 # until Ctrl-C
#   SECONDS_UP=600 scripts/bench-kit/up.sh  # at most 10 minutes
# shellcheck source-path=SCRIPTDIR
set -Eeuo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
log() { printf '[bench-kit] %s\n' "$*" >&2; }
# shellcheck source=kit.sh
source "$ROOT/scripts/bench-kit/kit.sh"

kit_traps ""
kit_install
kit_prepare "$(mktemp -d /tmp/egress-bench.XXXXXX)"
kit_start A B Bs
cat <<TXT

origin      https://$KIT_NAME:$ORIGIN_H1_PORT (HTTP/1.1) and https://$KIT_NAME_H2:$ORIGIN_H2_PORT (HTTP/2), both 127.0.0.1
            paths: / (100 B), /16k (16 KiB), /echo (what the origin saw); stub_status http://127.0.0.1:$ORIGIN_STATUS_PORT/
test CA     $KIT_CA_CERT
DNS         127.0.0.1:$DNS_PORT ($KIT_NAME, $KIT_NAME_H2 -> 127.0.0.1)
nginx A     http://127.0.0.1:$PEER_A_PORT   (the proof of concept)
nginx B     http://127.0.0.1:$PEER_B_PORT   (hardened, a TLS handshake per request)
nginx Bs    http://127.0.0.1:$PEER_BS_PORT   (static upstream keepalive)

A proxy against this kit (from the repository root; scripts/bench.sh leaves its Native AOT publish in artifacts/bench/proxy):
  Kestrel__Endpoints__Proxy__Url=http://127.0.0.1:0 Kestrel__Endpoints__Admin__Url=http://127.0.0.1:0 \\
  Egress__Destinations__0__Host=$KIT_NAME Egress__Destinations__0__Port=$ORIGIN_H1_PORT Egress__Destinations__0__Address=127.0.0.1 \\
  Egress__Destinations__1__Host=$KIT_NAME_H2 Egress__Destinations__1__Port=$ORIGIN_H2_PORT Egress__Destinations__1__Address=127.0.0.1 \\
  Egress__TrustedCaFile=$KIT_CA_CERT artifacts/bench/proxy/EgressSpecs.Proxy
  wrk -t2 -c32 -d10s -H 'Host: $KIT_NAME.egress.local' http://127.0.0.1:<proxy port>/16k

TXT
log "up; Ctrl-C (or kill $$) stops everything this script started"
# Waiting on a background sleep lets INT and TERM run the EXIT trap at once.
sleep "${SECONDS_UP:-infinity}" &
sleep_pid=$!
# shellcheck disable=SC2317  # invoked by the EXIT trap
stop_sleep() { kit_stop_pid "$sleep_pid"; }
KIT_STOP_FIRST=stop_sleep
wait "$sleep_pid" || true

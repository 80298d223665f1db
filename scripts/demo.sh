#!/usr/bin/env bash
# See one request forwarded, on this machine alone: a TLS third party (`openssl s_server -www`, with a
# certificate from a throwaway CA) plays https://demo.test on a random port, the egress proxy is built from source
# and its built assembly started directly with that destination on its allowlist, and curl calls
# http://demo.test.egress.local/ through it.
#
#   scripts/demo.sh
#
# Needs the .NET SDK, openssl, python3 (to pick free ports) and curl.
# Prints the forwarded response, one refusal, and the proxy's metrics; stops exactly the two processes it started
# (the origin and the proxy, by pid) and removes its temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in dotnet openssl python3 curl; do
  command -v "$tool" >/dev/null || { echo "scripts/demo.sh needs $tool (Debian: apt-get install openssl python3 curl; .NET: see the README)" >&2; exit 1; }
done
work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || continue
    # Bounded: the proxy drains for up to its shutdown delay; KILL after 10 s.
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # url: poll up to 60 s
  for _ in $(seq 1 600); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "nothing answered at $1" >&2; return 1
}

# A throwaway CA and a certificate for demo.test, as a real third party would have from a public CA.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=demo-ca \
  -addext basicConstraints=critical,CA:TRUE -keyout "$work/ca.key" -out "$work/ca.crt" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=demo.test \
  -keyout "$work/demo.key" -out "$work/demo.csr" 2>/dev/null
openssl x509 -req -in "$work/demo.csr" -CA "$work/ca.crt" -CAkey "$work/ca.key" -CAcreateserial -days 1 \
  -extfile <(printf 'subjectAltName=DNS:demo.test\n') -out "$work/demo.crt" 2>/dev/null

origin_port=$(free_port); proxy_port=$(free_port); admin_port=$(free_port)
openssl s_server -quiet -accept "127.0.0.1:$origin_port" -cert "$work/demo.crt" -key "$work/demo.key" -www \
  >"$work/origin.log" 2>&1 &
pids+=($!)

# Build, then run the built assembly itself: its pid is the proxy's, not a wrapper's (dotnet run would be a parent
# process whose TERM does not reach the proxy). From its output directory, so its appsettings.json applies.
proxy_dll=$(dotnet build proxy/EgressSpecs.Proxy -nologo -v quiet -t:Build -getProperty:TargetPath)
[[ -f $proxy_dll ]] || { echo "the build did not produce the proxy ($proxy_dll)" >&2; exit 1; }
(cd "$(dirname "$proxy_dll")" && exec env Kestrel__Endpoints__Proxy__Url="http://127.0.0.1:$proxy_port" \
  Kestrel__Endpoints__Admin__Url="http://127.0.0.1:$admin_port" \
  Egress__Destinations__0__Host=demo.test \
  Egress__Destinations__0__Port="$origin_port" \
  Egress__Destinations__0__Address=127.0.0.1 \
  Egress__TrustedCaFile="$work/ca.crt" \
  Egress__Shutdown__ReadinessDelay=00:00:00 \
  dotnet "$(basename "$proxy_dll")") >"$work/proxy.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$admin_port/readyz"

echo "== forwarded: http://demo.test.egress.local/ -> https://demo.test:$origin_port/ (SNI demo.test, certificate verified)"
curl -s -H 'Host: demo.test.egress.local' "http://127.0.0.1:$proxy_port/" | grep -m 3 -E 'Ciphers supported|New,|Protocol' || true
curl -s -o /dev/null -w 'status %{http_code}\n' -H 'Host: demo.test.egress.local' "http://127.0.0.1:$proxy_port/"
echo "== refused: a destination not on the allowlist"
curl -s -H 'Host: example.org.egress.local' "http://127.0.0.1:$proxy_port/"; echo
echo "== metrics"
curl -s "http://127.0.0.1:$admin_port/metrics" | grep -E '^egress_(requests_total|denied_requests_total\{reason="not_allowed"\})'

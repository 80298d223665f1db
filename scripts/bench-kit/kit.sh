# shellcheck shell=bash
# The project's bench kit: everything the benchmarks run beside the proxy, on loopback, on random ports.
#
#   origin  nginx with a certificate from a throwaway test CA, serving 100 B (/) and 16 KiB (/16k) on two ports:
#           ORIGIN_H1_PORT speaks HTTP/1.1 only, ORIGIN_H2_PORT offers HTTP/2 and HTTP/1.1 (ALPN). /echo shows
#           the protocol, SNI and TLS version the origin saw; stub_status on ORIGIN_STATUS_PORT counts connections.
#           ORIGIN_PLAIN_PORT serves the same answers over plain HTTP/1.1 (floor.sh: the stack's cost without TLS).
#   dns     dnsmasq on DNS_PORT, no upstream servers: api.example.test and h2.example.test -> 127.0.0.1.
#   A       the proof of concept's nginx: its Host regex and proxy_pass, nginx's defaults otherwise (no
#           verification, no SNI, HTTP/1.0, a new TLS connection per request).
#   B       hardened nginx: anchored Host regex, verification against the test CA, SNI, HTTP/1.1; still a new
#           TLS connection per request, because stock nginx keeps upstream connections only in upstream{} blocks.
#   Bs      the best stock nginx can do: a static allow-list map into an upstream{} block with keepalive 64.
#   Bp      Bs over plain HTTP to ORIGIN_PLAIN_PORT: what nginx's proxying costs without TLS (floor.sh only).
#
# Sourced by scripts/bench.sh, load.sh, soak.sh and bench-kit/up.sh. The caller defines log() and calls, in order:
#   kit_install      apt-get installs nginx, wrk, dnsmasq-base, curl, openssl, iproute2 when missing (needs root)
#   kit_prepare DIR  picks free ports, makes the CA and certificates, writes every config under DIR
#   kit_traps [fn]   installs the EXIT trap: fn (the caller's own children: wrk, the proxy), then kit_stop, then
#                    removes the kit's directory
#   kit_start [A] [B] [Bs] [Bp]   starts dns + origin (+ the named peers) as children of this shell, records their pids
#   kit_stop         stops exactly the processes kit_start started (by pid), newest first
# Nothing here enables a service, touches a system nginx, or stops a process this shell did not start.
# shellcheck disable=SC2034  # the KIT_* settings and ports are read by the scripts that source this file

KIT_NAME=api.example.test        # upstream reached over HTTP/1.1 (the origin offers only http/1.1 on its port)
KIT_NAME_H2=h2.example.test      # the same origin on its HTTP/2 port
KIT_SMALL_SIZE=100
KIT_LARGE_SIZE=16384
KIT_PIDS=()                      # "name:pid" of everything kit_start started, in start order
KIT_DIR=""

kit_log() { if declare -F log >/dev/null; then log "$@"; else printf '[bench-kit] %s\n' "$*" >&2; fi; }
kit_die() { kit_log "ERROR: $*"; exit 1; }

kit_install() {
  local missing=()
  command -v nginx >/dev/null || missing+=(nginx)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v dnsmasq >/dev/null || missing+=(dnsmasq-base)   # the binary only, no service
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  command -v ss >/dev/null || missing+=(iproute2)
  ((${#missing[@]} == 0)) && return 0
  [[ $(id -u) == 0 ]] || kit_die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  kit_log "installing ${missing[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Prints N distinct ports that nothing listens on (TCP or UDP) on this machine, from 20000-32767: below Linux's
# ephemeral range, so outgoing connections never take them between the pick and the bind.
kit_free_ports() { # count
  local want=$1 picked=() port tries=0
  command -v ss >/dev/null || kit_die "ss (Debian's iproute2) tells which ports are taken: install it"
  while ((${#picked[@]} < want)); do
    ((++tries < 1000)) || kit_die "no free loopback ports found"
    port=$((20000 + RANDOM % 12768))
    [[ " ${picked[*]} " == *" $port "* ]] && continue
    [[ -n $(ss -Htuln "sport = :$port" 2>/dev/null) ]] && continue
    picked+=("$port")
  done
  echo "${picked[@]}"
}

kit_prepare() { # dir
  KIT_DIR=$1
  mkdir -p "$KIT_DIR"/{ca,conf,logs,www,tmp}
  # nginx workers run as an unprivileged user when we are root: let them read the bodies and use the temp dir.
  chmod 755 "$KIT_DIR" "$KIT_DIR/www"
  chmod 1777 "$KIT_DIR/tmp"
  read -r DNS_PORT ORIGIN_H1_PORT ORIGIN_H2_PORT ORIGIN_PLAIN_PORT ORIGIN_STATUS_PORT PEER_A_PORT PEER_B_PORT \
    PEER_BS_PORT PEER_BP_PORT < <(kit_free_ports 9)
  KIT_CA_CERT=$KIT_DIR/ca/ca.crt
  kit_make_certificates
  kit_write_bodies
  kit_write_configs
}

# ECDSA P-256 everywhere: cheap signatures keep the origin's share of a handshake small.
kit_make_certificates() {
  local ca=$KIT_DIR/ca
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=egress bench test CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$ca/ca.key" -out "$ca/ca.crt" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$KIT_NAME" \
    -keyout "$ca/origin.key" -out "$ca/origin.csr" 2>/dev/null
  printf '%s\n' "subjectAltName=DNS:$KIT_NAME,DNS:$KIT_NAME_H2" "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" >"$ca/origin.ext"
  openssl x509 -req -in "$ca/origin.csr" -CA "$ca/ca.crt" -CAkey "$ca/ca.key" -CAcreateserial -days 2 -sha256 \
    -extfile "$ca/origin.ext" -out "$ca/origin.crt" 2>/dev/null
  openssl verify -CAfile "$ca/ca.crt" "$ca/origin.crt" >/dev/null || kit_die "the test certificate does not verify"
  chmod 644 "$ca"/*.crt
}

kit_write_bodies() {
  # 100 bytes with the newline: the small body of every measurement.
  KIT_SMALL_BODY='{"ok":true,"service":"egress-bench","note":"small fixed body","pad":"xxxxxxxxxxxxxxxxxxxxxxxxxxxx"}'
  head -c 16384 /dev/zero | tr '\0' 'x' >"$KIT_DIR/www/16k.bin"
  chmod 644 "$KIT_DIR/www/16k.bin"
}

kit_nginx_main() { # name
  local user=""
  if [[ $(id -u) == 0 ]]; then
    if id www-data >/dev/null 2>&1; then user="user www-data;"; else user="user nobody nogroup;"; fi
  fi
  cat <<NG
# generated by scripts/bench-kit/kit.sh
$user
worker_processes auto;
pid $KIT_DIR/logs/$1.pid;
error_log $KIT_DIR/logs/$1.error.log warn;
events { worker_connections 4096; }
NG
}

kit_nginx_http_common() {
  cat <<NG
    access_log off;
    default_type text/plain;
    client_body_temp_path $KIT_DIR/tmp/body;
    proxy_temp_path       $KIT_DIR/tmp/proxy;
    fastcgi_temp_path     $KIT_DIR/tmp/fastcgi;
    uwsgi_temp_path       $KIT_DIR/tmp/uwsgi;
    scgi_temp_path        $KIT_DIR/tmp/scgi;
NG
}

# The hardened peers' upstream TLS: verify against the test CA, send SNI, TLS 1.2/1.3, HTTP/1.1.
kit_nginx_upstream_tls() { # variable holding the upstream name
  cat <<NG
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_ssl_server_name on;
            proxy_ssl_name $1;
            proxy_ssl_verify on;
            proxy_ssl_verify_depth 3;
            proxy_ssl_trusted_certificate $KIT_CA_CERT;
            proxy_ssl_protocols TLSv1.2 TLSv1.3;
            proxy_ssl_session_reuse on;
NG
}

kit_write_configs() {
  local conf=$KIT_DIR/conf
  {
    kit_nginx_main origin
    cat <<NG
http {
$(kit_nginx_http_common)
    keepalive_requests 10000000;   # also HTTP/2's per-connection request limit: no GOAWAY mid-measurement
    keepalive_timeout 75s;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache shared:origin:10m;
    open_file_cache max=64 inactive=60s;
    server {
        # One port speaks only HTTP/1.1, the other offers HTTP/2 first (ALPN h2, http/1.1).
        listen 127.0.0.1:$ORIGIN_H1_PORT ssl default_server;
        listen 127.0.0.1:$ORIGIN_H2_PORT ssl http2 default_server;
        listen 127.0.0.1:$ORIGIN_PLAIN_PORT default_server;
        server_name $KIT_NAME $KIT_NAME_H2;
        ssl_certificate     $KIT_DIR/ca/origin.crt;
        ssl_certificate_key $KIT_DIR/ca/origin.key;
        location = /     { return 200 '$KIT_SMALL_BODY\n'; }
        location = /16k  { default_type application/octet-stream; alias $KIT_DIR/www/16k.bin; }
        location = /echo { return 200 'host=\$host sni=\$ssl_server_name tls=\$ssl_protocol http=\$server_protocol\n'; }
        location /       { return 404 'no such path\n'; }
    }
    server {
        listen 127.0.0.1:$ORIGIN_STATUS_PORT;
        location / { stub_status; }
    }
}
NG
  } >"$conf/origin.conf"

  {
    kit_nginx_main peerA
    cat <<NG
http {
$(kit_nginx_http_common)
    resolver 127.0.0.1:$DNS_PORT;
    server {
        listen 127.0.0.1:$PEER_A_PORT;
        location / {
            # The proof of concept's lines; only the origin's port is new.
            if (\$host ~* "(.*)\.egress\.local") { set \$real_host \$1; }
            proxy_pass https://\$real_host:$ORIGIN_H1_PORT;
            proxy_set_header Host \$real_host;
            # nginx's defaults kept: proxy_ssl_verify off, proxy_ssl_server_name off, proxy_http_version 1.0.
        }
    }
}
NG
  } >"$conf/peerA.conf"

  {
    kit_nginx_main peerB
    cat <<NG
http {
$(kit_nginx_http_common)
    resolver 127.0.0.1:$DNS_PORT;
    resolver_timeout 5s;
    # Anchored, DNS-name characters only (the proof of concept's regex is unanchored).
    map \$host \$real_host {
        "~*^(?<h>[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)\.egress\.local\$" \$h;
        default "";
    }
    server {
        listen 127.0.0.1:$PEER_B_PORT;
        keepalive_requests 10000;
        location / {
            if (\$real_host = "") { return 400 'Host must be <name>.egress.local\n'; }
            # A variable proxy_pass that names no upstream{} block gets a throwaway upstream per request:
            # a new TCP connection and a full TLS handshake every time (keepalive exists only in upstream{}).
            proxy_pass https://\$real_host:$ORIGIN_H1_PORT;
            proxy_set_header Host \$real_host;
$(kit_nginx_upstream_tls "\$real_host")
        }
    }
}
NG
  } >"$conf/peerB.conf"

  {
    kit_nginx_main peerBs
    cat <<NG
http {
$(kit_nginx_http_common)
    # Allow-list: a variable proxy_pass whose value equals an upstream{} name uses that block and its
    # keepalive. Only works for names listed in advance; the server address is resolved once, at start.
    map \$host \$egress_upstream {
        $KIT_NAME.egress.local  $KIT_NAME;
        default "";
    }
    upstream $KIT_NAME {
        server 127.0.0.1:$ORIGIN_H1_PORT;
        keepalive 64;
        keepalive_requests 10000000;
        keepalive_timeout 60s;
    }
    server {
        listen 127.0.0.1:$PEER_BS_PORT;
        keepalive_requests 10000;
        location / {
            if (\$egress_upstream = "") { return 400 'host not in allow-list\n'; }
            proxy_pass https://\$egress_upstream;
            proxy_set_header Host \$egress_upstream;
$(kit_nginx_upstream_tls "\$egress_upstream")
        }
    }
}
NG
  } >"$conf/peerBs.conf"

  {
    kit_nginx_main peerBp
    cat <<NG
http {
$(kit_nginx_http_common)
    # Bs without TLS to the origin: the same keepalive pool, plain HTTP/1.1 (scripts/bench-kit/floor.sh).
    upstream plain_origin {
        server 127.0.0.1:$ORIGIN_PLAIN_PORT;
        keepalive 64;
        keepalive_requests 10000000;
        keepalive_timeout 60s;
    }
    server {
        listen 127.0.0.1:$PEER_BP_PORT;
        keepalive_requests 10000;
        location / {
            proxy_pass http://plain_origin;
            proxy_set_header Host $KIT_NAME;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
NG
  } >"$conf/peerBp.conf"

  # host-record, not address=: with address= (IPv4 only) dnsmasq answers AAAA with REFUSED, and nginx's
  # resolver, which asks A and AAAA together, then fails the lookup. host-record answers NODATA for AAAA.
  # dnsmasq's default TTL for its own records is 0 (a lookup per request); 60 s is what a real name has.
  cat >"$conf/dnsmasq.conf" <<DNS
# generated by scripts/bench-kit/kit.sh
port=$DNS_PORT
listen-address=127.0.0.1
bind-interfaces
no-resolv
no-hosts
no-poll
user=$(id -un)
pid-file=$KIT_DIR/logs/dnsmasq.pid
log-facility=$KIT_DIR/logs/dnsmasq.log
local-ttl=60
host-record=$KIT_NAME,127.0.0.1
host-record=$KIT_NAME_H2,127.0.0.1
# Any other name under example.test: NXDOMAIN. Anything else: REFUSED (no upstream servers).
local=/example.test/
DNS

  local name
  for name in origin peerA peerB peerBs; do
    nginx -t -q -p "$KIT_DIR/" -e "$KIT_DIR/logs/$name.error.log" -c "$conf/$name.conf" \
      || kit_die "nginx -t rejects $conf/$name.conf"
  done
  dnsmasq --test --conf-file="$conf/dnsmasq.conf" >/dev/null 2>&1 || kit_die "dnsmasq --test rejects $conf/dnsmasq.conf"
}

# True once something accepts TCP connections on 127.0.0.1:port.
kit_listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

kit_wait_listening() { # name pid port [log file to show when it does not]
  local _
  for _ in $(seq 1 200); do
    kit_listening "$3" && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.05
  done
  if [[ -n ${4:-} ]]; then tail -n 20 "$4" >&2 || true; fi
  kit_die "$1 did not start listening on 127.0.0.1:$3 (logs in ${4:-$KIT_DIR/logs})"
}

kit_start_nginx() { # name port
  # In the foreground (daemon off), as a child of this shell: its pid is ours, and stopping it stops its workers.
  nginx -p "$KIT_DIR/" -e "$KIT_DIR/logs/$1.error.log" -c "$KIT_DIR/conf/$1.conf" -g 'daemon off;' \
    >>"$KIT_DIR/logs/$1.out" 2>&1 &
  KIT_PIDS+=("$1:$!")
  kit_wait_listening "$1" "$!" "$2"
  kit_log "$1 listening on 127.0.0.1:$2 (pid $!)"
}

# shellcheck disable=SC2120  # no argument: the origin and DNS only
kit_start() { # peers to start: any of A B Bs
  local peer
  dnsmasq --keep-in-foreground --conf-file="$KIT_DIR/conf/dnsmasq.conf" >>"$KIT_DIR/logs/dnsmasq.out" 2>&1 &
  KIT_PIDS+=("dnsmasq:$!")
  kit_wait_listening dnsmasq "$!" "$DNS_PORT"   # dnsmasq also answers over TCP on the same port
  kit_log "dnsmasq listening on 127.0.0.1:$DNS_PORT (pid $!)"
  kit_start_nginx origin "$ORIGIN_H1_PORT"
  kit_wait_listening origin "$(kit_pid origin)" "$ORIGIN_H2_PORT"
  for peer in "$@"; do
    case $peer in
      A) kit_start_nginx peerA "$PEER_A_PORT" ;;
      B) kit_start_nginx peerB "$PEER_B_PORT" ;;
      Bs) kit_start_nginx peerBs "$PEER_BS_PORT" ;;
      Bp) kit_start_nginx peerBp "$PEER_BP_PORT" ;;
      *) kit_die "unknown peer '$peer' (A, B, Bs or Bp)" ;;
    esac
  done
}

kit_pid() { # name -> pid of a process kit_start started
  local entry
  for entry in "${KIT_PIDS[@]}"; do [[ ${entry%%:*} == "$1" ]] && { echo "${entry#*:}"; return 0; }; done
  return 1
}

# Native AOT links with clang and needs zlib's headers (the .NET SDK's documented prerequisites on Linux).
kit_install_aot_toolchain() {
  local missing=()
  command -v clang >/dev/null || missing+=(clang)
  [[ $(dpkg-query -W -f='${Status}' zlib1g-dev 2>/dev/null) == "install ok installed" ]] || missing+=(zlib1g-dev)
  ((${#missing[@]} == 0)) && return 0
  [[ $(id -u) == 0 ]] || kit_die "Native AOT needs ${missing[*]}; install them or run as root (or set PUBLISH_ARGS='' for the JIT build)"
  kit_log "installing ${missing[*]} for the Native AOT publish (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# TERM, wait up to 10 s, then KILL: only the given pid, which this shell started.
kit_stop_pid() { # pid
  local pid=$1 _
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

kit_stop() {
  local i
  for ((i = ${#KIT_PIDS[@]} - 1; i >= 0; i--)); do kit_stop_pid "${KIT_PIDS[i]#*:}"; done
  KIT_PIDS=()
}

KIT_STOP_FIRST=""
# shellcheck disable=SC2317  # invoked by the EXIT trap
kit_on_exit() {
  local rc=$?
  trap - EXIT
  [[ -n $KIT_STOP_FIRST ]] && "$KIT_STOP_FIRST"
  kit_stop
  [[ -n $KIT_DIR && -d $KIT_DIR ]] && rm -rf "$KIT_DIR"
  exit "$rc"
}

kit_traps() { # [function that stops the caller's own children first]
  KIT_STOP_FIRST=${1:-}
  trap kit_on_exit EXIT
  trap 'kit_log "failed at line $LINENO: $BASH_COMMAND"' ERR
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

kit_versions() {
  printf 'nginx %s, wrk %s, OpenSSL %s, dnsmasq %s' "$(nginx -v 2>&1 | sed 's|.*nginx/||')" \
    "$({ wrk -v 2>&1 || true; } | awk 'NR == 1 {print $2}')" "$(openssl version | awk '{print $2}')" \
    "$(dnsmasq --version | awk 'NR == 1 {print $3}')"
}

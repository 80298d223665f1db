# shellcheck shell=bash
# Apache httpd 2.4 with mod_proxy, mod_rewrite and mod_ssl (httpd.conf beside this file).
#
# httpd resolves destinations with the system resolver (getaddrinfo: /etc/resolv.conf, port 53 only), while the
# run's cluster DNS listens on PEER_DNS_IP:PEER_DNS_PORT. In a cluster httpd would read the pod's resolv.conf, which
# names the cluster DNS. That is emulated exactly: httpd runs in a private mount namespace (unshare --mount) where
# /etc/resolv.conf names a DNS forwarder on port 53 of a free loopback address (dnsmasq, no cache, forwarding
# everything to the cluster DNS), and /etc/hosts holds localhost only, as a pod's does. Nothing outside the
# namespace sees those files.
#
# Requires root: the bind mounts need CAP_SYS_ADMIN and the forwarder binds port 53 (a user namespace,
# unshare --user --map-root-user, would do for the mounts, but not for a port below 1024 on the host's network).
# httpd's children then run as www-data (User/Group), dnsmasq's as nobody. Packages: apache2-bin (the binary and
# its modules, no service and no /etc/apache2), dnsmasq-base (the binary only), util-linux and mount (unshare,
# mount), iproute2 (ss, to find a free address).

peer_apache_packages() { echo apache2-bin dnsmasq-base util-linux mount iproute2; }

peer_apache_version() { apache2 -v 2>/dev/null | sed -n 's|^Server version: ||p'; }

peer_apache_start() { # dir
  local dir=$1
  [[ $(id -u) == 0 ]] || peer_die "the apache peer needs root: a private mount namespace for its resolv.conf, and a DNS forwarder on port 53"
  mkdir -p "$dir/run" "$dir/empty"
  # httpd refuses to serve as root: its children take an unprivileged user.
  APACHE_USER=$'User nobody\nGroup nogroup'
  if id www-data >/dev/null 2>&1; then APACHE_USER=$'User www-data\nGroup www-data'; fi
  APACHE_WORKERS=$(peer_apache_workers "$PEER_ALLOW_REGEX" "$PEER_UPSTREAM_PORT")
  APACHE_USER=$APACHE_USER APACHE_WORKERS=$APACHE_WORKERS peer_render "$PEERS_ROOT/apache/httpd.conf" "$dir/httpd.conf"
  apache2 -t -f "$dir/httpd.conf" -d "$dir" >"$dir/peer.log" 2>&1 \
    || { cat "$dir/peer.log" >&2; peer_die "apache2 -t rejects $dir/httpd.conf"; }

  peer_apache_dns_forwarder "$dir"
  printf 'nameserver %s\noptions timeout:2 attempts:2\n' "$APACHE_DNS_IP" >"$dir/resolv.conf"
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$dir/hosts"
  printf 'hosts: files dns\n' >"$dir/nsswitch.conf"
  chmod 644 "$dir/resolv.conf" "$dir/hosts" "$dir/nsswitch.conf"

  # unshare and sh both exec, so $! is httpd's own pid: peer_stop's TERM reaches it, and it stops its children.
  # shellcheck disable=SC2016  # expanded by the inner shell
  unshare --mount --propagation private -- /bin/sh -c '
    mount --bind "$1/resolv.conf" /etc/resolv.conf &&
    mount --bind "$1/hosts" /etc/hosts &&
    { [ ! -e /etc/nsswitch.conf ] || mount --bind "$1/nsswitch.conf" /etc/nsswitch.conf; } &&
    exec apache2 -DFOREGROUND -f "$1/httpd.conf" -d "$1"' sh "$dir" >>"$dir/peer.log" 2>&1 &
  # shellcheck disable=SC2034  # read by peers.sh
  PEER_PID=$!
}

# One <Proxy> worker per exact name of the allowlist (alternatives made of letters, digits, '-' and '\.' only), so
# requests to those names keep their TLS connections; patterns are left to the generic worker (see Cannot do).
peer_apache_workers() { # allow_regex port
  local alternative name
  local IFS='|'
  for alternative in $1; do
    [[ $alternative =~ ^([a-z0-9-]|\\\.)+$ ]] || continue
    name=${alternative//\\./.}
    printf '<Proxy "https://%s:%s">\n    ProxySet ttl=55 addressttl=60 connectiontimeout=10 timeout=10 retry=0\n</Proxy>\n' \
      "$name" "$2"
  done
}

# Starts dnsmasq on port 53 of a loopback address nothing else binds, forwarding to the cluster DNS without a
# cache (the pod's resolv.conf would name the cluster DNS itself). Sets APACHE_DNS_IP, adds its pid to
# PEER_EXTRA_PIDS (not in a subshell: it must stay this shell's child).
peer_apache_dns_forwarder() { # dir
  local dir=$1 ip pid _ tries
  for tries in $(seq 1 20); do
    ip=127.$((RANDOM % 200 + 20)).$((RANDOM % 250 + 1)).$((RANDOM % 250 + 2))
    # Anything on port 53 of that address, or of every address, would take the port first.
    ss -Htuln 'sport = :53' 2>/dev/null | awk '{print $5}' | grep -qE "^(${ip//./\\.}|0\.0\.0\.0|\*|\[::\]):53$" && continue
    dnsmasq --keep-in-foreground --conf-file=/dev/null --no-hosts --no-resolv \
      --server="$PEER_DNS_IP#$PEER_DNS_PORT" --listen-address="$ip" --bind-interfaces --port=53 \
      --cache-size=0 --no-negcache --pid-file= --log-facility=- >>"$dir/dnsmasq.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
      if [[ -n $(ss -Hluan "src $ip:53" 2>/dev/null) ]]; then
        PEER_EXTRA_PIDS+=("$pid")
        APACHE_DNS_IP=$ip
        return 0
      fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    peer_log "dnsmasq did not listen on $ip:53 (try $tries): $(tail -n 1 "$dir/dnsmasq.log")"
  done
  peer_die "no loopback address found for the DNS forwarder"
}

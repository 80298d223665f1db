# shellcheck shell=bash
# Caddy 2 from Debian's package (Caddyfile beside this file): reverse_proxy to the allowlisted name the Host header
# carries, over verified TLS, with Caddy's metrics and health endpoints on PEER_ADMIN_PORT.
# shellcheck disable=SC2034  # PEER_PID and PEER_ADMIN_URL are read by peers.sh, which sources this file

# ca-certificates: the Caddyfile trusts the system bundle next to the run's CA, as a deployment reaching public APIs
# would (tls_trusted_ca_certs replaces the system pool rather than adding to it).
peer_caddy_packages() { echo caddy ca-certificates; }

# Any caddy command makes ~/.step (the smallstep library it links creates it at start): HOME is a throwaway folder.
peer_caddy_version() {
  local home version
  home=$(mktemp -d)
  version=$(HOME=$home caddy version 2>/dev/null | head -n 1)
  rm -rf "$home"
  echo "Caddy $version (Debian $(dpkg-query -W -f='${Version}' caddy 2>/dev/null || echo '?'))"
}

peer_caddy_start() { # dir
  local dir=$1
  mkdir -p "$dir/home" "$dir/config" "$dir/data" "$dir/storage"
  peer_render "$PEERS_ROOT/caddy/Caddyfile" "$dir/Caddyfile"
  # Caddy keeps its state under HOME and the XDG folders (autosave.json, instance id): all point into DIR.
  local -a env=(HOME="$dir/home" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data")
  env "${env[@]}" caddy validate --adapter caddyfile --config "$dir/Caddyfile" >"$dir/peer.log" 2>&1 \
    || { cat "$dir/peer.log" >&2; peer_die "caddy validate rejects $dir/Caddyfile"; }
  # In the foreground (no `caddy start`): env execs caddy, so the child's pid is Caddy's and SIGTERM stops it.
  env "${env[@]}" caddy run --adapter caddyfile --config "$dir/Caddyfile" >>"$dir/peer.log" 2>&1 &
  PEER_PID=$!
  PEER_ADMIN_URL=http://127.0.0.1:$PEER_ADMIN_PORT
}

# shellcheck shell=bash
# nginx with the proof of concept's configuration (nginx.conf beside this file).

peer_nginx_seed_packages() { echo nginx; }

peer_nginx_seed_version() { nginx -v 2>&1 | sed 's|^nginx version: ||'; }

peer_nginx_seed_start() { # dir
  peer_nginx_run "$PEERS_ROOT/nginx-seed/nginx.conf" "$1"
}

# Shared by both nginx peers: render, check with nginx -t, run the master in the foreground (daemon off) so its pid
# is ours and TERM stops its workers too.
peer_nginx_run() { # template dir
  local template=$1 dir=$2
  mkdir -p "$dir/tmp"
  chmod 1777 "$dir/tmp"
  # Workers run as an unprivileged user when we are root.
  NGINX_USER=""
  if [[ $(id -u) == 0 ]] && id www-data >/dev/null 2>&1; then NGINX_USER="user www-data;"; fi
  NGINX_USER=$NGINX_USER peer_render "$template" "$dir/nginx.conf"
  nginx -t -q -p "$dir/" -e "$dir/error.log" -c "$dir/nginx.conf" >"$dir/peer.log" 2>&1 \
    || { cat "$dir/peer.log" >&2; peer_die "nginx -t rejects $dir/nginx.conf"; }
  nginx -p "$dir/" -e "$dir/error.log" -c "$dir/nginx.conf" -g 'daemon off;' >>"$dir/peer.log" 2>&1 &
  # shellcheck disable=SC2034  # read by peers.sh
  PEER_PID=$!
}

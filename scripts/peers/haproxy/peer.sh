# shellcheck shell=bash
# HAProxy 2.6 as the egress proxy (haproxy.cfg beside this file).
# shellcheck disable=SC2034  # PEER_PID and PEER_ADMIN_URL are read by peers.sh and its callers

peer_haproxy_packages() { echo haproxy; }

peer_haproxy_version() { haproxy -v 2>/dev/null | sed -n '1s/^HAProxy version \([^ ]*\).*/HAProxy \1/p'; }

# Render, check with haproxy -c, run in the foreground as one process (-db: no daemon, no master-worker), so its pid
# is ours and TERM stops it. The admin port serves /metrics, /healthz and /readyz.
peer_haproxy_start() { # dir
  local dir=$1
  # The allowlist goes into the configuration inside single quotes, where HAProxy interprets nothing.
  [[ $PEER_ALLOW_REGEX != *"'"* ]] || peer_die "PEER_ALLOW_REGEX may not hold a single quote: $PEER_ALLOW_REGEX"
  HAPROXY_USER=""
  if [[ $(id -u) == 0 ]] && id haproxy >/dev/null 2>&1; then HAPROXY_USER=$'user haproxy\n    group haproxy'; fi
  # The Host header the destination hears names the port when it is not HTTPS's default (as our proxy does).
  HOST_PORT_SUFFIX=":$PEER_UPSTREAM_PORT"
  [[ $PEER_UPSTREAM_PORT == 443 ]] && HOST_PORT_SUFFIX=""
  ALLOW_EXACT_NAMES=$(peer_haproxy_exact_names "$PEER_ALLOW_REGEX")
  LUA_FILE=$PEERS_ROOT/haproxy/upstream-failure.lua
  HAPROXY_USER=$HAPROXY_USER HOST_PORT_SUFFIX=$HOST_PORT_SUFFIX ALLOW_EXACT_NAMES=$ALLOW_EXACT_NAMES LUA_FILE=$LUA_FILE \
    peer_render "$PEERS_ROOT/haproxy/haproxy.cfg" "$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg" >"$dir/peer.log" 2>&1 \
    || { cat "$dir/peer.log" >&2; peer_die "haproxy -c rejects $dir/haproxy.cfg"; }
  haproxy -db -f "$dir/haproxy.cfg" >>"$dir/peer.log" 2>&1 &
  PEER_PID=$!
  PEER_ADMIN_URL=http://127.0.0.1:$PEER_ADMIN_PORT
}

# The allowlist's entries that are one exact name (a\.b\.c), as the words of an ACL; the others are patterns.
# A name that can never be a destination stands in when there is none, so the ACL is never empty.
peer_haproxy_exact_names() { # regex
  python3 - "$1" <<'PY'
import re, sys
entries, depth, current = [], 0, ""
for char in sys.argv[1]:
    depth += char in "([{"
    depth -= char in ")]}"
    if char == "|" and depth == 0:
        entries.append(current)
        current = ""
    else:
        current += char
entries.append(current)
exact = [e.replace("\\.", ".") for e in entries if re.fullmatch(r"[a-z0-9-]+(\\\.[a-z0-9-]+)*", e)]
print(" ".join(exact) or "-.invalid")
PY
}

# shellcheck shell=bash
# The egress proxies people run for this pattern, each configured as well as its operator can, started on loopback
# on ports the caller picked, stopped by pid. Sourced by scripts/conformance.sh, which points the specs at each, and
# by its benchmark run, which points wrk at each.
#
# One folder per peer: its configuration template (one comment per directive saying which promise it serves, and a
# "Cannot do" list in its header) and peer.sh, which defines
#   peer_<id>_packages   the Debian packages it needs
#   peer_<id>_version    its version, one line
#   peer_<id>_start DIR  renders the template into DIR, checks it with the peer's own checker, starts the peer in the
#                        foreground as a child of this shell (PEER_PID; its output to DIR/peer.log), may set
#                        PEER_ADMIN_URL (a /metrics endpoint) and add helper processes it started to PEER_EXTRA_PIDS
# where <id> is the folder name with '-' as '_'.
#
# The caller sets, before peer_start:
#   PEER_LISTEN_PORT    where the peer listens for the meshed app (127.0.0.1)
#   PEER_ADMIN_PORT     a second free port, for a peer that serves metrics
#   PEER_DNS_IP, PEER_DNS_PORT   the cluster DNS (names -> addresses; NXDOMAIN for everything else)
#   PEER_UPSTREAM_PORT  the port every destination listens on (the local target's third parties share one)
#   PEER_CA_FILE        the CA bundle (PEM) destinations' certificates chain to
#   PEER_ALLOW_REGEX    the allowlist: an alternation of regular expressions for whole destination names
#                       (api\.example\.test|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.corp\.test), unanchored
# Nothing here enables a service, touches a system-wide configuration, or stops a process this shell did not start.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2034  # PEER_* are read by the scripts that source this file

PEERS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Waiting for a listener and picking ports are the bench kit's (the benchmark starts the same peers beside it).
# shellcheck source=../bench-kit/kit.sh
declare -F kit_wait_listening >/dev/null || source "$PEERS_ROOT/../bench-kit/kit.sh"
PEER_IDS=(nginx-seed nginx-hardened caddy haproxy apache)
PEER_PID=""
PEER_EXTRA_PIDS=()
PEER_ADMIN_URL=""

peer_log() { if declare -F log >/dev/null; then log "$@"; else printf '[peers] %s\n' "$*" >&2; fi; }
peer_die() { peer_log "ERROR: $*"; exit 1; }

peer_fn() { # id function
  local fn="peer_${1//-/_}_$2"
  declare -F "$fn" >/dev/null || peer_die "peer '$1' has no $fn (scripts/peers/$1/peer.sh)"
  echo "$fn"
}

for _peer in "${PEER_IDS[@]}"; do
  # shellcheck source=/dev/null
  [[ -f $PEERS_ROOT/$_peer/peer.sh ]] && source "$PEERS_ROOT/$_peer/peer.sh"
done
unset _peer

# apt-get installs whatever the named peers need and is missing (needs root). Package scripts may not start their
# service (a policy-rc.d that refuses, as in containers) or may: either way the peers run from their own config.
peer_install() { # ids...
  local id package missing=()
  for id in "$@"; do
    for package in $("$(peer_fn "$id" packages)"); do
      # Installed means installed: a removed package whose configuration files remain still answers dpkg -s.
      [[ $(dpkg-query -W -f='${Status}' "$package" 2>/dev/null) == "install ok installed" ]] && continue
      [[ " ${missing[*]} " == *" $package "* ]] || missing+=("$package")
    done
  done
  # The callers pick the peers' ports with kit_free_ports, which asks ss.
  command -v ss >/dev/null || [[ " ${missing[*]} " == *" iproute2 "* ]] || missing+=(iproute2)
  ((${#missing[@]} == 0)) && return 0
  [[ $(id -u) == 0 ]] || peer_die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  peer_log "installing ${missing[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

peer_version() { "$(peer_fn "$1" version)"; }

# The "Cannot do" list of a peer's template header: one line per item ("# - text", continued on "#   more text").
peer_cannot_do() { # id
  local template
  template=$(find "$PEERS_ROOT/$1" -maxdepth 1 -type f ! -name peer.sh | sort | head -n 1)
  python3 - "$template" <<'PY'
import re, sys
items, inside = [], False
for line in open(sys.argv[1], encoding="utf-8"):
    if re.match(r"#\s*Cannot do", line):
        inside = True
        continue
    if not inside:
        continue
    item = re.match(r"#\s*- (.*)", line)
    more = re.match(r"#\s{2,}(\S.*)", line)
    if item:
        items.append(item.group(1).strip())
    elif more and items:
        items[-1] += " " + more.group(1).strip()
    else:
        break
print("\n".join(items))
PY
}

# Copies TEMPLATE to OUT with every @@NAME@@ replaced by the value of $NAME (PEER_* and DIR); an unknown one is an error.
peer_render() { # template out
  DIR=${DIR:-} python3 - "$1" "$2" <<'PY'
import os, re, sys
template, out = sys.argv[1], sys.argv[2]
text = open(template, encoding="utf-8").read()
def value(match):
    name = match.group(1)
    if name not in os.environ:
        sys.exit(f"{template}: @@{name}@@ has no value (set {name})")
    return os.environ[name]
open(out, "w", encoding="utf-8").write(re.sub(r"@@([A-Z_]+)@@", value, text))
PY
}

peer_start() { # id dir
  local id=$1 dir=$2
  mkdir -p "$dir"
  chmod 755 "$dir"
  PEER_PID=""
  PEER_EXTRA_PIDS=()
  PEER_ADMIN_URL=""
  export PEER_LISTEN_PORT PEER_ADMIN_PORT PEER_DNS_IP PEER_DNS_PORT PEER_UPSTREAM_PORT PEER_CA_FILE PEER_ALLOW_REGEX
  DIR=$dir "$(peer_fn "$id" start)" "$dir"
  kit_wait_listening "$id" "$PEER_PID" "$PEER_LISTEN_PORT" "$dir/peer.log"
  peer_log "$id listening on 127.0.0.1:$PEER_LISTEN_PORT (pid $PEER_PID)${PEER_ADMIN_URL:+, metrics at $PEER_ADMIN_URL}"
}

# TERM (every peer here stops gracefully on it), wait up to 10 s, then KILL: only the pids peer_start started.
peer_stop() {
  local pid _
  for pid in "$PEER_PID" "${PEER_EXTRA_PIDS[@]}"; do
    if [[ -z $pid ]] || ! kill -0 "$pid" 2>/dev/null; then continue; fi
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PEER_PID=""
  PEER_EXTRA_PIDS=()
}

# shellcheck shell=bash
# The setup every benchmark script shares: the kit, the proxy and the measuring helpers, and one call that installs
# the tools, publishes the proxy, prepares the kit and starts it, with the EXIT trap that stops exactly what was
# started (wrk, the proxy, the kit) whatever happens. Sourced by scripts/bench.sh, load.sh, soak.sh and
# bench-kit/floor.sh, which set ROOT and WORK and define log() first.
# shellcheck source-path=SCRIPTDIR
# shellcheck disable=SC2034  # wrk_pid is set by the scripts that source this file

# shellcheck source=kit.sh
source "$ROOT/scripts/bench-kit/kit.sh"
# shellcheck source=proxy.sh
source "$ROOT/scripts/bench-kit/proxy.sh"
# shellcheck source=measure.sh
source "$ROOT/scripts/bench-kit/measure.sh"

wrk_pid=""   # the wrk run in progress, if any: the trap stops it first

# shellcheck disable=SC2317  # invoked by the EXIT trap
kit_session_stop() { kit_stop_pid "$wrk_pid"; proxy_stop; }

kit_session() { # [peers to start: A B Bs Bp]
  kit_traps kit_session_stop
  kit_install
  proxy_publish "$WORK/proxy"
  kit_prepare "$(mktemp -d /tmp/egress-bench.XXXXXX)"
  kit_start "$@"
}

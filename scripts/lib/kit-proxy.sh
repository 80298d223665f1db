# shellcheck shell=bash
# Shared by scripts/bench.sh, load.sh and soak.sh: the bench kit's origin, and our proxy (Release build)
# pinned to it. The caller sets ROOT, BENCH_KIT, BENCH_DIR, WORK, SKIP_PUBLISH and defines log().
# Everything started here is stopped by the EXIT trap that kit_proxy_traps installs.

proxy_pid=""
proxy_url=""
admin_url=""
wrk_pid=""
kit_started=0

stop_pid() { # pid: TERM, wait up to 10 s, then KILL
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

kit_proxy_cleanup() {
  local rc=$?
  trap - EXIT
  stop_pid "$wrk_pid"
  stop_pid "$proxy_pid"
  if ((kit_started)); then bash "$BENCH_KIT/run-peers.sh" stop >&2 || true; fi
  exit "$rc"
}

kit_proxy_traps() {
  trap kit_proxy_cleanup EXIT
  trap 'log "failed at line $LINENO: $BASH_COMMAND"' ERR
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# Installs the kit's tools, writes its configs and certificates, and publishes the proxy (once, with SKIP_PUBLISH=1).
kit_proxy_prepare() {
  [[ -f $BENCH_KIT/run-peers.sh ]] || { log "bench kit not found at $BENCH_KIT (set BENCH_KIT)"; exit 1; }
  command -v dotnet >/dev/null || { log "dotnet not found"; exit 1; }
  log "installing the kit's tools and configs"
  bash "$BENCH_KIT/setup.sh" >&2
  CA_CERT=$BENCH_DIR/ca/ca.crt
  mkdir -p "$WORK"
  if [[ $SKIP_PUBLISH != 1 || ! -f $WORK/proxy/EgressSpecs.Proxy.dll ]]; then
    log "publishing the proxy (Release) to $WORK/proxy"
    rm -rf "$WORK/proxy"
    dotnet publish "$ROOT/proxy/EgressSpecs.Proxy/EgressSpecs.Proxy.csproj" -c Release -o "$WORK/proxy" -v quiet -nologo >&2
  fi
}

start_kit() {
  kit_started=1
  bash "$BENCH_KIT/run-peers.sh" start >&2
}

# The origin answers on 127.0.0.1:443 with a certificate for api.example.test from the kit's CA: the name is
# pinned there (an operator-chosen address is allowed even though it is loopback). Port 0: free ports,
# announced in the log. Logging stays as shipped (per-request events are Debug, so off).
start_proxy() { # log file -> proxy_pid, proxy_url, admin_url
  local proxy_log=$1
  log "starting the proxy"
  : >"$proxy_log"
  env Kestrel__Endpoints__Proxy__Url=http://127.0.0.1:0 \
    Kestrel__Endpoints__Admin__Url=http://127.0.0.1:0 \
    Egress__Destinations__0__Host=api.example.test \
    Egress__Destinations__0__Address=127.0.0.1 \
    Egress__TrustedCaFile="$CA_CERT" \
    Egress__Shutdown__ReadinessDelay=00:00:00 \
    dotnet "$WORK/proxy/EgressSpecs.Proxy.dll" >"$proxy_log" 2>&1 &
  proxy_pid=$!
  for _ in $(seq 1 300); do
    proxy_url=$(grep -oE 'Endpoint Proxy listening on http://[0-9.:]+' "$proxy_log" | awk '{print $NF}' | head -n 1 || true)
    admin_url=$(grep -oE 'Endpoint Admin listening on http://[0-9.:]+' "$proxy_log" | awk '{print $NF}' | head -n 1 || true)
    [[ -n $proxy_url && -n $admin_url ]] && return 0
    kill -0 "$proxy_pid" 2>/dev/null || { cat "$proxy_log" >&2; log "proxy exited"; exit 1; }
    sleep 0.1
  done
  cat "$proxy_log" >&2
  log "proxy did not report its endpoints within 30 s"
  exit 1
}

# The two lines every results document starts with: the command that made it (with any runtime settings in the
# environment) and the commit it measured.
provenance() { # command line
  local runtime_env
  # Runtime settings only (the SDK's own DOTNET_CLI_*, DOTNET_NOLOGO, ... do not reach the running proxy's behaviour).
  runtime_env=$(env | grep -E '^(DOTNET|COMPlus)_' | grep -vE '^DOTNET_(CLI_|NOLOGO|GENERATE_ASPNET_CERTIFICATE|SKIP_FIRST_TIME|ROOT|INSTALL_DIR|ADD_GLOBAL_TOOLS|MULTILEVEL_LOOKUP)' | sort | tr '\n' ' ' | sed 's/ $//' || true)
  echo "Command (from the repository root): \`$1\`${runtime_env:+ with \`$runtime_env\`}, run at $(date -u +%H:%M) UTC,"
  echo "commit \`$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)\`$(git -C "$ROOT" diff --quiet HEAD -- proxy 2>/dev/null || echo ' plus uncommitted changes under proxy/')."
}

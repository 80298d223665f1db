# shellcheck shell=bash
# The egress proxy under measurement: published once in Release as the container ships it (Native AOT, PUBLISH_ARGS),
# started directly (no wrapper process) on random loopback ports with the kit's two origin names pinned to
# 127.0.0.1 and the kit's CA trusted. Sourced after kit.sh; the caller sets ROOT and defines log().
# PUBLISH_ARGS='' publishes the framework-dependent JIT build instead.
# shellcheck disable=SC2034  # the variables set here are read by the scripts that source this file

PROXY_PUBLISH_DIR=""
proxy_pid=""
proxy_url=""
admin_url=""
proxy_started_at=""   # date +%s.%N just before the process was started
proxy_healthy_at=""   # date +%s.%N when /healthz first answered 200

PUBLISH_ARGS=${PUBLISH_ARGS--p:PublishAot=true --use-current-runtime}

# dotnet publish -c Release into DIR, unless SKIP_PUBLISH=1 and DIR already holds a build. PROJECT is the proxy
# (default) or its bare forwarder, EgressSpecs.Proxy.Baseline (compare.sh, floor.sh).
proxy_publish() { # dir [project]
  PROXY_PUBLISH_DIR=$1
  local project=${2:-EgressSpecs.Proxy}
  command -v dotnet >/dev/null || kit_die "dotnet is not on PATH (the .NET 10 SDK builds the proxy)"
  if [[ $PUBLISH_ARGS == *PublishAot=true* ]]; then kit_install_aot_toolchain; fi
  if [[ ${SKIP_PUBLISH:-0} == 1 && ( -e $PROXY_PUBLISH_DIR/$project || -e $PROXY_PUBLISH_DIR/$project.dll ) ]]; then
    kit_log "reusing $project in $PROXY_PUBLISH_DIR (SKIP_PUBLISH=1)"
    return 0
  fi
  kit_log "publishing $project (Release) to $PROXY_PUBLISH_DIR"
  rm -rf "$PROXY_PUBLISH_DIR"
  # shellcheck disable=SC2086  # PUBLISH_ARGS is a list of arguments
  dotnet publish "$ROOT/proxy/$project/$project.csproj" -c Release -o "$PROXY_PUBLISH_DIR" \
    $PUBLISH_ARGS -v quiet -nologo >&2
}

# Starts the proxy on two free loopback ports and returns once /healthz answers.
# The working directory is the publish directory, as in the container (WORKDIR /app), so appsettings.json applies;
# logging stays as shipped (per-request events are Debug, so off). Extra VAR=value arguments reach the process.
proxy_start() { # log file [VAR=value ...]
  local log_file=$1 _
  shift
  : >"$log_file"
  local proxy_port admin_port
  read -r proxy_port admin_port < <(kit_free_ports 2)
  proxy_url=http://127.0.0.1:$proxy_port
  admin_url=http://127.0.0.1:$admin_port
  # A framework-dependent publish (its runtimeconfig names the shared frameworks) runs through dotnet; a
  # self-contained or Native AOT one runs as its own executable, as the container does.
  # The publish folder may hold the proxy or its baseline (proxy/EgressSpecs.Proxy.Baseline, for compare.sh and
  # floor.sh): both read the same settings. The baseline's JIT publish carries the proxy's dll as a dependency, so the
  # baseline is looked for first.
  local name=EgressSpecs.Proxy.Baseline
  [[ -e $PROXY_PUBLISH_DIR/$name.dll || -x $PROXY_PUBLISH_DIR/$name ]] || name=EgressSpecs.Proxy
  local start=("./$name")
  if grep -qs '"frameworks\?"' "$PROXY_PUBLISH_DIR/$name.runtimeconfig.json"; then start=(dotnet "$name.dll"); fi
  proxy_started_at=$(date +%s.%N)
  # exec: the background subshell becomes the proxy itself, so proxy_pid is the proxy's own pid.
  (cd "$PROXY_PUBLISH_DIR" && exec env Kestrel__Endpoints__Proxy__Url="$proxy_url" \
    Kestrel__Endpoints__Admin__Url="$admin_url" \
    Egress__Destinations__0__Host="$KIT_NAME" \
    Egress__Destinations__0__Port="$ORIGIN_H1_PORT" \
    Egress__Destinations__0__Address=127.0.0.1 \
    Egress__Destinations__1__Host="$KIT_NAME_H2" \
    Egress__Destinations__1__Port="$ORIGIN_H2_PORT" \
    Egress__Destinations__1__Address=127.0.0.1 \
    Egress__TrustedCaFile="$KIT_CA_CERT" \
    Egress__Shutdown__ReadinessDelay=00:00:00 \
    Egress__Shutdown__DrainTimeout=00:00:02 \
    "$@" "${start[@]}") >"$log_file" 2>&1 &
  proxy_pid=$!
  # Polled every 10 ms for up to 60 s: the warm-up measurement starts the moment /healthz answers.
  for _ in $(seq 1 6000); do
    if curl -sf -o /dev/null --max-time 1 "$admin_url/healthz"; then
      proxy_healthy_at=$(date +%s.%N)
      return 0
    fi
    kill -0 "$proxy_pid" 2>/dev/null || { cat "$log_file" >&2; kit_die "the proxy exited"; }
    sleep 0.01
  done
  cat "$log_file" >&2
  kit_die "the proxy's /healthz did not answer within 60 s"
}

proxy_stop() {
  kit_stop_pid "$proxy_pid"
  proxy_pid=""
}

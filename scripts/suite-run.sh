# shellcheck shell=bash
# Runs the built specs suite (the local target) once per configuration, for the scripts that compare configurations:
# scripts/check-against-seed.sh and scripts/conformance.sh. Each run gets its own report folder and a time limit;
# its exit status is the caller's to judge. The caller defines log() and die().
#   suite_build CONFIGURATION WORK  builds the specs unless SKIP_BUILD=1, and checks the executable is there
#   suite_run DIR [VAR=value...]    one run with those settings, reports in DIR; sets SUITE_EXIT
#   suite_stop                      stops a run in progress (for the caller's EXIT trap)
# shellcheck disable=SC2034  # SUITE_EXIT is read by the scripts that source this file

SUITE_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUITE_PROJECT=$SUITE_REPO/specs/EgressSpecs.Specs/EgressSpecs.Specs.csproj
SUITE_PID=""
SUITE_EXIT=""
SUITE_RUN_TIMEOUT=${SUITE_RUN_TIMEOUT:-900}

suite_build() { # configuration work-dir
  SUITE_OUT=$SUITE_REPO/specs/EgressSpecs.Specs/bin/$1/net10.0
  SUITE_EXE=$SUITE_OUT/EgressSpecs.Specs
  if [[ ${SKIP_BUILD:-0} != 1 ]]; then
    log "building the specs ($1)"
    dotnet build "$SUITE_PROJECT" -c "$1" -nologo -v q >"$2/build.log" 2>&1 \
      || { tail -n 30 "$2/build.log" >&2; die "the specs do not build"; }
  fi
  [[ -x $SUITE_EXE ]] || die "no built suite at $SUITE_EXE (build it, or let the script build it)"
}

# The suite runs in its output folder, as dotnet test runs it; the settings reach only it.
suite_run() { # report-dir [VAR=value...]
  local dir=$1 status=0
  shift
  rm -rf "$dir"
  mkdir -p "$dir"
  (
    cd "$SUITE_OUT" || exit
    exec env EGRESS_SPECS_REPORT_DIR="$dir" "$@" timeout --kill-after=15 "$SUITE_RUN_TIMEOUT" "$SUITE_EXE" --no-ansi
  ) >"$dir/console.log" 2>&1 &
  SUITE_PID=$!
  wait "$SUITE_PID" || status=$?
  SUITE_PID=""
  [[ $status == 124 || $status == 137 ]] && die "the suite run into $dir exceeded ${SUITE_RUN_TIMEOUT} s"
  [[ -s $dir/junit.xml ]] || { tail -n 30 "$dir/console.log" >&2; die "the suite run into $dir wrote no junit.xml"; }
  SUITE_EXIT=$status
}

suite_stop() {
  if [[ -n $SUITE_PID ]] && kill -0 "$SUITE_PID" 2>/dev/null; then
    kill -TERM "$SUITE_PID" 2>/dev/null || true
    wait "$SUITE_PID" 2>/dev/null || true
  fi
  SUITE_PID=""
}

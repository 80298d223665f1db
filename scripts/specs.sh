#!/usr/bin/env bash
# The main job: runs the executable specs and writes the living documentation.
#
#   scripts/specs.sh                                   # the local target (default): everything on loopback
#   scripts/specs.sh --filter-trait "Category=dns"     # extra arguments go to the test application (see below)
#   scripts/specs.sh --list-tests                      # lists the scenarios; runs none and leaves the last reports alone
#   EGRESS_SPECS_TARGET=k3s scripts/specs.sh           # another target (see docs/targets.md, docs/clusters.md)
#   EGRESS_SPECS_BASELINE=artifacts/specs/local scripts/specs.sh   # compare with an earlier run (its folder or junit.xml)
#   scripts/specs.sh --contract my-contract.yaml       # add one scenario per entry of an egress contract file
#                                                      # (the same as EGRESS_SPECS_CONTRACT=my-contract.yaml; docs/clusters.md)
#
# Writes living-doc.html (Reqnroll's HTML report), junit.xml and summary.md to EGRESS_SPECS_REPORT_DIR
# (default artifacts/specs/<target>), prints summary.md (what was tested, a row per feature, failures, skip reasons,
# the comparison with the baseline), and exits non-zero when a scenario fails or the run cannot start.
#
# The suite runs through `dotnet run`, so the test application's own console reporter prints the results
# (Microsoft.Testing.Platform options such as --filter-trait, --filter-query or --output Detailed work as with
# `dotnet test`; --no-build is understood too). It shows failures only: skips are grouped in summary.md, once per
# reason. Pass --show-test-results or --output to choose otherwise.
set -euo pipefail

# --contract FILE (or --contract=FILE) is this script's own option: it sets EGRESS_SPECS_CONTRACT.
args=()
while (($#)); do
  case $1 in
    --contract)
      [[ $# -ge 2 && -n $2 ]] || { echo "--contract needs a file: --contract path/to/contract.yaml" >&2; exit 2; }
      export EGRESS_SPECS_CONTRACT=$2
      shift 2 ;;
    --contract=*) export EGRESS_SPECS_CONTRACT=${1#--contract=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
set -- ${args[@]+"${args[@]}"}

# The test application runs in its output folder: paths given relative to where this script was started are
# made absolute before it moves.
for name in EGRESS_SPECS_REPORT_DIR EGRESS_SPECS_BASELINE EGRESS_SPECS_COREFILE EGRESS_SPECS_CONTRACT EGRESS_SPECS_CA_FILE; do
  value=${!name:-}
  if [[ -n $value && $value != /* ]]; then
    export "$name=$PWD/$value"
  fi
done
cd "$(dirname "$0")/.."

project=specs/EgressSpecs.Specs/EgressSpecs.Specs.csproj
target=${EGRESS_SPECS_TARGET:-local}
export EGRESS_SPECS_REPORT_DIR="${EGRESS_SPECS_REPORT_DIR:-$PWD/artifacts/specs/$target}"

run_options=()
app_args=()
listing=false
choose_results=true
for arg in "$@"; do
  case $arg in
    --no-build) run_options+=(--no-build) ;;
    --list-tests | --list-tests=*) listing=true; app_args+=("$arg") ;;
    --show-test-results* | --output*) choose_results=false; app_args+=("$arg") ;;
    *) app_args+=("$arg") ;;
  esac
done

if $listing; then
  exec dotnet run --project "$project" "${run_options[@]}" -- "${app_args[@]}"
fi
if $choose_results; then
  app_args+=(--show-test-results failed)
fi

# The run removes the previous summary.md when it starts; the marker tells a summary of this run from one left by
# a run that never started (a build error, say).
mkdir -p "$EGRESS_SPECS_REPORT_DIR"
marker=$(mktemp)
trap 'rm -f "$marker"' EXIT

status=0
dotnet run --project "$project" "${run_options[@]}" -- "${app_args[@]}" || status=$?

echo
summary=$EGRESS_SPECS_REPORT_DIR/summary.md
if [[ -f $summary && $summary -nt $marker ]]; then
  cat "$summary"
else
  echo "No summary was written: the run stopped before its end (see the output above)."
fi
echo
echo "Reports ($target target): $EGRESS_SPECS_REPORT_DIR/{living-doc.html,junit.xml,summary.md}"
exit "$status"

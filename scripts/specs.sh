#!/usr/bin/env bash
# The main job: runs the executable specs and writes the living documentation.
#
#   scripts/specs.sh                                   # the local target (default): everything on loopback
#   scripts/specs.sh --filter-trait "Category=dns"     # extra arguments go to `dotnet test`
#   EGRESS_SPECS_TARGET=k3s scripts/specs.sh           # another target (see docs/targets.md, docs/clusters.md)
#
# Writes living-doc.html (Reqnroll's HTML report), junit.xml and summary.md to EGRESS_SPECS_REPORT_DIR
# (default artifacts/specs/<target>), prints the per-feature summary, and exits non-zero when a scenario fails.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${EGRESS_SPECS_TARGET:-local}
export EGRESS_SPECS_REPORT_DIR="${EGRESS_SPECS_REPORT_DIR:-$PWD/artifacts/specs/$target}"
mkdir -p "$EGRESS_SPECS_REPORT_DIR"
rm -f "$EGRESS_SPECS_REPORT_DIR/summary.md" "$EGRESS_SPECS_REPORT_DIR/junit.xml"

status=0
dotnet test --project specs/EgressSpecs.Specs/EgressSpecs.Specs.csproj \
  --report-xunit-junit --report-xunit-junit-filename junit.xml \
  --results-directory "$EGRESS_SPECS_REPORT_DIR" "$@" || status=$?

echo
if [[ -f "$EGRESS_SPECS_REPORT_DIR/summary.md" ]]; then
  cat "$EGRESS_SPECS_REPORT_DIR/summary.md"
else
  echo "No summary was written: the run stopped before its end (see the output above)."
fi
echo
echo "Reports ($target target): $EGRESS_SPECS_REPORT_DIR/{living-doc.html,junit.xml,summary.md}"
exit "$status"

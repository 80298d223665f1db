#!/usr/bin/env bash
# Runs the executable specs against a throwaway k3s cluster with Linkerd (Testcontainers).
# Needs a Docker engine that runs privileged containers; without one every scenario is skipped with
# the reason and the run still exits 0. Reports (living-doc.html, summary.md, junit.xml) go to
# EGRESS_SPECS_REPORT_DIR (default: artifacts/k3s). EGRESS_SPECS_KEEP_CLUSTER=1 keeps the cluster.
# Extra arguments are passed to `dotnet test` (e.g. --filter-trait "Category=dns").
set -euo pipefail
cd "$(dirname "$0")/.."

export EGRESS_SPECS_TARGET=k3s
export EGRESS_SPECS_REPORT_DIR="${EGRESS_SPECS_REPORT_DIR:-$PWD/artifacts/k3s}"
mkdir -p "$EGRESS_SPECS_REPORT_DIR"

status=0
dotnet test --project specs/EgressSpecs.Specs/EgressSpecs.Specs.csproj \
  --report-xunit-junit --report-xunit-junit-filename junit.xml \
  --results-directory "$EGRESS_SPECS_REPORT_DIR" "$@" || status=$?

if [[ -f "$EGRESS_SPECS_REPORT_DIR/summary.md" ]]; then
  cat "$EGRESS_SPECS_REPORT_DIR/summary.md"
fi
exit "$status"

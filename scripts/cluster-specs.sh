#!/usr/bin/env bash
# Runs the executable specs against an existing cluster, as a platform team does before an upgrade.
# The cluster comes from KUBECONFIG (default ~/.kube/config) and EGRESS_SPECS_KUBE_CONTEXT (default:
# the current context). The run first checks that Linkerd, the egress DNS rule and the egress proxy
# are there, and skips every scenario naming what is missing. It only reads the cluster, plus one
# namespace of its own (egress-specs-apps-<run>, labelled) that it deletes afterwards.
# Reports go to EGRESS_SPECS_REPORT_DIR (default: artifacts/cluster). Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

export EGRESS_SPECS_TARGET=cluster
export EGRESS_SPECS_REPORT_DIR="${EGRESS_SPECS_REPORT_DIR:-$PWD/artifacts/cluster}"
mkdir -p "$EGRESS_SPECS_REPORT_DIR"

status=0
dotnet test --project specs/EgressSpecs.Specs/EgressSpecs.Specs.csproj \
  --report-xunit-junit --report-xunit-junit-filename junit.xml \
  --results-directory "$EGRESS_SPECS_REPORT_DIR" "$@" || status=$?

if [[ -f "$EGRESS_SPECS_REPORT_DIR/summary.md" ]]; then
  cat "$EGRESS_SPECS_REPORT_DIR/summary.md"
fi
exit "$status"

#!/usr/bin/env bash
# Runs the executable specs against an existing cluster, as a platform team does before an upgrade.
# The cluster comes from KUBECONFIG (default ~/.kube/config) and EGRESS_SPECS_KUBE_CONTEXT (default:
# the current context). The run first checks that Linkerd, the egress DNS rule and the egress proxy
# are there, and fails the run (non-zero exit) naming what is missing. It only reads the cluster, plus one
# namespace of its own (egress-specs-apps-<run>, labelled) that it deletes afterwards.
# Reports go to EGRESS_SPECS_REPORT_DIR (default artifacts/specs/cluster); extra arguments go to scripts/specs.sh.
# The cluster's own egress is checked with a contract file (docs/clusters.md, "Before and after an upgrade"):
#   scripts/cluster-specs.sh --contract my-contract.yaml
set -euo pipefail
EGRESS_SPECS_TARGET=cluster exec "$(dirname "$0")/specs.sh" "$@"

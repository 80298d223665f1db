#!/usr/bin/env bash
# Runs the executable specs against a throwaway k3s cluster with Linkerd (Testcontainers).
# Needs a Docker engine that runs privileged containers; without one every scenario is skipped with
# the reason and the run still exits 0. EGRESS_SPECS_KEEP_CLUSTER=1 keeps the cluster for debugging.
# Reports go to EGRESS_SPECS_REPORT_DIR (default artifacts/specs/k3s); extra arguments go to scripts/specs.sh.
set -euo pipefail
EGRESS_SPECS_TARGET=k3s exec "$(dirname "$0")/specs.sh" "$@"

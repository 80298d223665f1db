#!/usr/bin/env bash
# Runs the executable specs against a throwaway k3s cluster with Linkerd (Testcontainers).
# Needs a Docker engine that runs privileged containers; without one the run fails (non-zero exit) with
# the reason at the top of its output and of summary.md. Each start phase prints its duration.
# EGRESS_SPECS_KEEP_CLUSTER=1 keeps the cluster for debugging (docs/clusters.md, "Running it for the first time").
# Reports go to EGRESS_SPECS_REPORT_DIR (default artifacts/specs/k3s); extra arguments go to scripts/specs.sh,
# including --contract FILE (an egress contract's entries as scenarios, docs/clusters.md).
set -euo pipefail
EGRESS_SPECS_TARGET=k3s exec "$(dirname "$0")/specs.sh" "$@"

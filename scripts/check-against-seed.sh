#!/usr/bin/env bash
# Proves the egress specs have teeth: runs the suite against the proof of concept
# (grampelberg/k8s-egress) and checks that every defect of it that the local target can observe
# (docs/seed-check.md lists them: defects 1, 2, 4, 5) makes a scenario tagged
# @poc-defect-N fail, while our own proxy and rule pass everything.
#
# Configurations (each writes junit.xml, summary.md and living-doc.html into its own folder):
#   0-ours        our proxy, our rule (infra/coredns-custom.yml): the regular run, must pass
#   1-seed-nginx  the seed's nginx proxy logic, our rule: shows the proxy defects
#   2-seed-rule   our proxy, the seed's DNS rule: shows the DNS defects
#   3-seed        both from the seed: the proof of concept as shipped
#
# Everything runs on loopback; everything it starts is stopped on exit. Re-runnable: each run
# replaces the report folder's contents.
#
# Settings (environment):
#   SEED_CHECK_REPORT_DIR     report folder (default artifacts/seed-check under the repository)
#   SEED_CHECK_CONFIGURATION  build configuration of the specs (default Debug)
#   SEED_CHECK_NO_BUILD=1     reuse an existing build of that configuration
#   SEED_CHECK_RUN_TIMEOUT    seconds one suite run may take (default 600)
#   SEED_CHECK_SKIP_INSTALL=1 never apt-get install nginx (fail if it is missing)
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONFIGURATION=${SEED_CHECK_CONFIGURATION:-Debug}
REPORT_DIR=${SEED_CHECK_REPORT_DIR:-$REPO/artifacts/seed-check}
SUITE_RUN_TIMEOUT=${SEED_CHECK_RUN_TIMEOUT:-600}
SKIP_BUILD=${SEED_CHECK_NO_BUILD:-0}

# The seed's proxy logic and DNS rule, verbatim (egress.yml's nginx location, README's rule line).
SEED_RULE='rewrite name regex (.*)\.egress.local proxy.egress.svc.cluster.local'

LOCALLY_OBSERVABLE=(1 2 4 5)
declare -A DEFECT_TEXT=(
  [1]="DNS answer owned by the proxy's name, not the question: glibc drops it (host not found)"
  [2]="Unanchored, unescaped regex: look-alike names are rewritten and forwarded"
  [3]="Broken Kubernetes wiring: mounted ConfigMap not installed, kube-dns stubDomains by name, CoreDNS ignores kube-dns"
  [4]="nginx TLS defaults: no certificate check, no SNI, no upstream keepalive"
  [5]="Open proxy: any name forwarded (IP literals, localhost, metadata, cluster names), headers leak"
  [6]="Fail-safe only outside the cluster: an unmeshed pod is served in plaintext"
  [7]="No NetworkPolicy restricting outbound traffic to the egress pods"
)
# Defect 3 is about the seed's Kubernetes objects: our manifests are checked offline instead.
# shellcheck disable=SC2016  # the backticks are Markdown code spans in the table, not command substitutions
DEFECT3_TESTS='infra/EgressSpecs.Infra.Tests: `Deployment_MountsAllowlistConfigMapReadOnlyAtEtcEgress`, `ConfigMapVolumes_NameConfigMapsOfTheInstall`, `RuleFile_IsK3sCorednsCustomWithOverrideKey`, `Install_HasNoKubeDnsConfiguration`'
declare -A CONFIG_TEXT=(
  [0-ours]="our proxy + our rule"
  [1-seed-nginx]="seed nginx + our rule"
  [2-seed-rule]="our proxy + seed rule"
  [3-seed]="seed nginx + seed rule"
)
CONFIGS=(0-ours 1-seed-nginx 2-seed-rule 3-seed)

log() { printf '[seed-check %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# shellcheck source=peers/peers.sh
source "$REPO/scripts/peers/peers.sh"
# shellcheck source=suite-run.sh
source "$REPO/scripts/suite-run.sh"

WORK=$(mktemp -d -t seed-check.XXXXXX)
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  suite_stop
  peer_stop
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The run must not depend on who starts it: drop every inherited EGRESS_SPECS_* setting.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^EGRESS_SPECS_' || true)

# ------------------------------------------------------------------ nginx (Debian's package)
if [[ ${SEED_CHECK_SKIP_INSTALL:-0} == 1 ]]; then
  command -v nginx >/dev/null || die "nginx is missing and SEED_CHECK_SKIP_INSTALL=1"
else
  peer_install nginx-seed
fi
command -v python3 >/dev/null || die "python3 is needed to read the JUnit files"

# ------------------------------------------------------------------ build once
suite_build "$CONFIGURATION" "$WORK"

# ------------------------------------------------------------------ ports
# Three distinct loopback ports free for TCP and UDP (the bench kit's picker): the third parties, the cluster DNS, nginx.
# nginx's config names the DNS and third-party ports, so they are fixed before anything starts.
read -r TP_PORT DNS_PORT NGINX_PORT < <(kit_free_ports 3)
log "ports: third parties $TP_PORT, cluster DNS $DNS_PORT, seed nginx $NGINX_PORT"

# ------------------------------------------------------------------ the seed's DNS rule
SEED_COREFILE=$WORK/seed-rule.Corefile
printf '%s\n' "$SEED_RULE" >"$SEED_COREFILE"

# ------------------------------------------------------------------ the seed's nginx, pointed at the local target
# scripts/peers/nginx-seed: the seed's proxy logic verbatim, nginx's defaults for the rest; the conformance matrix
# scores the same configuration.
start_nginx() {
  PEER_LISTEN_PORT=$NGINX_PORT PEER_ADMIN_PORT=$NGINX_PORT PEER_DNS_IP=127.0.0.1 PEER_DNS_PORT=$DNS_PORT
  PEER_UPSTREAM_PORT=$TP_PORT PEER_CA_FILE=/dev/null PEER_ALLOW_REGEX='.*'   # the seed has no CA and no allowlist
  peer_start nginx-seed "$WORK/nginx"
}

# ------------------------------------------------------------------ suite runs
# run_suite <config> [VAR=value...]: one run of the built suite, reports in $REPORT_DIR/<config>.
declare -A SUITE_STATUS
run_suite() {
  local config=$1 started=$SECONDS
  shift
  log "run $config (${CONFIG_TEXT[$config]})"
  suite_run "$REPORT_DIR/$config" "$@"
  SUITE_STATUS[$config]=$SUITE_EXIT
  log "run $config: exit $SUITE_EXIT in $((SECONDS - started)) s"
}

BEGIN=$SECONDS
mkdir -p "$REPORT_DIR"
rm -f "$REPORT_DIR/table.md" "$REPORT_DIR/failures.md" "$REPORT_DIR/tags.tsv"
FIXED_PORTS=(EGRESS_SPECS_THIRD_PARTY_PORT="$TP_PORT" EGRESS_SPECS_DNS_PORT="$DNS_PORT")

run_suite 0-ours
start_nginx
run_suite 1-seed-nginx "${FIXED_PORTS[@]}" EGRESS_SPECS_PROXY_URL="http://127.0.0.1:$NGINX_PORT"
run_suite 2-seed-rule "${FIXED_PORTS[@]}" EGRESS_SPECS_COREFILE="$SEED_COREFILE"
run_suite 3-seed "${FIXED_PORTS[@]}" EGRESS_SPECS_PROXY_URL="http://127.0.0.1:$NGINX_PORT" \
  EGRESS_SPECS_COREFILE="$SEED_COREFILE"

# ------------------------------------------------------------------ which scenario catches which defect
# The suite's own junit.xml (written by its adapter into each report folder) names every scenario as xunit does and
# carries its tags, @poc-defect-N among them; the first run lists every scenario, the skipped ones included.
python3 - "$REPORT_DIR" "${CONFIGS[@]}" <<'PY' >"$WORK/mapping.tsv"
import sys, xml.etree.ElementTree as ET
report_dir, configs = sys.argv[1], sys.argv[2:]
def tagged(case):
    return {int(p.get("value")[len("poc-defect-"):]) for p in case.iter("property")
            if p.get("name") == "tag" and p.get("value", "").startswith("poc-defect-")}
tags = {n: [] for n in range(1, 8)}
for case in ET.parse(f"{report_dir}/{configs[0]}/junit.xml").getroot().iter("testcase"):
    for n in tagged(case):
        tags[n].append(case.get("name", ""))
for config in configs:
    root = ET.parse(f"{report_dir}/{config}/junit.xml").getroot()
    for case in root.iter("testcase"):
        name = case.get("name", "")
        failure = case.find("failure")
        if case.find("skipped") is not None:
            outcome, reason = "skipped", (case.find("skipped").get("message") or "")
        elif failure is not None:
            outcome, reason = "failed", failure.get("message") or ""
        else:
            outcome, reason = "passed", ""
        reason = reason[:240]
        defects = ",".join(str(n) for n in range(1, 8) if name in tags[n]) or "-"
        print(f"{config}\t{outcome}\t{defects}\t{name}\t{reason}")
for n in range(1, 8):
    for name in tags[n]:
        print(f"tag\t{n}\t{n}\t{name}\t")
PY
cp "$WORK/mapping.tsv" "$REPORT_DIR/results.tsv"

# ------------------------------------------------------------------ the table
python3 - "$WORK/mapping.tsv" "${LOCALLY_OBSERVABLE[*]}" "$DEFECT3_TESTS" \
  "${DEFECT_TEXT[1]}" "${DEFECT_TEXT[2]}" "${DEFECT_TEXT[3]}" "${DEFECT_TEXT[4]}" \
  "${DEFECT_TEXT[5]}" "${DEFECT_TEXT[6]}" "${DEFECT_TEXT[7]}" \
  >"$REPORT_DIR/table.md" 2>"$WORK/verdicts.txt" <<'PY'
import re, sys
from collections import defaultdict
MASKED = "NameNotResolved"
mapping, observable, defect3, texts = sys.argv[1], set(sys.argv[2].split()), sys.argv[3], sys.argv[4:]
tagged, caught = defaultdict(list), defaultdict(lambda: defaultdict(list))
for line in open(mapping, encoding="utf-8"):
    config, outcome, defects, name, reason = line.rstrip("\n").split("\t")
    if config == "tag":
        tagged[int(defects)].append(name)
        continue
    if outcome == "failed" and config != "0-ours" and defects != "-":
        for n in defects.split(","):
            # A call that never resolved says nothing about the proxy: that is defect 1 showing
            # through (the seed's rule), so it does not count as catching the scenario's own defect.
            if n != "1" and MASKED in reason:
                continue
            caught[int(n)][config].append(re.sub(r" \[[^\]]*\]$", "", name.split(": ", 1)[-1]))
print("| # | defect | observable on the local target? | caught by (configuration: scenarios) | verdict |")
print("|---|---|---|---|---|")
for n in range(1, 8):
    key = str(n)
    if key in observable:
        where = "yes"
        cells = "<br>".join(f"**{config}**: " + "; ".join(sorted(set(names)))
                            for config, names in sorted(caught[n].items()))
        verdict = "caught" if caught[n] else "NOT CAUGHT"
        if not caught[n]:
            print(f"defect {n} is locally observable but no @poc-defect-{n} scenario failed", file=sys.stderr)
    elif n == 3:
        where, cells, verdict = "no: the seed's Kubernetes objects", defect3, "checked offline"
    else:
        where = "no: needs a cluster"
        cells = "; ".join(name.split(": ", 1)[-1] for name in tagged[n]) + " (skipped on local)"
        verdict = "needs a cluster target"
    print(f"| {n} | {texts[n - 1]} | {where} | {cells or '-'} | {verdict} |")
PY

# Failing scenarios per configuration, with the first line of each failure.
{
  for config in "${CONFIGS[@]}"; do
    echo "### $config (${CONFIG_TEXT[$config]}): exit ${SUITE_STATUS[$config]}"
    echo
    awk -F'\t' -v c="$config" '$1 == c && $2 == "failed" {
        note = ($3 == "-") ? " (untagged)" : " (@poc-defect-" $3 ")"
        if ($5 ~ /NameNotResolved/ && $3 != "1") note = note ", masked by defect 1"
        printf "- %s%s: %s\n", $4, note, $5 }' \
      "$WORK/mapping.tsv" | sort
    awk -F'\t' -v c="$config" '$1 == c { n[$2]++ } END { printf "\n%d passed, %d failed, %d skipped\n\n", n["passed"], n["failed"], n["skipped"] }' \
      "$WORK/mapping.tsv"
  done
} >"$REPORT_DIR/failures.md"

echo
cat "$REPORT_DIR/table.md"
echo
log "reports: $REPORT_DIR (table.md, failures.md, one folder per configuration); took $((SECONDS - BEGIN)) s after the build"

# ------------------------------------------------------------------ verdict
reasons=()
ours_failed=$(awk -F'\t' '$1 == "0-ours" && $2 == "failed"' "$WORK/mapping.tsv" | wc -l)
if [[ ${SUITE_STATUS[0-ours]} != 0 || $ours_failed != 0 ]]; then
  reasons+=("our own proxy and rule do not pass everything (exit ${SUITE_STATUS[0-ours]}, $ours_failed failed)")
fi
while read -r line; do [[ -n $line ]] && reasons+=("$line"); done <"$WORK/verdicts.txt"
for config in 1-seed-nginx 2-seed-rule 3-seed; do
  [[ ${SUITE_STATUS[$config]} == 0 ]] && reasons+=("the suite passed against $config: it has no teeth there")
done
if ((${#reasons[@]})); then
  for reason in "${reasons[@]}"; do log "FAILED: $reason"; done
  exit 1
fi
log "OK: every locally observable defect of the proof of concept is caught; our proxy and rule pass"

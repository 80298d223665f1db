#!/usr/bin/env python3
"""Reads the suite's junit.xml files (one per proxy) and writes the conformance matrix of scripts/conformance.sh.

  matrix.py count JUNIT          "86 passed, 0 failed, 4 skipped"
  matrix.py failed JUNIT         the number of failed scenarios
  matrix.py write --reports DIR --columns "ours nginx-seed ..." ...   the markdown document, on stdout

The junit.xml is the one the specs' adapter writes: each test case carries its feature and rule as properties, in the
features' documented order; a failure's message attribute is its one-line reason, a skip's message its reason.
"""
import argparse
import datetime
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import OrderedDict

PASS, FAIL, SKIP = "passed", "failed", "skipped"
COLUMN_TITLES = {
    "ours": "ours",
    "nginx-seed": "nginx, proof of concept",
    "nginx-hardened": "nginx, hardened",
    "caddy": "Caddy 2",
    "haproxy": "HAProxy 2.6",
    "apache": "Apache httpd",
}
REASON_LENGTH = 150


def read(junit):
    """[(feature, rule or None, scenario, outcome, reason)] in the report's order."""
    root = ET.parse(junit).getroot()
    cases = []
    for case in root.iter("testcase"):
        properties = {p.get("name"): p.get("value") for p in case.iter("property")}
        name = case.get("name", "")
        feature = properties.get("feature") or case.get("classname", "")
        scenario = name.split(": ", 1)[1] if name.startswith(feature + ": ") else name
        if case.find("failure") is not None:
            outcome, reason = FAIL, case.find("failure").get("message") or ""
        elif case.find("skipped") is not None:
            outcome, reason = SKIP, case.find("skipped").get("message") or ""
        else:
            outcome, reason = PASS, ""
        cases.append((feature, properties.get("rule"), scenario, outcome, " ".join(reason.split())))
    return cases


def counts(cases):
    tally = {PASS: 0, FAIL: 0, SKIP: 0}
    for case in cases:
        tally[case[3]] += 1
    return tally


def shorten(text, length=REASON_LENGTH):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def cell_text(text):
    return text.replace("|", "\\|").replace("\n", " ")


def rule_cell(results):
    """results: [(scenario, outcome, reason)] of one rule in one column -> (kept?, markdown cell)."""
    failed = [r for r in results if r[1] == FAIL]
    skipped = [r for r in results if r[1] == SKIP]
    if failed:
        scenario, _, reason = failed[0]
        share = f" ({len(failed)} of {len(results)} scenarios)" if len(results) > 1 else ""
        return False, f"**fail**{share}: {cell_text(scenario)}: {cell_text(shorten(reason))}"
    if skipped and len(skipped) == len(results):
        return None, f"skip: {cell_text(shorten(skipped[0][2], 90))}"
    if skipped:
        return True, f"pass ({len(skipped)} skipped: {cell_text(shorten(skipped[0][2], 90))})"
    return True, "pass"


def write(args):
    columns = args.columns.split()
    runs = {column: read(os.path.join(args.reports, column, "junit.xml")) for column in columns}
    versions = dict(line.rstrip("\n").split("\t", 1) for line in open(args.versions, encoding="utf-8") if "\t" in line)
    cannot = {}
    if args.cannot_do and os.path.exists(args.cannot_do):
        for line in open(args.cannot_do, encoding="utf-8"):
            peer, _, items = line.rstrip("\n").partition("\t")
            cannot[peer] = [item for item in items.split("\x1e") if item]

    # Rows in the order of our run (the features' documented order); a scenario without a rule is its own row.
    rows = OrderedDict()
    for feature, rule, scenario, _, _ in runs[columns[0]]:
        rows.setdefault((feature, rule or scenario), None)
    results = {column: {} for column in columns}
    for column, cases in runs.items():
        for feature, rule, scenario, outcome, reason in cases:
            results[column].setdefault((feature, rule or scenario), []).append((scenario, outcome, reason))

    out = []
    say = out.append
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    say("# Which egress proxy keeps the promises?")
    say("")
    say("The whole suite, on the local target, against the egress proxies people run for this pattern, each configured as")
    say("well as its operator can (the configurations, with a comment per directive, are in `scripts/peers/`), and against")
    say("ours. Every column saw the same run: the shipped DNS rule, the same third parties, the same CA, the same meshed app")
    say("(real curl and glibc where the machine allows). A row is a Rule of the features, in their words; a cell says whether")
    say("the proxy kept it (every scenario of the rule passed), the first failing scenario and its one-line reason, or why")
    say("it was skipped.")
    say("")
    say(f"- **Recorded**: {now}, commit `{args.commit}`, by `{args.command}`")
    say(f"- **Machine**: {args.machine}")
    say("- **Versions**: " + "; ".join(f"{COLUMN_TITLES.get(c, c)}: {versions.get(c, '?')}" for c in columns))
    say("")

    header = "| Rule | " + " | ".join(COLUMN_TITLES.get(c, c) for c in columns) + " |"
    rule = "|---|" + "---|" * len(columns)
    kept = {column: 0 for column in columns}
    scored = 0
    not_run = []
    features = OrderedDict()
    for key in rows:
        cells = [rule_cell(results[column].get(key, [("", SKIP, "not in this run")])) for column in columns]
        if all(verdict is None for verdict, _ in cells):
            not_run.append((key, cells[0][1]))
            continue
        scored += 1
        for column, (verdict, _) in zip(columns, cells):
            if verdict:
                kept[column] += 1
        features.setdefault(key[0], []).append((key[1], cells))
    for feature, feature_rows in features.items():
        say(f"## {feature}")
        say("")
        say(header)
        say(rule)
        for rule_name, cells in feature_rows:
            say(f"| {cell_text(rule_name)} | " + " | ".join(text for _, text in cells) + " |")
        say("")

    say("## Totals")
    say("")
    say("| | " + " | ".join(COLUMN_TITLES.get(c, c) for c in columns) + " |")
    say("|---|" + "---|" * len(columns))
    say(f"| rules kept (of {scored}) | " + " | ".join(f"**{kept[c]}**" for c in columns) + " |")
    tallies = {c: counts(runs[c]) for c in columns}
    for outcome in (PASS, FAIL, SKIP):
        say(f"| scenarios {outcome} | " + " | ".join(str(tallies[c][outcome]) for c in columns) + " |")
    bench = read_bench(args.bench)
    if bench:
        say("| req/s, 100 B, wrk -t2 -c32 | " + " | ".join(bench.get(c, {}).get("rps", "–") for c in columns) + " |")
        say("| CPU µs per request, 100 B | " + " | ".join(bench.get(c, {}).get("us", "–") for c in columns) + " |")
        say("| errors in that run | " + " | ".join(bench.get(c, {}).get("errors", "–") for c in columns) + " |")
        say("")
        say("The last three rows come from one benchmark run of the same configurations, one after the other, against the")
        say("bench kit's nginx origin (100-byte answers over TLS, HTTP/1.1, a test CA; `scripts/bench-kit/`) with the same")
        say("allowlist pattern: req/s is what the whole 2-core machine does with wrk beside the proxy; CPU is the proxy's own")
        say("utime+stime over the requests it served. Compare columns within one run: on a shared VM the absolute figures")
        say("of every column can move together between runs (here by up to 1.8x within an hour); their ratios do not.")
        say(bench.get("_note", {}).get("text", ""))
    else:
        say("")
        say("No benchmark in this run (`CONFORMANCE_NO_BENCH=1`).")
    say("")

    if not_run:
        say("## Not run on the local target")
        say("")
        say("These rules need what only a cluster target has (the reason is the suite's own); every column skipped them.")
        say("")
        for (feature_name, rule_name), text in not_run:
            say(f"- {feature_name}: {rule_name} ({text})")
        say("")

    peers = [c for c in columns if c in cannot]
    if peers:
        say("## What each proxy cannot do for this pattern")
        say("")
        say("From the header of each configuration in `scripts/peers/`: a missing feature, not a missing effort.")
        say("")
        for peer in peers:
            say(f"**{COLUMN_TITLES.get(peer, peer)}** ({versions.get(peer, '?')})")
            say("")
            for item in cannot[peer]:
                # The heading already says "cannot": items read as what is missing, whichever way the config words them.
                item = re.sub(r"^cannot\s+", "", item, flags=re.IGNORECASE)
                say(f"- {item[:1].upper()}{item[1:]}")
            say("")

    say("## Reproduce")
    say("")
    say("```bash")
    say("scripts/conformance.sh                                  # every peer, the benchmark, this file")
    say('CONFORMANCE_PEERS="caddy" CONFORMANCE_NO_BENCH=1 scripts/conformance.sh   # one peer, artifacts/conformance/ only')
    say("```")
    say("")
    say("Each column's junit.xml, summary.md, living-doc.html and console.log are in `artifacts/conformance/<column>/`.")
    print("\n".join(out))


def read_bench(path):
    if not path or not os.path.exists(path):
        return {}
    bench = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0] == "_note":
            bench["_note"] = {"text": parts[1]}
        elif len(parts) >= 4:
            bench[parts[0]] = {"rps": parts[1], "us": parts[2], "errors": parts[3]}
    return bench


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("count").add_argument("junit")
    sub.add_parser("failed").add_argument("junit")
    w = sub.add_parser("write")
    w.add_argument("--reports", required=True)
    w.add_argument("--columns", required=True)
    w.add_argument("--versions", required=True)
    w.add_argument("--cannot-do")
    w.add_argument("--bench")
    w.add_argument("--commit", required=True)
    w.add_argument("--machine", required=True)
    w.add_argument("--command", required=True)
    args = parser.parse_args()
    if args.command == "count":
        tally = counts(read(args.junit))
        print(f"{tally[PASS]} passed, {tally[FAIL]} failed, {tally[SKIP]} skipped")
    elif args.command == "failed":
        print(counts(read(args.junit))[FAIL])
    else:
        write(args)


if __name__ == "__main__":
    sys.exit(main())

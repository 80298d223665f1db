#!/usr/bin/env bash
# Fuzzes the proxy's routing decision (Host header -> route or refusal) with AFL++ through SharpFuzz.
# Installs what it needs, builds, instruments EgressSpecs.Proxy.dll, runs for FUZZ_SECONDS under nice,
# then prints execs, paths, crashes and hangs. See docs/fuzzing.md.
#
#   FUZZ_SECONDS=600 scripts/fuzz.sh        # default 600 s
#   FUZZ_OUT=/tmp/egress-fuzz               # where the build and the findings go (wiped at start)
#   FUZZ_NICE=10                            # niceness of the fuzzer
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$repo/proxy/EgressSpecs.Proxy.Fuzz"
seconds="${FUZZ_SECONDS:-600}"
out="${FUZZ_OUT:-${TMPDIR:-/tmp}/egress-fuzz}"
niceness="${FUZZ_NICE:-10}"
tools="$out/tools"

if ! command -v afl-fuzz >/dev/null; then
  echo "Installing AFL++ (Debian package afl++)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi

rm -rf "${out:?}/bin" "${out:?}/findings"
mkdir -p "$out"
if [[ ! -x "$tools/sharpfuzz" ]]; then
  dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

echo "Building the harness into $out/bin" >&2
nice -n "$niceness" dotnet publish "$project/EgressSpecs.Proxy.Fuzz.csproj" -c Release -o "$out/bin" -v quiet -nologo >/dev/null

# Only the code under test is instrumented: the harness, SharpFuzz and the framework are not.
"$tools/sharpfuzz" "$out/bin/EgressSpecs.Proxy.dll"

# dotnet is not an AFL-instrumented binary (SharpFuzz instruments the IL), so skip that check; the cores are
# shared, so no CPU pinning; crashes are exceptions reported by the fork server, not core dumps.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_NO_UI=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
echo "Fuzzing for ${seconds}s (nice $niceness); findings in $out/findings" >&2
nice -n "$niceness" afl-fuzz -V "$seconds" -t 5000 -m none \
  -i "$project/corpus" -o "$out/findings" -x "$project/egress.dict" \
  -- dotnet "$out/bin/EgressSpecs.Proxy.Fuzz.dll" >"$out/afl.log" 2>&1 || {
  echo "afl-fuzz failed; last lines of $out/afl.log:" >&2
  tail -n 30 "$out/afl.log" >&2
  exit 1
}

stats="$out/findings/default/fuzzer_stats"
stat_of() { awk -F' *: *' -v key="$1" '$1 == key { print $2 }' "$stats"; }
crashes="$(stat_of saved_crashes)"
echo "run_time_s=$(stat_of run_time) execs=$(stat_of execs_done) execs_per_sec=$(stat_of execs_per_sec)" \
  "paths=$(stat_of corpus_count) paths_found=$(stat_of corpus_found) crashes=$crashes hangs=$(stat_of saved_hangs)"
if [[ "${crashes:-0}" != "0" ]]; then
  echo "Crashing inputs (replay: dotnet $out/bin/EgressSpecs.Proxy.Fuzz.dll FILE):" >&2
  ls "$out/findings/default/crashes/" >&2
  exit 2
fi

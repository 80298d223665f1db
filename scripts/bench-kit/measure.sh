# shellcheck shell=bash
# Measuring helpers shared by bench.sh, load.sh and soak.sh: wrk runs and their parsing, CPU ticks, RSS, the
# machine's load, and provenance. Sourced after kit.sh.
# shellcheck disable=SC2034  # the variables set here are read by the scripts that source this file

CLK_TCK=$(getconf CLK_TCK)

load1() { awk '{print $1}' /proc/loadavg; }

# Waits (polling every 10 s, at most QUIET_WAIT seconds) until the 1-minute load average is below QUIET_LOAD:
# other work on the same cores distorts every figure. Measures anyway when the box never gets quiet, and says so.
wait_for_quiet() {
  local limit=${QUIET_LOAD:-0.6} wait=${QUIET_WAIT:-300} waited=0
  while awk -v l="$(load1)" -v m="$limit" 'BEGIN { exit !(l >= m) }'; do
    if ((waited >= wait)); then
      kit_log "the box is still busy after ${wait}s (load average $(load1), want < $limit): measuring anyway"
      return 0
    fi
    ((waited == 0)) && kit_log "waiting for the 1-minute load average ($(load1)) to fall below $limit (up to ${wait}s)"
    sleep 10
    waited=$((waited + 10))
  done
  kit_log "load average $(load1) (< $limit) after waiting ${waited}s"
}

# A process and its direct children (nginx: the master and its workers).
tree_pids() { # pid
  echo "$1"
  pgrep -P "$1" 2>/dev/null || true
}

# utime + stime, in clock ticks, of the given processes (every thread included).
cpu_ticks() { # pids...
  local pid total=0
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] || continue
    total=$((total + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$pid/stat")))
  done
  echo "$total"
}

# CPU of this shell's finished children (wrk, curl): it grows when each is reaped.
reaped_child_ticks() { awk '{sub(/.*\) /, ""); print $14 + $15}' "/proc/$$/stat"; }

# user + nice + system ticks of the whole machine (every core).
machine_busy_ticks() { awk '$1 == "cpu" {print $2 + $3 + $4; exit}' /proc/stat; }

rss_kib() { # pids... -> summed VmRSS
  local pid total=0 v
  for pid in "$@"; do
    v=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

hwm_kib() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }

to_mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

to_ms() { # wrk latency token (812.00us, 3.41ms, 1.02s) -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}

# One wrk run; the raw output (its first line is the command) goes to the file.
wrk_run() { # out-file connections seconds host url [extra wrk args...]
  local out=$1 conns=$2 seconds=$3 host=$4 url=$5
  shift 5
  echo "# wrk -t${WRK_THREADS:-2} -c$conns -d${seconds}s --latency $* -H 'Host: $host' $url" >"$out"
  wrk -t"${WRK_THREADS:-2}" -c"$conns" -d"${seconds}s" --latency "$@" -H "Host: $host" "$url" >>"$out" 2>&1 || true
}

# wrk_run in the background while the summed RSS of the given processes is sampled every 0.5 s (bounded: the run's
# length plus a margin); the peak, in KiB, is left in WRK_PEAK_RSS_KIB. Not in a subshell: wrk_pid holds wrk meanwhile,
# so the caller's EXIT trap can stop it.
wrk_run_peak_rss() { # "pid..." out-file connections seconds host url [extra wrk args...]
  local pids=$1 seconds=$4 r _
  shift
  WRK_PEAK_RSS_KIB=0
  wrk_run "$@" &
  wrk_pid=$!
  for _ in $(seq 1 $(((seconds + 30) * 2))); do
    kill -0 "$wrk_pid" 2>/dev/null || break
    # shellcheck disable=SC2086  # the pids are words
    r=$(rss_kib $pids)
    ((r > WRK_PEAK_RSS_KIB)) && WRK_PEAK_RSS_KIB=$r
    sleep 0.5
  done
  wait "$wrk_pid" || true
  wrk_pid=""
}

# One wrk run (wrk_run's arguments) while the CPU of the given processes is counted. Prints "req/s µs errors": µs is
# their utime+stime (every thread) per request wrk completed, "–" when it completed none.
wrk_cpu_per_request() { # out-file connections seconds host url "pid..."
  local pids=$6 c0 c1 rps reqs bad
  # shellcheck disable=SC2086  # the pids are words
  c0=$(cpu_ticks $pids)
  wrk_run "$1" "$2" "$3" "$4" "$5"
  # shellcheck disable=SC2086
  c1=$(cpu_ticks $pids)
  read -r rps reqs _ _ _ bad < <(wrk_parse "$1")
  awk -v r="$rps" -v n="$reqs" -v t=$((c1 - c0)) -v hz="$CLK_TCK" -v e="$bad" \
    'BEGIN { printf "%.0f %s %d\n", r, (n > 0) ? sprintf("%.1f", t * 1e6 / hz / n) : "–", e }'
}

# An awk function for the scripts' summaries, put before an awk program (awk "$AWK_MEDIAN"'...'): median(s) is the
# median of the space-separated numbers in s, or "–" when there are none (which a numeric printf format prints as 0).
AWK_MEDIAN='
  function median(s,   a, n, i, j, t) { n = split(s, a, " "); if (n == 0) return "–"
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
'

# "req/s requests seconds p50-ms p99-ms errors" from a wrk output file (errors = non-2xx + socket errors).
wrk_parse() { # file
  awk '
    /^Requests\/sec:/ { rps = $2 }
    / requests in / { reqs = $1; secs = $4; sub(/s,?$/, "", secs) }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /^  Non-2xx/ { bad += $NF }
    /Socket errors/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
    END { printf "%s %s %s %s %s %d\n", rps ? rps : 0, reqs ? reqs : 0, secs ? secs : 0, p50 ? p50 : "0us", p99 ? p99 : "0us", bad }
  ' "$1" | while read -r rps reqs secs p50 p99 bad; do
    echo "$rps $reqs $secs $(to_ms "$p50") $(to_ms "$p99") $bad"
  done
}

# The lines every results document starts with: what was run, on which commit and machine, when.
provenance() { # command line
  local runtime_env commit dirty cpu
  # Runtime settings only (the SDK's own DOTNET_CLI_*, DOTNET_NOLOGO, ... do not change the running proxy).
  runtime_env=$(env | grep -E '^(DOTNET|COMPlus)_' \
    | grep -vE '^DOTNET_(CLI_|NOLOGO|GENERATE_ASPNET_CERTIFICATE|SKIP_FIRST_TIME|ROOT|INSTALL_DIR|ADD_GLOBAL_TOOLS|MULTILEVEL_LOOKUP)' \
    | sort | tr '\n' ' ' | sed 's/ $//' || true)
  commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$ROOT" diff --quiet HEAD -- proxy 2>/dev/null || echo ' plus uncommitted changes under proxy/')
  cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
  echo "- **Command** (from the repository root): \`$1\`${runtime_env:+ with \`$runtime_env\` in the environment}"
  echo "- **Date**: $(date -u '+%Y-%m-%d %H:%M') UTC; **commit** \`$commit\`$dirty"
  echo "- **Machine**: $(uname -sr), $(nproc) cores ($cpu), $(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM;" \
    ".NET $(dotnet --list-runtimes 2>/dev/null | awk '/Microsoft.NETCore.App/ {v = $2} END {print v}'); $(kit_versions)"
}

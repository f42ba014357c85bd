#!/usr/bin/env bash
# Times the foundation's stages side by side on one workload, in one run, and prints a markdown
# table: generation alone, the embedded pipeline from a JSON-lines file, and the embedded pipeline
# from the simulator. Medians of REPEATS runs; peak memory from /usr/bin/time.
# Usage: scripts/bench-foundation.sh [EVENTS] [REPEATS]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for tool in bc /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench-foundation: needs $tool (apt-get install bc time)" >&2; exit 1; }
done
events="${1:-200000}"
repeats="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cli=("$root/intelligence")
args=(--events "$events" --all-scenarios --bad-input --seed 42)

"${cli[@]}" --help >/dev/null # builds once, outside the timings
INTELLIGENCE_CHDB_LIB="${INTELLIGENCE_CHDB_LIB:-$("$root/scripts/fetch-chdb.sh")}"
export INTELLIGENCE_CHDB_LIB
"${cli[@]}" simulate --out "$work/input.jsonl" "${args[@]}" >/dev/null 2>&1

# Runs a command REPEATS times; prints "median_seconds peak_rss_mib".
measure() {
  local times=() peak=0
  for ((i = 0; i < repeats; i++)); do
    rm -rf "$work/data"
    local start end rss
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
    rss=$(cat "$work/rss")
    ((rss > peak)) && peak=$rss
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$median $((peak / 1024))"
}

read -r gen_s gen_mb < <(measure "${cli[@]}" simulate --out "$work/again.jsonl" "${args[@]}")
read -r file_s file_mb < <(measure "${cli[@]}" run --source file --input "$work/input.jsonl" --data "$work/data")
read -r sim_s sim_mb < <(measure "${cli[@]}" run "${args[@]}" --data "$work/data")

rate() { echo "$events / $1" | bc; }
ratio() { echo "scale=2; $1 / $2" | bc; }
echo "| stage ($events inputs, all scenarios, bad input on; median of $repeats) | seconds | inputs/s | peak RSS MiB | time vs generation |"
echo "|---|---|---|---|---|"
echo "| generation alone (simulate --out) | $gen_s | $(rate "$gen_s") | $gen_mb | 1.00 |"
echo "| pipeline from file (read, validate, log, store in chDB) | $file_s | $(rate "$file_s") | $file_mb | $(ratio "$file_s" "$gen_s") |"
echo "| pipeline from simulator (generate, validate, log, store) | $sim_s | $(rate "$sim_s") | $sim_mb | $(ratio "$sim_s" "$gen_s") |"
echo
echo "Whole-process wall time, start-up and JIT included; machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(dotnet --version) SDK."

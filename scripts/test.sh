#!/usr/bin/env bash
# The README's test command: fetches chDB if needed, runs every test project, and ends with one
# line that adds them up ("tests: N passed, N failed, N skipped").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

INTELLIGENCE_CHDB_LIB="${INTELLIGENCE_CHDB_LIB:-$("$root/scripts/fetch-chdb.sh")}"
export INTELLIGENCE_CHDB_LIB

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test "$root/Intelligence.sln" -c Release --nologo "$@" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test project.
read -r passed failed skipped < <(awk '
  /(Passed|Failed|Skipped)! +- +Failed:/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1)
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$log")

echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ "$passed" -eq 0 ]]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"

#!/usr/bin/env bash
# Parse the reviewed T-SQL snapshot files with Microsoft's own parser
# (Microsoft.SqlServer.TransactSql.ScriptDom, TSql160Parser = SQL Server 2022 grammar).
#
# usage: bash .ci/tsql-parse.sh [PATH...]     (default: tests, whose only .sql files are the snapshots, and bicep/post-deploy.sql)
#   PATHs are .sql files or directories (searched recursively for *.sql).
#
# 1. builds tools/tsql-parse (restore goes to its git-ignored bin/ and obj/)
# 2. self-check: fixtures/valid and fixtures/not-caught must parse cleanly,
#    every file in fixtures/invalid must produce at least one parse error
# 3. parses the given paths; fails on any parse error or if no .sql file is found
set -euo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT/tools/tsql-parse"
FIX="tools/tsql-parse/fixtures"

# Resolve the caller's paths relative to the repo root, then work from the root
# (keeps the file:line:col output short and clickable).
targets=()
if [ "$#" -eq 0 ]; then
  targets=("tests" "bicep/post-deploy.sql")
else
  for p in "$@"; do
    targets+=("$(realpath -m --relative-to="$ROOT" "$p")")
  done
fi
cd "$ROOT"

fail() { echo "tsql-parse.sh: FAIL: $*" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 || fail "dotnet SDK not found on PATH"

# Fail loudly if there is nothing to check: CI must never pass on an empty set.
for t in "${targets[@]}"; do
  if [ -d "$t" ]; then
    [ -n "$(find "$t" -type f -iname '*.sql' -print -quit)" ] || fail "no .sql files under $t"
  elif [ ! -f "$t" ]; then
    fail "$t: no such file or directory"
  fi
done

start=$SECONDS
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

if ! dotnet build "$TOOL_DIR/tsql-parse.csproj" -c Release --nologo -v q >"$log" 2>&1; then
  cat "$log" >&2
  fail "building tools/tsql-parse failed"
fi
DLL="$TOOL_DIR/bin/Release/net10.0/tsql-parse.dll"
[ -f "$DLL" ] || fail "build produced no $DLL"
run() { dotnet "$DLL" "$@"; }

# --- self-check ---------------------------------------------------------------
if ! run "$FIX/valid" >"$log" 2>&1; then
  cat "$log" >&2; fail "self-check: fixtures/valid must parse without errors"
fi
echo "self-check valid:      $(tail -n 1 "$log")"

if ! run "$FIX/not-caught" >"$log" 2>&1; then
  cat "$log" >&2; fail "self-check: fixtures/not-caught (known parser gaps) now report errors; move them to fixtures/invalid"
fi
echo "self-check not-caught: $(tail -n 1 "$log")"

if ! run --expect-errors "$FIX/invalid" >"$log" 2>&1; then
  cat "$log" >&2; fail "self-check: every file in fixtures/invalid must be rejected by the parser"
fi
echo "self-check invalid:    $(grep '^tsql-parse:' "$log" | tail -n 1) (all rejected, as expected)"

# --- the real run ---------------------------------------------------------------
rc=0
run "${targets[@]}" || rc=$?
echo "tsql-parse.sh: done in $((SECONDS - start)) s"
if [ "$rc" -ne 0 ]; then
  fail "T-SQL parse errors in: ${targets[*]} (exit $rc)"
fi

#!/usr/bin/env bash
# Bind every T-SQL snapshot statement to its database's schema with Microsoft's database model
# (DacFx TSqlModel; see tools/tsql-model/README.md). ScriptDom (tsql-parse.sh) proves the syntax; this proves
# the names: tables, columns, views, procedure parameters.
#
# usage: bash .ci/tsql-model.sh [DIR]     (the __snapshots__/*.sql files below DIR; default: tests)
#
# 1. restores DacFx from NuGet and builds tools/tsql-model (into its git-ignored bin/ and obj/)
# 2. self-check: every mutant (a column reference renamed to a name no table has) must fail the gate
# 3. the gate: any refused statement, model error, or warning not on the allowlist fails it
set -euo pipefail

# DacFx's licence allows use to develop and test applications: it is restored here and never shipped.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DACFX_TELEMETRY_OPTOUT=1

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT/tools/tsql-model"
target="$(realpath -m --relative-to="$ROOT" "${1:-$ROOT/tests}")"
cd "$ROOT"

fail() { echo "tsql-model.sh: FAIL: $*" >&2; exit 1; }
command -v dotnet >/dev/null 2>&1 || fail "dotnet SDK not found on PATH"
[ -d "$target" ] || fail "$target: no such directory"

start=$SECONDS
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! dotnet build "$TOOL_DIR/tsql-model.csproj" -c Release --nologo -v q >"$log" 2>&1; then
  cat "$log" >&2
  fail "restoring or building tools/tsql-model failed"
fi
DLL="$TOOL_DIR/bin/Release/net10.0/tsql-model.dll"
[ -f "$DLL" ] || fail "build produced no $DLL"
built=$SECONDS
echo "tsql-model.sh: restore + build in $((built - start)) s"

dotnet "$DLL" --mutants "$target" || fail "self-check: a mutant survived (the gate no longer sees that kind of mistake)"
mutated=$SECONDS
echo "tsql-model.sh: self-check in $((mutated - built)) s"

dotnet "$DLL" "$target" || fail "T-SQL statements that do not bind to the schema (above)"
echo "tsql-model.sh: gate in $((SECONDS - mutated)) s; restore + build + self-check + gate in $((SECONDS - start)) s"

#!/usr/bin/env bash
# Compiles and lints the Azure infrastructure (bicep/) with the real Bicep CLI.
#  1. restores the CLI from NuGet into tools/bicep/.packages/ (skipped when already there)
#  2. links it at tools/bicep/.packages/bicep, where tests/bicep finds it
#  3. bicep build / lint / build-params; any error OR warning fails the script
# Usage: bash .ci/bicep.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool_dir="$root/tools/bicep"
packages="$tool_dir/.packages"

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "bicep.sh: tools/bicep restores the linux-x64 Bicep CLI only; this machine is $(uname -s)-$(uname -m)" >&2
  exit 1
fi

version="$(sed -n 's:.*<BicepCliVersion>\(.*\)</BicepCliVersion>.*:\1:p' "$tool_dir/bicep-cli.csproj")"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"

if [[ ! -f "$bicep" ]]; then
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  if ! restore_log="$(dotnet restore "$tool_dir/bicep-cli.csproj" 2>&1)"; then
    echo "$restore_log" >&2
    echo "bicep.sh: could not restore Azure.Bicep.CommandLine.linux-x64 $version from NuGet" >&2
    exit 1
  fi
fi
# NuGet extracts files without the execute bit.
chmod +x "$bicep"
ln -sfn "$bicep" "$packages/bicep"
echo "bicep.sh: $("$bicep" --version) at $packages/bicep"

# Runs one bicep command; fails on a non-zero exit or on any diagnostic (compiler warnings such as BCP037
# "property not allowed" or BCP081 "unknown API version" do not change the exit code on their own).
check() {
  local out
  if ! out="$("$bicep" "$@" 2>&1 >/dev/null)"; then
    echo "$out" >&2
    echo "bicep.sh: 'bicep $1' failed" >&2
    exit 1
  fi
  if grep -Eq ': (Warning|Error) ' <<<"$out"; then
    echo "$out" >&2
    echo "bicep.sh: 'bicep $1' reported diagnostics (warnings are failures here)" >&2
    exit 1
  fi
}

cd "$root"
check build bicep/main.bicep --stdout
check lint bicep/main.bicep
check build-params bicep/main.bicepparam --stdout
echo "bicep.sh: build, lint and build-params passed"

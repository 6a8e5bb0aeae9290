#!/usr/bin/env bash
# Runs every Spindle test project and prints one closing line "N passed, N failed, N skipped".
# Installs what the tests need (Debian packages) when it is missing, and starts the local Kubernetes
# from ../shared/tools/k8s when it is there. Usage: eng/test.sh [extra dotnet test arguments]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

# Debian packages the tests use: wabt (wast2json for the spec suite), the C -> wasm32-wasi toolchain
# (fixtures are committed, the scripts in eng/ rebuild them), docker-registry (OCI tests), nodejs (V8 comparisons).
packages=(wabt clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32 docker-registry apache2-utils nodejs)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "eng/test.sh: installing ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null \
    || echo "eng/test.sh: warning: could not install ${missing[*]}; tests that need them report skipped (or fail under CI=true)"
fi

# A real Kubernetes API server for the operator's integration tests, unless one is given.
k8s_tools="$repo/../shared/tools/k8s"
started_k8s=0
if [ -z "${SPINDLE_TEST_KUBECONFIG:-}" ] && [ -z "${SPINDLE_SKIP_K8S:-}" ] && [ -x "$k8s_tools/up.sh" ]; then
  echo "eng/test.sh: starting the local Kubernetes (first run builds it: several minutes)"
  if "$k8s_tools/up.sh" > /tmp/spindle-k8s-up.log 2>&1; then
    export SPINDLE_TEST_KUBECONFIG=$(tail -n1 /tmp/spindle-k8s-up.log | cut -d= -f2-)
    # Stop it afterwards only if this run started it (up.sh leaves a running cluster alone).
    grep -q "kube-apiserver already running" /tmp/spindle-k8s-up.log || started_k8s=1
  else
    echo "eng/test.sh: warning: ../shared/tools/k8s/up.sh failed (log: /tmp/spindle-k8s-up.log)"
    tail -n 20 /tmp/spindle-k8s-up.log
  fi
fi
cleanup() { [ "$started_k8s" = 1 ] && "$k8s_tools/down.sh" >/dev/null 2>&1; }
trap cleanup EXIT

results="$repo/.test-results"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build Spindle.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "eng/test.sh: build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# One run per test project, so each writes its own TRX file (the counts below are read from them).
status=0
for project in tests/*/*.csproj; do
  grep -q 'Microsoft.NET.Test.Sdk' "$project" || continue
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout 10m "$@" || status=1
done

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # dotnet test failed without a counted failure (a crashed test host, for example)
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite twice: a normal build, then a build with
# AddressSanitizer + UndefinedBehaviorSanitizer running the same tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"

jobs="$(nproc)"
echo "== build (RelWithDebInfo)"
"$root/scripts/build.sh" "$root/build"
echo "== tests"
ctest --test-dir "$root/build" --output-on-failure --parallel "$jobs"
echo "== package (.deb built, installed, run, removed)"
"$root/scripts/test_package.sh" "$root/build"

echo "== build (ASan + UBSan)"
"$root/scripts/build.sh" "$root/build-asan" -DFUNDSTELLE_SANITIZE=ON
echo "== tests under ASan + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$root/build-asan" --output-on-failure --parallel "$jobs"

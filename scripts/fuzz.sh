#!/usr/bin/env bash
# Builds the libFuzzer target with clang (ASan + UBSan) and fuzzes bytes -> Article for a set time.
# Usage: scripts/fuzz.sh [SECONDS=300] [extra libFuzzer flags...]
# Crashes are written to build-fuzz/crashes/; the corpus grows in build-fuzz/corpus/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-300}"
shift || true
"$root/scripts/setup.sh"
command -v clang++ >/dev/null || apt-get install -y -qq clang >/dev/null
dpkg-query -W libclang-rt-14-dev >/dev/null 2>&1 || apt-get install -y -qq libclang-rt-14-dev >/dev/null

build="$root/build-fuzz"
if [ ! -f "$build/CMakeCache.txt" ]; then
  CXX=clang++ CC=clang cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFUNDSTELLE_FUZZ=ON -DFUNDSTELLE_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target extract_fuzzer --parallel "$(nproc)"

mkdir -p "$build/corpus" "$build/crashes"
# Seeds: the sample articles and the test fixtures, each with a leading format-selector byte.
i=0
for seed in "$root"/data/articles/* "$root"/tests/fixtures/*/*; do
  [ -f "$seed" ] || continue
  for selector in 0 1 2; do
    { printf "\\x0$selector"; cat "$seed"; } > "$build/corpus/seed-$i-$selector"
  done
  i=$((i + 1))
done
ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/extract_fuzzer" "$build/corpus" \
  -max_total_time="$seconds" -max_len=262144 -rss_limit_mb=2048 -timeout=10 \
  -artifact_prefix="$build/crashes/" -print_final_stats=1 "$@"

#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang-14, ASan, UBSan) and
# runs each for a share of the given time, starting from the committed seed
# corpus and dictionary. New inputs go to build/fuzz/corpus/<target> (the
# committed corpus is not touched); crashes to build/fuzz/artifacts/<target>.
#
#     scripts/run-fuzzers.sh --seconds 60          # the short run (CI): 20 s per target
#     scripts/run-fuzzers.sh --seconds 1800 --jobs 2
#
# A crash makes this script fail. Copy the crashing input to
# tests/fuzz/regressions/<target>/ : the default test suite then replays it
# (FuzzCorpus.* in tests/robustness) in every build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds=60
jobs=1
targets=(fuzz_ir_loader fuzz_command_line fuzz_plugin_state)
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --target) targets=("$2"); shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

build=build/fuzz
# Leaks inside the distribution's libraries, reproduced without our code.
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake --preset fuzz
fi
available=()
for target in "${targets[@]}"; do
    if cmake --build "$build" -j"$(nproc)" --target "$target" > "$build/build-$target.log" 2>&1; then
        available+=("$target")
    elif grep -q "unknown target" "$build/build-$target.log"; then
        echo "$target: not part of this build (skipped)"
    else
        cat "$build/build-$target.log" >&2
        exit 1
    fi
done

share=$(( seconds / ${#available[@]} ))
[ "$share" -ge 1 ] || share=1
status=0
for target in "${available[@]}"; do
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    parallel=()
    if [ "$jobs" -gt 1 ]; then
        parallel=(-fork="$jobs") # libFuzzer's -jobs would split the time budget differently
    fi
    echo "== $target: ${share} s"
    if ! "$build/tests/fuzz/$target" "$corpus" "tests/fuzz/corpus/$target" \
        -dict="tests/fuzz/dictionaries/$target.dict" -max_total_time="$share" "${parallel[@]}" \
        -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" > "$build/$target.log" 2>&1; then
        status=1
        echo "$target: FAILED; crash inputs in $artifacts, log in $build/$target.log" >&2
        grep -E "ERROR|contract violation|SUMMARY" "$build/$target.log" >&2 || true
    fi
    grep -hE "stat::number_of_executed_units|stat::peak_rss_mb|^Done [0-9]+ runs" "$build/$target.log" || true
    echo "$target: corpus now $(ls "$corpus" | wc -l) inputs"
done
exit "$status"

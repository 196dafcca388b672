#!/usr/bin/env bash
# Valgrind memcheck of a `partita render`: the bundled demo clip through a
# bundled IR, in float and in double precision. Passes with 0 errors and 0
# bytes definitely lost; prints valgrind's summary lines as the figures.
#
#     scripts/valgrind-cli-render.sh [path/to/partita]     (default: build/release/Source/cli/partita)
#
# Also run by ctest under the label `valgrind`: ctest --test-dir build/release -L valgrind
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

partita="${1:-build/release/Source/cli/partita}"
if ! command -v valgrind > /dev/null; then
    echo "valgrind is not installed (Debian: apt-get install valgrind)" >&2
    exit 2
fi
if [ ! -x "$partita" ]; then
    echo "no partita binary at $partita: build it first (cmake --build --preset release --target partita)" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Measured FFT plans are remembered per user; under valgrind, measuring is
# slow, so this run starts without (and keeps none).
export PARTITA_FFTW_WISDOM=off

status=0
run() {
    local name="$1"
    shift
    local log="$work/$name.valgrind.log"
    if ! valgrind --tool=memcheck --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
        --errors-for-leak-kinds=definite --track-origins=yes --log-file="$log" \
        "$partita" "$@" > "$work/$name.out" 2>&1; then
        echo "valgrind: $name FAILED" >&2
        cat "$work/$name.out" >&2
        cat "$log" >&2
        status=1
    fi
    echo "$name: $(grep -h 'ERROR SUMMARY' "$log" | sed 's/^==[0-9]*== //')"
    echo "$name: $(grep -h 'definitely lost' "$log" | sed 's/^==[0-9]*== *//' || echo 'definitely lost: 0 bytes in 0 blocks (no leaks)')"
}

run cabinet-float render --quiet Resources/demo/dry_clip.flac --ir Resources/factory/cabinet.wav \
    -o "$work/cabinet.wav" --mix 50
run hall-double render --quiet Resources/demo/dry_clip.flac --ir Resources/demo/hall_ir.wav \
    -o "$work/hall.flac" --precision double --format 24 --normalize energy --mode same
run info info Resources/demo/hall_ir.wav
exit "$status"

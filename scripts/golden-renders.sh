#!/usr/bin/env bash
# Golden renders: hashes of the outputs of `partita render --ir`,
# `partita render --state` and the built VST3 and LV2 for a fixed set of inputs, layouts, modes, methods,
# precisions, formats and presets. A restructure must leave every one of them
# bit for bit the same.
#
#   bash scripts/golden-renders.sh            compare with tests/golden/renders.sha256
#   bash scripts/golden-renders.sh --record   write tests/golden/renders.sha256
#   options: --build DIR (default build/release), --list FILE,
#            --plan-cache DIR (default build/golden/plan-cache)
#
# The hashes hold for one machine and one FFTW plan cache: the streaming
# engine's FFT plans are measured, and a different plan rounds differently
# (about -130 dB), and the zero-latency planner prices partitions with a
# measured cost model kept beside the plans. --record therefore freezes the
# plan cache it used in build/golden/plan-cache/, and every check starts from
# a copy of it (PARTITA_FFTW_WISDOM); record and check on the same machine,
# or pass --plan-cache DIR to share a frozen cache. Needs sox (derived inputs: a 4-channel IR, an IR
# at 44.1 kHz, short excerpts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=build/release
list=tests/golden/renders.sha256
frozen=build/golden/plan-cache
mode=check
while [ $# -gt 0 ]; do
    case "$1" in
        --record) mode=record ;;
        --build) build="$2"; shift ;;
        --list) list="$2"; shift ;;
        --plan-cache) frozen="$2"; shift ;;
        *) echo "usage: $0 [--record] [--build DIR] [--list FILE] [--plan-cache DIR]" >&2; exit 2 ;;
    esac
    shift
done

partita="$PWD/$build/Source/cli/partita"
hostRender="$PWD/$build/tests/plugin_host/partita_host_render"
[ -x "$partita" ] || { echo "no $partita: build the 'partita' target first" >&2; exit 2; }
[ -x "$hostRender" ] || { echo "no $hostRender: build the 'partita_host_render' target (and the plugins) first" >&2; exit 2; }
command -v sox > /dev/null || { echo "sox is needed (apt-get install sox)" >&2; exit 2; }

work="$PWD/build/golden"
inputs="$work/inputs"
outputs="$work/outputs"
mkdir -p "$inputs"
rm -rf "$outputs"
mkdir -p "$outputs"
runCache="$work/run-cache"
rm -rf "$runCache"
mkdir -p "$runCache"
if [ -d "$frozen" ]; then
    cp "$frozen"/* "$runCache"/
elif [ "$mode" = check ]; then
    echo "warning: no frozen plan cache in $frozen; plans are measured afresh" >&2
fi
export PARTITA_FFTW_WISDOM="$runCache/fftw3f.wisdom"

demo=Resources/demo
factory=Resources/factory
sox -q "$demo/dry_clip.flac" "$inputs/dry_short.wav" trim 0 0.5
sox -q "$demo/dry_clip.flac" "$inputs/dry_mono.wav" remix 1
sox -q -M "$factory/small_room.wav" "$factory/small_room.wav" "$inputs/room_true_stereo.wav"
sox -q "$factory/small_room.wav" -b 24 "$inputs/room_44k.wav" rate -v 44100

log="$work/render.log"
: > "$log"
render() {
    local name="$1"
    shift
    "$partita" render "$@" -o "$outputs/$name" --force -q >> "$log" 2>&1 \
        || { echo "render $name failed:" >&2; tail -3 "$log" >&2; exit 1; }
}

# render --ir: the whole-signal and streaming paths, layouts, modes, methods.
render ir_stereo_hall.wav "$demo/dry_clip.flac" --ir "$demo/hall_ir.wav"
render ir_stereo_hall_mix.flac "$demo/dry_clip.flac" --ir "$demo/hall_ir.wav" --mix 35 --gain -6 --wet-gain -2 --dry-gain 1 --format 24
render ir_mono_in_stereo_ir.wav "$inputs/dry_mono.wav" --ir "$factory/small_room.wav" --normalize peak
render ir_true_stereo.wav "$demo/dry_clip.flac" --ir "$inputs/room_true_stereo.wav" --normalize energy --mix 50
render ir_resampled_44k.wav "$inputs/dry_short.wav" --ir "$inputs/room_44k.wav"
render ir_long_ir_short_input.wav "$inputs/dry_short.wav" --ir "$demo/hall_ir.wav" --precision double --format double
render ir_direct_same.wav "$inputs/dry_short.wav" --ir "$factory/cabinet.wav" --method direct --mode same
render ir_fft_valid.wav "$inputs/dry_short.wav" --ir "$factory/cabinet.wav" --method fft --mode valid
render ir_fft_same_double.wav "$demo/dry_clip.flac" --ir "$factory/cabinet.wav" --method fft --mode same --precision double
render ir_16bit.wav "$demo/dry_clip.flac" --ir "$factory/plate.wav" --normalize --format 16 --output-channels 2
render ir_mono_cabinet.aiff "$inputs/dry_mono.wav" --ir "$factory/cabinet.wav" --format 32
render ir_vorbis.ogg "$inputs/dry_short.wav" --ir "$factory/small_room.wav" --normalize
mkdir -p "$outputs/batch"
render batch/ "$demo/dry_clip.flac" "$inputs/dry_mono.wav" "$inputs/dry_short.wav" --ir "$factory/small_room.wav" --mix 40

# render --state: the plugin's processor with presets saved by the plugin's
# state format (tests/golden/states).
for preset in tests/golden/states/*.partita; do
    stem=$(basename "$preset" .partita)
    render "state_${stem}.wav" "$demo/dry_clip.flac" --state "$preset"
done
# A mono input (a true-stereo IR needs two inputs).
render state_small-room-mono.wav "$inputs/dry_mono.wav" --state tests/golden/states/small-room-shaped-zero-latency.partita --format 24
render state_cabinet-mono.wav "$inputs/dry_mono.wav" --state tests/golden/states/cabinet-defaults.partita

# The built VST3 and LV2 binaries, hosted as a DAW bouncing offline would
# (tests/plugin_host/HostRender.cpp), irregular host blocks.
for format in vst3 lv2; do
    for preset in tests/golden/states/*.partita; do
        stem=$(basename "$preset" .partita)
        "$hostRender" "$format" "$preset" "$inputs/dry_short.wav" "$outputs/host_${format}_${stem}.wav" >> "$log" 2>&1 \
            || { echo "hosted $format render of $stem failed:" >&2; tail -3 "$log" >&2; exit 1; }
    done
done
# A mono bus (JUCE's LV2 wrapper offers stereo only).
"$hostRender" vst3 tests/golden/states/cabinet-defaults.partita "$inputs/dry_mono.wav" \
    "$outputs/host_vst3_cabinet-mono.wav" >> "$log" 2>&1 \
    || { echo "hosted VST3 mono render failed:" >&2; tail -3 "$log" >&2; exit 1; }

# An Ogg file's stream serial number is random (libsndfile): hash its
# decoded samples instead of its bytes.
actual="$work/renders.sha256"
(
    cd "$outputs"
    find . -type f | sort | while read -r file; do
        case "$file" in
            *.ogg) echo "$(sox "$file" -t f32 - | sha256sum | cut -d' ' -f1)  $file (decoded)" ;;
            *) sha256sum "$file" ;;
        esac
    done
) > "$actual"
if [ "$mode" = record ]; then
    cp "$actual" "$list"
    if [ ! -d "$frozen" ]; then
        mkdir -p "$frozen"
        cp "$runCache"/* "$frozen"/
    fi
    echo "Recorded $(wc -l < "$list") golden renders in $list (outputs in $outputs)"
    exit 0
fi
if diff -u "$list" "$actual"; then
    echo "All $(wc -l < "$list") golden renders are bit for bit the same (outputs in $outputs)"
else
    echo "Golden renders differ (see the diff above; outputs in $outputs)" >&2
    exit 1
fi

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The offline job of the peer benchmark: `partita render` against ffmpeg's
# afir filter and sox's fir effect on the same files, 60 s of 48 kHz stereo
# white noise through a 4 s stereo exponentially decaying noise IR. Each tool
# runs RUNS times, the tools interleaved run by run; wall and CPU (user +
# system) seconds come from /usr/bin/time. Prints a markdown table with the
# medians and each tool's ratio to partita, then null tests showing that the
# outputs agree (so the tools compute the same thing).
#
# sox's fir takes one mono filter (a text file of coefficients) for every
# channel, so it cannot do this job's stereo IR: it gets the IR's left channel.
# And sox 14.4.2's fir writes silence from about 153,700 taps on (bisected
# here: 153,725 taps work, 153,726 give an all-zero output), so the 4 s IR
# (192,000 taps) is beyond it: sox gets the first 3 s of the left channel
# (144,000 taps), three quarters of the taps of one IR channel, and is null
# tested against `partita render` with that same mono 3 s IR. Its timings are
# therefore for a smaller job and are marked so. sox also treats every FIR as
# linear phase and advances its output by half the filter's length (72,000
# frames here), so the first 1.5 s of the reverb are lost and the null test
# searches that far for the lag.
#
# Usage: offline_job.sh PARTITA_CLI PEER_BENCHMARK [WORK_DIR] [RUNS]
#   PARTITA_CLI      the partita binary (build target `partita`)
#   PEER_BENCHMARK   partita_peer_benchmark, which writes the input files and
#                    runs the null tests
#   WORK_DIR         where the files go, kept afterwards (default: a new
#                    temporary folder)
#   RUNS             runs per tool (default 3)
set -euo pipefail

if [[ $# -lt 2 ]]; then
    sed -n '3,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    exit 2
fi

partita=$(realpath "$1")
benchmark=$(realpath "$2")
work=${3:-$(mktemp -d -t partita-offline-job.XXXXXX)}
runs=${4:-3}

for tool in ffmpeg sox /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "offline_job.sh: $tool is not installed" >&2; exit 1; }
done
[[ -x $partita ]] || { echo "offline_job.sh: $partita is not an executable" >&2; exit 1; }
[[ -x $benchmark ]] || { echo "offline_job.sh: $benchmark is not an executable" >&2; exit 1; }

mkdir -p "$work"
cd "$work"
"$benchmark" --write-offline-files . > /dev/null
# sox's job: the first 3 s of the left IR channel, as text for sox and as a
# mono WAV for partita's reference render of the same job.
sox_taps=144000
head -n "$sox_taps" ir_left.txt > ir_left_3s.txt
sox -V1 ir.wav ir_left_3s.wav remix 1 trim 0s "${sox_taps}s"

# afir normalises the IR by default (gtype=peak in ffmpeg 5.1; irnorm in 6.0
# and later): gtype=none keeps the IR's gain as it is, as partita and sox do.
# ffmpeg writes 16-bit WAV unless told: pcm_f32le keeps float. Even with
# gtype=none, ffmpeg 5.1's afir doubles its output (a unit impulse as IR gives
# twice the input, stereo or mono): the null test reports that gain and the
# difference once it is divided out; it costs nothing to compute.
afir_gain_option=gtype=none
if ffmpeg -hide_banner -h filter=afir 2> /dev/null | grep -q 'irnorm'; then
    afir_gain_option=irnorm=-1
fi

partita_command=("$partita" render in.wav --ir ir.wav -o out_partita.wav --force --quiet)
ffmpeg_command=(ffmpeg -hide_banner -loglevel error -nostdin -y -i in.wav -i ir.wav
                -lavfi "[0:a][1:a]afir=$afir_gain_option" -c:a pcm_f32le out_ffmpeg.wav)
sox_command=(sox -V1 in.wav out_sox.wav fir ir_left_3s.txt)

: > timings.txt
for ((run = 1; run <= runs; ++run)); do
    for tool in partita ffmpeg sox; do
        declare -n command="${tool}_command"
        echo "run $run/$runs: $tool" >&2
        /usr/bin/time -f "%e %U %S" -o time.txt "${command[@]}" > /dev/null
        echo "$tool $(cat time.txt)" >> timings.txt
        unset -n command
    done
done

# Medians over the runs: wall, and CPU = user + system.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
declare -A wall cpu walls
for tool in partita ffmpeg sox; do
    wall[$tool]=$(awk -v t="$tool" '$1 == t { print $2 }' timings.txt | median)
    cpu[$tool]=$(awk -v t="$tool" '$1 == t { print $3 + $4 }' timings.txt | median)
    walls[$tool]=$(awk -v t="$tool" '$1 == t { printf "%s%.2f", sep, $2; sep = ", " }' timings.txt)
done

quote() { local out="" word; for word in "$@"; do [[ $word =~ ^[A-Za-z0-9_./=:,+-]+$ ]] && out+="$word " || out+="'$word' "; done; echo "${out% }"; }

echo "# Offline job: partita render vs ffmpeg afir vs sox fir"
echo
echo "Command: \`$(quote "$0" "$@")\` ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs)"
echo
echo "60 s of 48 kHz stereo white noise (32-bit float WAV) through a 4 s stereo exponentially decaying noise"
echo "IR, L to L and R to R; $runs runs per tool, interleaved; medians. CPU = user + system seconds of all threads."
echo "Ratios are tool / partita: above 1 means partita is faster."
echo
echo "| tool | command | wall s (each run) | wall s | CPU s | wall / partita | CPU / partita |"
echo "|---|---|---|---|---|---|---|"
declare -A label=([partita]=partita [ffmpeg]=ffmpeg [sox]="sox (mono 3 s IR: a smaller job)")
for tool in partita ffmpeg sox; do
    declare -n command="${tool}_command"
    shown=$(quote "${command[@]}")
    shown=${shown//$partita/partita}
    awk -v tool="${label[$tool]}" -v cmd="$shown" -v runs="${walls[$tool]}" -v w="${wall[$tool]}" -v c="${cpu[$tool]}" \
        -v pw="${wall[partita]}" -v pc="${cpu[partita]}" \
        'BEGIN { printf "| %s | `%s` | %s | %.2f | %.2f | %.2f | %.2f |\n", tool, cmd, runs, w, c, w / pw, c / pc }'
    unset -n command
done
echo
echo "Null tests: largest difference over the common length and both channels, in dB re the reference's peak,"
echo "after finding any fixed lag; and the least-squares gain of the tool's output over partita's with the"
echo "difference left once the output is divided by it (a tool that scales its output still convolves alike):"
echo
echo "- ffmpeg afir against partita render: $("$benchmark" --null-test out_partita.wav out_ffmpeg.wav | sed 's/^null test: //')"
"$partita" render in.wav --ir ir_left_3s.wav -o out_partita_left_3s.wav --force --quiet > /dev/null
echo "- sox fir (3 s of the left IR channel on both channels) against partita render with that mono IR: $("$benchmark" --null-test out_partita_left_3s.wav out_sox.wav --max-lag 100000 | sed 's/^null test: //')"
echo
frames() { soxi -V1 -s "$1"; }
echo "Lengths in frames: input $(frames in.wav), IR $(frames ir.wav); partita $(frames out_partita.wav) (the whole tail),"
echo "ffmpeg $(frames out_ffmpeg.wav), sox $(frames out_sox.wav)."

#!/usr/bin/env bash
# Sets everything up on a fresh Debian 12 or Ubuntu machine, builds Partita
# (the command-line renderer and the plugin: VST3, LV2, standalone app) and
# renders the bundled demo clip through the bundled hall IR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-dependencies.sh

cmake --preset release
targets=(partita)
if [ -f Source/plugin/CMakeLists.txt ]; then
    targets+=(Partita_VST3 Partita_LV2 Partita_Standalone)
fi
cmake --build --preset release -j"$(nproc)" --target "${targets[@]}"

mkdir -p build/demo
output="$PWD/build/demo/dry_clip_in_hall.wav"
build/release/Source/cli/partita render Resources/demo/dry_clip.flac \
    --ir Resources/demo/hall_ir.wav -o "$output" --mix 35 --force

echo
echo "Rendered: $output"
if [ ${#targets[@]} -gt 1 ]; then
    echo "Plugin and app: $PWD/build/release/Source/plugin/Partita_artefacts/Release/ (VST3, LV2, Standalone)"
fi

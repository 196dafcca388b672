#!/usr/bin/env bash
# Installs what Partita needs to build and test, from the distribution's
# packages (Debian 12, Ubuntu 22.04 or 24.04). Runs apt only for what is
# missing, so a second run is quick and works offline.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake pkg-config ccache git
    # engine, file I/O, resampling, tests
    libfftw3-dev libsndfile1-dev libsoxr-dev libgtest-dev libgmock-dev libbenchmark-dev
    # the plugin: JUCE 7 and the system libraries Debian's JUCE links against
    juce-modules-source libfreetype-dev libfontconfig1-dev libx11-dev libxrandr-dev libxinerama-dev
    libxcursor-dev libxext-dev libxcomposite-dev libasound2-dev libjack-jackd2-dev libgl-dev
    libflac-dev libvorbis-dev libogg-dev libpng-dev libjpeg-dev zlib1g-dev libcurl4-openssl-dev
    # plugin tests: a headless X server for the editor, LV2 metadata tools
    # (lv2_validate runs sord_validate, from sordi)
    xvfb xauth lilv-utils lv2-dev sordi
    # the benchmark's peers
    libzita-convolver-dev
)
# Extra packages a caller needs (run-tests.sh: clang-14 for the fuzz run).
packages+=("$@")

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "All build dependencies are installed."
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "error: installing ${missing[*]} needs root; run as root or install sudo" >&2
    exit 1
fi

echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

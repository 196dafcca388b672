#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the tests of file permissions (an unreadable input, an unwritable
# output folder) as an unprivileged user. They skip when run as root, who
# may read and write anything, and root is how CI runs the suite: so when
# this script runs as root it copies the built test binaries to a folder the
# user `nobody` can read and runs them there as nobody (setpriv, else
# runuser), and fails when any of them fails or skips. As another user, the
# normal ctest run has already run them and there is nothing to do.
#
# Usage: bash scripts/run-permission-tests.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build="${1:-build/release}"

# Every test that skips as root, as "suite binary (under tests/):gtest filter".
tests=(
    "cli/partita_cli_tests:CliErrors.AnUnwritableOutputFolderLeavesNoFile"
    "io/partita_io_tests:AudioFileWriter.ReportsAFolderItMayNotWriteIn"
    "io/partita_io_tests:AudioFileReader.ReportsAFileItMayNotRead"
)

# A test that starts skipping as root without being listed here would go
# unrun in CI: the list must name as many tests as the sources have checks.
checks=$(grep -rho 'geteuid () == 0\|geteuid() == 0' tests --include='*.cpp' | wc -l)
if [ "$checks" -ne "${#tests[@]}" ]; then
    echo "run-permission-tests.sh: tests/ has $checks root checks but the script lists ${#tests[@]} tests; update its list" >&2
    exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "Permission tests: not root, so ctest ran them as $(id -un); nothing more to do."
    exit 0
fi

if command -v setpriv >/dev/null; then
    as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
elif command -v runuser >/dev/null; then
    as_nobody=(runuser -u nobody --)
else
    echo "run-permission-tests.sh: neither setpriv nor runuser is installed" >&2
    exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
chmod 755 "$scratch"
mkdir -m 755 "$scratch/bin"
mkdir -m 700 "$scratch/tmp"
chown nobody:nogroup "$scratch/tmp"
cp "$build/Source/cli/partita" "$scratch/bin/"
for entry in "${tests[@]}"; do
    cp -n "$build/tests/${entry%%:*}" "$scratch/bin/"
done
chmod 755 "$scratch/bin/"*

status=0
for entry in "${tests[@]}"; do
    binary="$scratch/bin/$(basename "${entry%%:*}")"
    filter="${entry#*:}"
    log="$scratch/$filter.log"
    if ! env -i PATH=/usr/bin:/bin HOME="$scratch/tmp" TMPDIR="$scratch/tmp" \
        PARTITA_CLI_PATH="$scratch/bin/partita" \
        "${as_nobody[@]}" "$binary" --gtest_filter="$filter" >"$log" 2>&1; then
        cat "$log"
        echo "FAILED as nobody: $filter"
        status=1
    elif ! grep -q '^\[  PASSED  \] 1 test' "$log" || grep -q '^\[  SKIPPED \]' "$log"; then
        cat "$log"
        echo "DID NOT RUN as nobody: $filter"
        status=1
    else
        echo "passed as nobody: $filter"
    fi
done
exit "$status"

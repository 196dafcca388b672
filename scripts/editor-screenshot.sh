#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of the real editor, one per page, drawn by the editor test under
# a virtual X server (the test starts Xvfb itself when DISPLAY is unset).
#
#   scripts/editor-screenshot.sh                      every page, in build/release/screenshots/editor-<page>.png
#   scripts/editor-screenshot.sh --page envelope      the same, and editor.png on that page
#   scripts/editor-screenshot.sh --page eq --output docs/screenshot.png
#   scripts/editor-screenshot.sh --page analysis      the decay curves and the ISO 3382 table
#   scripts/editor-screenshot.sh --browser            the editor with the IR browser shown, in
#                                                     build/release/screenshots/editor-browser.png
#
# Pages: ir, envelope, eq, slots (a page exists when the parameter table has
# controls for it) and analysis; the test names the pages there are when
# asked for another.
set -euo pipefail

usage() {
    sed -n '3,15p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-0}"
}

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/release"
page=""
output=""
filter="PluginEditor.WritesAScreenshotOfTheRealEditor"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --page) page="${2:?--page needs a name}"; shift 2 ;;
        --browser) filter="PluginEditor.WritesAScreenshotWithTheBrowser"; shift ;;
        --output) output="${2:?--output needs a file}"; shift 2 ;;
        --build) build="${2:?--build needs a directory}"; shift 2 ;;
        -h|--help) usage 0 ;;
        *) echo "editor-screenshot.sh: unknown argument '$1'" >&2; usage 2 >&2 ;;
    esac
done
if [[ -n "$output" && "$output" != /* ]]; then
    output="$PWD/$output"
fi

tests="$build/tests/plugin/partita_plugin_editor_tests"
if [[ ! -x "$tests" ]]; then
    echo "editor-screenshot.sh: $tests not built (cmake --build --preset release --target partita_plugin_editor_tests)" >&2
    exit 1
fi

status=0
log=$(PARTITA_SCREENSHOT_PAGE="$page" PARTITA_SCREENSHOT_OUTPUT="$output" \
    "$tests" --gtest_filter="$filter" --gtest_brief=1 2>&1) || status=$?
grep 'screenshot:' <<<"$log" || true
if [[ $status -ne 0 ]]; then
    grep -v 'screenshot:' <<<"$log" >&2
    exit "$status"
fi

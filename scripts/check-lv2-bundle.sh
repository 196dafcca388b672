#!/usr/bin/env bash
# Checks the built LV2 bundle the way LV2 hosts see it:
# - lv2info: the plugin is found under its https URI, requires only the
#   features JUCE's wrapper needs (urid:map, options, bounded block length),
#   offers the state interface and reports its latency through a port;
# - lv2_validate (lv2-dev; needs sord_validate from the sordi package): no
#   schema error beyond the ones JUCE 7's LV2 wrapper writes into every
#   plugin's .ttl (modules/juce_audio_plugin_client/LV2/juce_LV2_Client.cpp):
#   lv2:portProperty on parameters, its undeclared Program property,
#   doap:maintainer/doap:release on a plugin not typed doap:Project, and on
#   the UI ui:noUserResize as extension data and opts:interface as a feature.
#
#     scripts/check-lv2-bundle.sh [build/release/Source/plugin/Partita_artefacts/Release/LV2/Partita.lv2]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bundle="${1:-build/release/Source/plugin/Partita_artefacts/Release/LV2/Partita.lv2}"
uri="https://partita-audio.org/plugins/partita"
for tool in lv2info lv2_validate sord_validate; do
    if ! command -v "$tool" > /dev/null; then
        echo "$tool is missing (Debian: apt-get install lilv-utils lv2-dev sordi)" >&2
        exit 2
    fi
done
if [ ! -f "$bundle/manifest.ttl" ]; then
    echo "no LV2 bundle at $bundle: build the target Partita_LV2 first" >&2
    exit 2
fi
bundle="$(cd "$bundle" && pwd)"

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

info="$(LV2_PATH="$(dirname "$bundle")" lv2info "$uri" 2>&1)" || fail "lv2info could not describe $uri"
grep -q "^$uri" <<< "$info" || fail "the plugin is not found under $uri"
grep -q "Has latency: *yes, reported by port" <<< "$info" || fail "no latency port"
grep -q "http://lv2plug.in/ns/ext/state#interface" <<< "$info" || fail "no state interface"
required="$(sed -n '/Required Features:/,/Optional Features:/p' <<< "$info" | grep -v 'Optional Features:' \
    | grep -o 'http[^ ]*' | sort)"
expected="$(printf '%s\n' http://lv2plug.in/ns/ext/buf-size#boundedBlockLength \
    http://lv2plug.in/ns/ext/options#options http://lv2plug.in/ns/ext/urid#map | sort)"
[ "$required" = "$expected" ] || fail "unexpected required features: $(tr '\n' ' ' <<< "$required")"
audioIn="$(grep -c 'Symbol: *audio_in_' <<< "$info" || true)"
audioOut="$(grep -c 'Symbol: *audio_out_' <<< "$info" || true)"
echo "lv2info: $uri, $audioIn audio inputs, $audioOut audio outputs, required features:" $required

validation="$(lv2_validate "$bundle"/*.ttl 2>&1 || true)"
# Each error is a line "error: ..." followed by indented lines (subject, predicate, object).
errors="$(awk '/^error:/ { if (e != "") print e; e = $0; next } /^ / { e = e " " $1; next } END { if (e != "") print e }' \
    <<< "$validation")"
juce='lv2core#portProperty|partita:Program|doap#maintainer|doap#release|ui#noUserResize|options#interface'
juceErrors="$(grep -E "$juce" <<< "$errors" || true)"
otherErrors="$(grep -vE "$juce" <<< "$errors" || true)"
echo "lv2_validate: $(grep -c . <<< "$errors" || true) errors, of which $(grep -c . <<< "$juceErrors" || true) are JUCE's own"
if [ -n "$otherErrors" ]; then
    fail "schema errors not written by JUCE:"
    echo "$otherErrors" >&2
fi

exit $(( failures > 0 ? 1 : 0 ))

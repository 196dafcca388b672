#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real-host test: Partita in Ardour 7, headless (issue 19).

For each plugin format (VST3, LV2) and each preset, builds an Ardour session
with ardour7-lua on the Dummy backend (a stereo track playing a generated
clip, Partita as its first insert, the preset loaded through Ardour's own
preset path), bounces it with ardour7-export (freewheel, 32-bit float) and
nulls the bounce against `partita render --state PRESET` of the same clip.
The null is reported in dB re the reference's peak.

Installs nothing. Exit status: 0 every null is below the limit, 1 a null is
above it or a step failed, 77 Ardour 7 is not installed (ctest SKIP).

ardour7-export sometimes aborts (heap corruption) even on a session without
any plugin; such a run is retried (--export-attempts) and never blamed on the
plugin.
"""

import argparse
import base64
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import partita_state as ps  # noqa: E402

SKIP = 77
RATE = 48000
SUPERCLOCK_PER_SAMPLE = 282240000 // RATE  # Ardour 7's superclock rate / 48 kHz
HERE = os.path.dirname(os.path.abspath(__file__))
LV2_URI = "https://partita-audio.org/plugins/partita"
PRESET_LABEL = "partita-real-host"

# name -> parameters (the rest keep their defaults). "both" is the combination
# of issue 19's first defect (pre-delay with the Low CPU latency mode).
PRESETS = {
    "default": {},
    "predelay": {"mix": 60.0, "preDelay": 25.0},
    "lowcpu": {"mix": 60.0, "latencyMode": 1.0},
    "both": {"mix": 60.0, "preDelay": 25.0, "latencyMode": 1.0},
}


def log(message):
    print(message, flush=True)


def find_tool(name, env_name):
    path = os.environ.get(env_name) or shutil.which(name)
    return path if path and os.access(path, os.X_OK) else None


def make_input(frames):
    """A deterministic stereo clip that starts at its first sample: a click
    at frame 0 (different per channel), then noise bursts (a 32-bit LCG)
    under a slow envelope, then silence for the last quarter."""
    state = 12345
    left, right = [], []
    for i in range(frames):
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        a = (state / 2**32 - 0.5) * 0.4
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        b = (state / 2**32 - 0.5) * 0.4
        envelope = 1.0 if (i // 4800) % 2 == 0 else 0.25
        if i >= frames * 3 // 4:
            envelope = 0.0
        left.append(a * envelope)
        right.append(b * envelope)
    left[0], right[0] = 0.5, -0.35
    return ps.Wav(RATE, [left, right])


class Runner:
    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.home = os.path.join(work, "home")
        os.makedirs(self.home, exist_ok=True)
        self.env = dict(os.environ)
        # A private HOME: Ardour's config (so VST3_PATH is honoured: it is only
        # read while the VST3 path is at its default), plugin cache and presets,
        # and one FFTW wisdom and cost model (XDG_CACHE_HOME/partita) shared by
        # the CLI and the plugin: without it every process measures its own FFT
        # plans and partitions, and two runs of the same render differ by about
        # -130 dB re peak.
        self.env.update({
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local", "share"),
            "VST3_PATH": os.path.join(work, "plugins", "vst3"),
            "LV2_PATH": os.path.join(self.home, ".lv2") + ":" + os.path.join(work, "plugins", "lv2"),
        })
        self.env.pop("DISPLAY", None)

    def run(self, command, timeout, env=None, check=True):
        started = time.monotonic()
        result = subprocess.run(command, env=env or self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, errors="replace", timeout=timeout)
        if self.args.verbose:
            log(f"$ {' '.join(command)}  ({time.monotonic() - started:.1f} s, status {result.returncode})")
            log(result.stdout)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed with status {result.returncode}:\n{result.stdout[-3000:]}")
        return result

    def copy_plugins(self):
        """Copies of the bundles and the CLI, so a rebuild during the run
        changes nothing under Ardour's feet."""
        vst3 = os.path.join(self.work, "plugins", "vst3", "Partita.vst3")
        lv2 = os.path.join(self.work, "plugins", "lv2", "Partita.lv2")
        shutil.copytree(self.args.vst3, vst3)
        shutil.copytree(self.args.lv2, lv2)
        self.cli = os.path.join(self.work, "partita")
        shutil.copy2(self.args.cli, self.cli)
        self.vst3_bundle = vst3

    def scan_vst3(self):
        """Headless Ardour only reads the VST3 cache; the scanner writes it."""
        scanner = self.args.vst3_scanner
        env = dict(self.env)
        env["LD_LIBRARY_PATH"] = "/usr/lib/ardour7" + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
        self.run([scanner, "-f", self.vst3_bundle], timeout=120, env=env)

    def lua(self, script, session_dir, name, ptype, pid, preset=PRESET_LABEL, extra_env=None):
        env = dict(self.env)
        env.update({"RH_SESSION_DIR": session_dir, "RH_SESSION_NAME": name, "RH_PLUGIN_TYPE": ptype,
                    "RH_PLUGIN_ID": pid, "RH_PRESET": preset})
        env.update(extra_env or {})
        if self.args.buffer_size:
            env["RH_BUFFER_SIZE"] = str(self.args.buffer_size)
        result = self.run([self.args.ardour_lua, os.path.join(HERE, script)], timeout=300, env=env, check=False)
        errors = re.findall(r"REALHOST-ERROR: .*", result.stdout)
        if result.returncode != 0 or errors:
            raise RuntimeError(f"ardour7-lua {script} failed (status {result.returncode}): "
                               f"{'; '.join(errors) or result.stdout[-3000:]}")
        return result.stdout

    def export(self, session_dir, name, output):
        """ardour7-export, retried when it dies without writing the file (it
        sometimes aborts with heap corruption, with or without a plugin)."""
        last = None
        for attempt in range(1, self.args.export_attempts + 1):
            if os.path.exists(output):
                os.remove(output)
            try:
                result = self.run([self.args.ardour_export, "-b", "float", "-o", output, session_dir, name],
                                  timeout=self.args.export_timeout, check=False)
            except subprocess.TimeoutExpired:
                last = f"attempt {attempt}: no result after {self.args.export_timeout} s (killed)"
                log(f"  ardour7-export {last}; retrying")
                continue
            if result.returncode == 0 and os.path.exists(output):
                return attempt
            died = result.returncode < 0 and -result.returncode in (signal.SIGABRT, signal.SIGSEGV)
            last = (f"attempt {attempt}: status {result.returncode}"
                    f"{' (signal ' + signal.Signals(-result.returncode).name + ')' if died else ''}: "
                    f"{result.stdout.strip().splitlines()[-1:] or ''}")
            log(f"  ardour7-export {last}; retrying")
        raise RuntimeError(f"ardour7-export failed {self.args.export_attempts} times; last {last}")


def vst3_stream_with_state(data, state):
    """A copy of the VST3 state stream Ardour keeps (the .vstpreset layout:
    "VST3", version, class ID, chunk-list offset, chunks, "List") with the
    component state (Comp) replaced by our bytes, which is what JUCE's VST3
    wrapper hands to setStateInformation. The controller state is kept."""
    if data[:4] != b"VST3":
        raise RuntimeError("Ardour's VST3 state is not a VST3 state stream")
    class_id = data[8:40]
    list_offset = struct.unpack_from("<q", data, 40)[0]
    if data[list_offset:list_offset + 4] != b"List":
        raise RuntimeError("Ardour's VST3 state has no chunk list")
    count = struct.unpack_from("<i", data, list_offset + 4)[0]
    chunks = []
    pos = list_offset + 8
    for _ in range(count):
        cid = data[pos:pos + 4]
        offset, size = struct.unpack_from("<qq", data, pos + 4)
        chunks.append((cid, data[offset:offset + size]))
        pos += 20
    if state is None:
        return dict(chunks)
    chunks = [(cid, state if cid == b"Comp" else body) for cid, body in chunks]
    if not any(cid == b"Comp" for cid, _ in chunks):
        chunks.insert(0, (b"Comp", state))
    out = bytearray(b"VST3" + struct.pack("<i", 1) + class_id + struct.pack("<q", 0))
    entries = []
    for cid, body in chunks:
        entries.append((cid, len(out), len(body)))
        out += body
    struct.pack_into("<q", out, 40, len(out))
    out += b"List" + struct.pack("<i", len(entries))
    for cid, offset, size in entries:
        out += cid + struct.pack("<qq", offset, size)
    return bytes(out)


def vst3_chunk_node(session_file):
    tree = ET.parse(session_file)
    nodes = tree.getroot().findall(".//Processor[@type='vst3']/vst3/chunk")
    if len(nodes) != 1:
        raise RuntimeError(f"{session_file}: expected one VST3 plugin state, found {len(nodes)}")
    return tree, nodes[0]


def put_vst3_state_in_session(session_file, state):
    """Ardour 7 keeps a VST3 plugin's state in the session file, base64 in
    <vst3><chunk>; the Ports and Controllables there are left as they are (the
    chunk is restored after them, and Ardour saves them anew from the plugin)."""
    tree, node = vst3_chunk_node(session_file)
    node.text = base64.b64encode(vst3_stream_with_state(base64.b64decode(node.text), state)).decode("ascii")
    tree.write(session_file, encoding="UTF-8", xml_declaration=True)


def saved_partita_state(session_dir, name, fmt):
    """The Partita state the saved session holds: VST3 from the session
    file's chunk, LV2 from the state Ardour saved under plugins/."""
    if fmt == "vst3":
        _, node = vst3_chunk_node(os.path.join(session_dir, name + ".ardour"))
        comp = vst3_stream_with_state(base64.b64decode(node.text), None).get(b"Comp", b"")
        # JUCE's VST3 wrapper appends its private data after the plugin's bytes.
        return comp
    found = []
    for root, _, files in os.walk(os.path.join(session_dir, "plugins")):
        for file in files:
            if file.endswith(".ttl") and file != "manifest.ttl":
                with open(os.path.join(root, file), encoding="utf-8") as f:
                    m = re.search(r":StateString>\s*\"([^\"]*)\"", f.read())
                if m:
                    found.append((os.path.getmtime(os.path.join(root, file)), m.group(1)))
    if not found:
        raise RuntimeError("the saved session holds no LV2 StateString")
    return ps.juce_base64_decode(max(found)[1])


def patch_lv2_preset(home, state):
    """Puts our state into the LV2 preset Ardour wrote (a bundle under
    ~/.lv2): JUCE's LV2 wrapper keeps the plugin state as one string
    property, <URI>:StateString, JUCE-base64 encoded."""
    encoded = ps.juce_base64(state)
    key = "<" + LV2_URI + ":StateString>"
    patched = 0
    for root, _, files in os.walk(os.path.join(home, ".lv2")):
        for name in files:
            if not name.endswith(".ttl") or name == "manifest.ttl":
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            at = text.find(key)
            if at < 0:
                continue
            m = re.compile(r'\s*("""|")').match(text, at + len(key))
            quote = m.group(1)
            start = m.end()
            end = text.index(quote, start)
            text = text[:start] + encoded + text[end:]
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            patched += 1
    if patched != 1:
        raise RuntimeError(f"expected one LV2 preset with a StateString under ~/.lv2, found {patched}")


def add_clip_to_session(session_dir, name, clip_paths, frames, range_frames):
    """Adds the clip (one mono file per channel, already in the session's
    audiofiles folder) as a region at 0 on track In's playlist, and sets the
    session range (what ardour7-export bounces) to [0, range_frames)."""
    path = os.path.join(session_dir, name + ".ardour")
    tree = ET.parse(path)
    root = tree.getroot()
    counter = int(root.get("id-counter"))
    ids = [str(counter + i) for i in range(len(clip_paths) + 3)]
    root.set("id-counter", str(counter + len(ids) + 1))

    sources = root.find("Sources")
    for channel, clip in enumerate(clip_paths):
        ET.SubElement(sources, "Source", {
            "name": os.path.basename(clip), "type": "audio", "flags": "", "id": ids[channel],
            "captured-for": "In", "channel": "0", "origin": "", "gain": "1"})

    def sc(samples):
        return "a" + str(samples * SUPERCLOCK_PER_SAMPLE)

    region = {
        "name": "clip", "id": ids[len(clip_paths)], "type": "audio",
        "position": sc(0), "length": sc(frames) + "@" + sc(0), "start": sc(0) + "@" + sc(0),
        "sync-position": sc(0) + "@" + sc(0), "ancestral-start": sc(0) + "@" + sc(0),
        "ancestral-length": sc(frames) + "@" + sc(0),
        "stretch": "1", "shift": "1", "layering-index": "0", "muted": "0", "opaque": "1", "locked": "0",
        "video-locked": "0", "automatic": "0", "whole-file": "0", "import": "0", "external": "0",
        "sync-marked": "0", "left-of-split": "0", "right-of-split": "0", "hidden": "0", "position-locked": "0",
        "valid-transients": "0", "scale-amplitude": "1", "envelope-active": "0", "default-fade-in": "0",
        "default-fade-out": "0", "fade-in-active": "0", "fade-out-active": "0", "channels": str(len(clip_paths)),
    }
    for channel in range(len(clip_paths)):
        region[f"source-{channel}"] = ids[channel]
        region[f"master-source-{channel}"] = ids[channel]
    playlist = next(p for p in root.find("Playlists").findall("Playlist") if p.get("name") == "In")
    ET.SubElement(playlist, "Region", region)

    locations = root.find("Locations")
    ET.SubElement(locations, "Location", {
        "id": ids[-1], "name": "session", "start": sc(0), "end": sc(range_frames), "flags": "IsSessionRange",
        "locked": "0", "timestamp": str(int(time.time())), "cue": "0"})
    root.set("session-range-is-free", "0")
    tree.write(path, encoding="UTF-8", xml_declaration=True)


def dry_gain_at_start(bounce, clip, frames):
    """Least-squares gain of the clip in the bounce's first `frames` (before
    the pre-delayed wet path starts, the output is the dry path alone)."""
    num = sum(b * c for b, c in zip(bounce.channels[0][:frames], clip.channels[0][:frames]))
    den = sum(c * c for c in clip.channels[0][:frames])
    return num / den if den > 0 else float("nan")


def check_mix_automation(runner, fmt, ptype, pid, session_dir, name, clip, frames):
    """Automates Mix from 0 to 100 % over the clip in a copy of the session,
    bounces it, and checks that the dry path follows: a gain near 1 at the
    start where the preset holds 60 % (gain 0.4). Returns a failure or None."""
    auto_name = name + "-automated"
    auto_dir = session_dir + "-automated"
    shutil.copytree(session_dir, auto_dir)
    os.rename(os.path.join(auto_dir, name + ".ardour"), os.path.join(auto_dir, auto_name + ".ardour"))
    out = runner.lua("automate_mix.lua", auto_dir, auto_name, ptype, pid, extra_env={"RH_RAMP_FRAMES": str(frames)})
    export_path = os.path.join(runner.work, auto_name + "-ardour.wav")
    runner.export(auto_dir, auto_name, export_path)
    bounce = ps.read_wav(export_path)
    window = 1000  # within the 25 ms (1200 frames) pre-delay: the dry path alone
    gain = dry_gain_at_start(bounce, clip, window)
    automation = next((l for l in out.splitlines() if l.startswith("REALHOST-AUTOMATION")), "")
    log(f"{fmt:4} Mix automated 0 -> 100 % over the clip: dry gain over the first {window} frames {gain:.3f} "
        f"(1 - mix; the preset's constant 60 % gives 0.400); {automation.replace('REALHOST-', '')}")
    if not gain > 0.98:
        return f"{fmt}: Mix automation did not reach the plugin (dry gain {gain:.3f} at the start, wanted > 0.98)"
    return None


def explain_with_lost_input(runner, clip, state_path, bounce, limit_db):
    """A diagnosis for a failed null: does the bounce match a render of the
    clip with its first K frames zeroed (the host never gave the plugin the
    start of the clip)? Prints the null for a few K."""
    for lost in (128, 256, 512, 768, 1024):
        zeroed = ps.Wav(clip.rate, [[0.0] * lost + ch[lost:] for ch in clip.channels])
        clip_path = os.path.join(runner.work, f"clip-without-{lost}.wav")
        ps.write_float_wav(clip_path, zeroed)
        out = os.path.join(runner.work, f"render-without-{lost}.wav")
        runner.run([runner.cli, "render", clip_path, "--state", state_path, "-o", out, "--force", "--quiet"],
                   timeout=300)
        null, _ = ps.null_db(bounce.channels, ps.read_wav(out).channels)
        log(f"  against a render of the clip without its first {lost:4} frames: null {null:8.1f} dB re peak")
        if null <= limit_db:
            log(f"  so the bounce lost the first {lost} frames of the clip")
            return lost
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="the partita CLI")
    parser.add_argument("--vst3", required=True, help="the Partita.vst3 bundle")
    parser.add_argument("--lv2", required=True, help="the Partita.lv2 bundle")
    parser.add_argument("--ir", required=True, help="the IR to embed in the presets (Resources/demo/hall_ir.wav)")
    parser.add_argument("--formats", default="vst3,lv2")
    parser.add_argument("--presets", default=",".join(PRESETS))
    parser.add_argument("--limit-db", type=float, default=float(os.environ.get("PARTITA_REAL_HOST_LIMIT_DB", -100)),
                        help="the largest null that passes, dB re peak (default -100)")
    parser.add_argument("--seconds", type=float, default=2.0, help="length of the clip")
    parser.add_argument("--buffer-size", type=int, default=0, help="the Dummy backend's period in the ardour7-lua passes (default Ardour's); "
                             "ardour7-export always runs at its own default")
    parser.add_argument("--export-attempts", type=int, default=5)
    parser.add_argument("--export-timeout", type=float, default=180,
                        help="seconds before a hung ardour7-export is killed and retried")
    parser.add_argument("--work", help="keep everything in this folder (default: a temporary one, removed)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    args.ardour_lua = find_tool("ardour7-lua", "ARDOUR_LUA")
    args.ardour_export = find_tool("ardour7-export", "ARDOUR_EXPORT")
    args.vst3_scanner = next((p for p in (os.environ.get("ARDOUR_VST3_SCANNER"),
                                          "/usr/lib/ardour7/ardour-vst3-scanner",
                                          "/usr/lib/x86_64-linux-gnu/ardour7/ardour-vst3-scanner")
                              if p and os.access(p, os.X_OK)), None)
    if not (args.ardour_lua and args.ardour_export):
        log("SKIP: Ardour 7 is not installed (ardour7-lua, ardour7-export); on Debian: apt-get install ardour")
        return SKIP
    formats = [f for f in args.formats.split(",") if f]
    if "vst3" in formats and not args.vst3_scanner:
        log("SKIP: Ardour's VST3 scanner (ardour-vst3-scanner) is missing")
        return SKIP
    for path in (args.cli, args.vst3, args.lv2, args.ir):
        if not os.path.exists(path):
            log(f"FAIL: {path} does not exist (build Partita_VST3, Partita_LV2 and partita first)")
            return 1

    work = args.work or tempfile.mkdtemp(prefix="partita-real-host-")
    os.makedirs(work, exist_ok=True)
    runner = Runner(args, work)
    failures = []
    results = []
    try:
        runner.copy_plugins()
        if "vst3" in formats:
            runner.scan_vst3()

        frames = int(args.seconds * RATE)
        clip = make_input(frames)
        clip_path = os.path.join(work, "clip.wav")
        ps.write_float_wav(clip_path, clip)
        ir = ps.read_wav(args.ir)
        range_frames = frames + ir.frames + RATE // 2

        for preset in [p for p in args.presets.split(",") if p]:
            state = ps.serialise_state(PRESETS[preset], args.ir)
            state_path = os.path.join(work, preset + ".partita")
            with open(state_path, "wb") as f:
                f.write(state)
            reference_path = os.path.join(work, preset + "-cli.wav")
            runner.run([runner.cli, "render", clip_path, "--state", state_path, "-o", reference_path, "--force",
                        "--quiet"], timeout=300)
            reference = ps.read_wav(reference_path)

            for fmt in formats:
                ptype, pid = ("VST3", "Partita") if fmt == "vst3" else ("LV2", LV2_URI)
                name = f"{fmt}-{preset}"
                session_dir = os.path.join(work, "sessions", name)
                # A fresh preset folder per session: exactly one preset to patch.
                for folder in (".vst3", ".lv2"):
                    shutil.rmtree(os.path.join(runner.home, folder), ignore_errors=True)
                out = runner.lua("create_session.lua", session_dir, name, ptype, pid)
                plugin_line = next((l for l in out.splitlines() if l.startswith("REALHOST-PLUGIN")), "")
                session_file = os.path.join(session_dir, name + ".ardour")
                if fmt == "vst3":
                    put_vst3_state_in_session(session_file, state)
                else:
                    patch_lv2_preset(runner.home, state)
                audiofiles = os.path.join(session_dir, "interchange", name, "audiofiles")
                channel_paths = []
                for c, samples in enumerate(clip.channels):
                    p = os.path.join(audiofiles, f"clip-{c}.wav")
                    ps.write_float_wav(p, ps.Wav(RATE, [samples]))
                    channel_paths.append(p)
                add_clip_to_session(session_dir, name, channel_paths, frames, range_frames)
                out = runner.lua("load_preset.lua", session_dir, name, ptype, pid,
                                 preset=PRESET_LABEL if fmt == "lv2" else "")
                saved = ps.parse_state(saved_partita_state(session_dir, name, fmt))
                wanted = ps.parse_state(state)
                if not ps.same_parameters(saved["parameters"], wanted["parameters"]) \
                        or saved["irHash"] != wanted["irHash"]:
                    raise RuntimeError(f"{name}: the session saved another state than the preset's: "
                                       f"{saved} instead of {wanted}")
                latency = next((l for l in out.splitlines() if l.startswith("REALHOST-LATENCY")), "")

                export_path = os.path.join(work, name + "-ardour.wav")
                attempts = runner.export(session_dir, name, export_path)
                bounce = ps.read_wav(export_path)
                null, first = ps.null_db(bounce.channels, reference.channels)
                line = (f"{fmt:4} {preset:9} null {null:8.1f} dB re peak; first difference at frame "
                        f"{first if first is not None else '-'}; bounce {bounce.frames} frames, reference "
                        f"{reference.frames}; export attempts {attempts}; {latency.replace('REALHOST-', '')}")
                log(line)
                results.append((fmt, preset, null, first))
                if args.verbose:
                    log("  " + plugin_line)
                if not null <= args.limit_db:
                    failures.append(f"{fmt} {preset}: null {null:.1f} dB re peak is above {args.limit_db} dB")
                    explain_with_lost_input(runner, clip, state_path, bounce, args.limit_db)
                if preset == "predelay":
                    failure = check_mix_automation(runner, fmt, ptype, pid, session_dir, name, clip, frames)
                    if failure:
                        failures.append(failure)
    except (RuntimeError, subprocess.TimeoutExpired, OSError, ValueError) as error:
        failures.append(str(error))
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"Everything is in {work}")

    for failure in failures:
        log("FAIL: " + failure)
    if not failures:
        log(f"PASS: {len(results)} bounces null below {args.limit_db} dB re peak")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

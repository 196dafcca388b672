# SPDX-License-Identifier: GPL-3.0-or-later
"""Partita's state bytes (Source/state/PluginStateFormat.h) and small WAV
helpers, in plain Python 3 (no numpy): what the real-host test needs to make a
preset with an embedded IR and to compare the files Ardour and the CLI write."""

import array
import math
import struct
import sys

# The parameters by their stable IDs (the table in Source/processor/ParameterTable.h), with the
# defaults of ProcessorParameters, in their own units. A row added to the table is added here
# too (docs/parameters.md): the session check compares every saved parameter.
DEFAULT_PARAMETERS = {
    "mix": 100.0,
    "wetGain": 0.0,
    "outputGain": 0.0,
    "preDelay": 0.0,
    "irStart": 0.0,
    "irEnd": 0.0,
    "reverse": 0.0,
    "stretch": 100.0,
    "lowCut": 20.0,
    "highCut": 20000.0,
    "width": 100.0,
    "autoGain": 1.0,
    "latencyMode": 0.0,
    "irGain": 0.0,
    "irLayout": 0.0,
    "micPattern": 50.0,
    "micAngle": 90.0,
    # The IR's envelope (issue 17).
    "attack": 0.0,
    "attackShape": 0.0,
    "reverbTime": 100.0,
    "damping": 0.0,
    "dampingFreq": 4000.0,
    "earlyLevel": 0.0,
    "lateLevel": 0.0,
    "earlyLateSplit": 80.0,
    # The wet equaliser (version 4).
    "lowCutSlope": 0.0, "highCutSlope": 0.0,
    "lowShelfFreq": 100.0, "lowShelfGain": 0.0, "lowShelfQ": 0.7071,
    "peak1Freq": 400.0, "peak1Gain": 0.0, "peak1Q": 1.0,
    "peak2Freq": 2500.0, "peak2Gain": 0.0, "peak2Q": 1.0,
    "highShelfFreq": 8000.0, "highShelfGain": 0.0, "highShelfQ": 0.7071,
    # Two IR slots (issue 17).
    "slotALevel": 0.0,
    "slotAInvert": 0.0,
    "slotADelay": 0.0,
    "slotAPan": 0.0,
    "slotBLevel": 0.0,
    "slotBInvert": 0.0,
    "slotBDelay": 0.0,
    "slotBPan": 0.0,
    "slotBlend": 50.0,
    # Tempo-synced pre-delay; IR channels and length (issue 17)
    "preDelaySync": 0.0,
    "preDelayNote": 7.0,
    "irChannel": 0.0,
    "maxIrLength": 20000.0,
    "loudnessMatch": 0.0,
}


class Wav:
    """Audio as lists of floats per channel, with its rate."""

    def __init__(self, rate, channels):
        self.rate = rate
        self.channels = channels

    @property
    def frames(self):
        return len(self.channels[0]) if self.channels else 0


def _chunks(data):
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a RIFF/WAVE file")
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        yield cid, data[pos + 8:pos + 8 + size]
        pos += 8 + size + (size & 1)


def read_wav(path):
    """Reads PCM 16/24/32-bit and IEEE float 32/64-bit WAV (plain or
    WAVE_FORMAT_EXTENSIBLE) into doubles scaled as libsndfile does."""
    with open(path, "rb") as f:
        data = f.read()
    fmt = body = None
    for cid, payload in _chunks(data):
        if cid == b"fmt ":
            fmt = payload
        elif cid == b"data":
            body = payload
    if fmt is None or body is None:
        raise ValueError(f"{path}: no fmt or data chunk")
    tag, nch, rate, _, align, bits = struct.unpack_from("<HHIIHH", fmt, 0)
    if tag == 0xFFFE:
        tag = struct.unpack_from("<H", fmt, 24)[0]
    width = bits // 8
    nframes = len(body) // align
    if tag == 3 and bits == 32:
        samples = array.array("f")
        samples.frombytes(body[:nframes * align])
    elif tag == 3 and bits == 64:
        samples = array.array("d")
        samples.frombytes(body[:nframes * align])
    elif tag == 1 and bits in (16, 32):
        samples = array.array("h" if bits == 16 else "i")
        samples.frombytes(body[:nframes * align])
        scale = 1.0 / (1 << (bits - 1))
        samples = [s * scale for s in samples]
    elif tag == 1 and bits == 24:
        scale = 1.0 / (1 << 23)
        samples = [int.from_bytes(body[i:i + 3], "little", signed=True) * scale
                   for i in range(0, nframes * align, 3)]
    else:
        raise ValueError(f"{path}: unsupported WAV format tag {tag}, {bits} bits")
    if sys.byteorder != "little" and isinstance(samples, array.array):
        samples.byteswap()
    channels = [list(samples[c::nch]) for c in range(nch)]
    return Wav(rate, channels)


def write_float_wav(path, wav):
    """Writes 32-bit IEEE float WAV (format tag 3)."""
    nch = len(wav.channels)
    interleaved = array.array("f", [0.0]) * (wav.frames * nch)
    for c, channel in enumerate(wav.channels):
        interleaved[c::nch] = array.array("f", channel)
    if sys.byteorder != "little":
        interleaved.byteswap()
    body = interleaved.tobytes()
    fmt = struct.pack("<HHIIHH", 3, nch, wav.rate, wav.rate * nch * 4, nch * 4, 32)
    fact = struct.pack("<I", wav.frames)
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 4 + 8 + len(fmt) + 8 + len(fact) + 8 + len(body)) + b"WAVE")
        f.write(b"fmt " + struct.pack("<I", len(fmt)) + fmt)
        f.write(b"fact" + struct.pack("<I", len(fact)) + fact)
        f.write(b"data" + struct.pack("<I", len(body)) + body)


def content_hash(wav):
    """contentHash (Source/state/ContentHash.cpp): FNV-1a 64 over the rate,
    the shape and every sample as a double (-0.0 counted as +0.0)."""
    state = 0xcbf29ce484222325
    prime = 0x100000001b3
    mask = (1 << 64) - 1

    def add_word(word):
        nonlocal state
        for byte in word.to_bytes(8, "little"):
            state = ((state ^ byte) * prime) & mask

    def add_double(value):
        add_word(struct.unpack("<Q", struct.pack("<d", value + 0.0))[0])

    add_double(float(wav.rate))
    add_word(len(wav.channels))
    add_word(wav.frames)
    for channel in wav.channels:
        add_word(len(channel))
        for sample in channel:
            add_double(sample)
    return state


def serialise_state(parameters, ir_path, ir_name=None):
    """The bytes of serialiseState for these parameters (missing ones keep
    their defaults) and the IR file embedded as it is (IRAU), with its
    fingerprint (IRHA) and rate (IRRT). IRPA is empty, so a plugin that cannot
    use the embedded audio has no file to fall back on and the test notices."""
    values = dict(DEFAULT_PARAMETERS)
    unknown = set(parameters) - set(values)
    if unknown:
        raise ValueError(f"unknown parameters: {sorted(unknown)}")
    values.update(parameters)
    with open(ir_path, "rb") as f:
        ir_bytes = f.read()
    ir = read_wav(ir_path)

    def chunk(cid, payload):
        return cid + struct.pack("<I", len(payload)) + payload

    parm = struct.pack("<I", len(values))
    for key, value in values.items():
        parm += struct.pack("<B", len(key)) + key.encode("ascii") + struct.pack("<d", float(value))
    name = (ir_name or ir_path.rsplit("/", 1)[-1]).encode("utf-8")
    out = b"PRTASTAT" + struct.pack("<I", 1)
    out += chunk(b"PARM", parm)
    out += chunk(b"IRNM", name)
    out += chunk(b"IRPA", b"")
    out += chunk(b"IRHA", struct.pack("<Q", content_hash(ir)))
    out += chunk(b"IRRT", struct.pack("<d", float(ir.rate)))
    out += chunk(b"IRAU", ir_bytes)
    out += chunk(b"END ", b"")
    return out


def peak(channels, length=None):
    return max((abs(s) for ch in channels for s in (ch if length is None else ch[:length])), default=0.0)


def null_db(a, b):
    """Peak of a - b in dB re the peak of b, over the frames both have;
    -inf when identical. Also the first frame where they differ by more than
    1e-6 of b's peak (None when nowhere)."""
    n = min(len(a[0]), len(b[0]))
    ref = peak(b, n)
    worst = 0.0
    first = None
    for ca, cb in zip(a, b):
        for i in range(n):
            d = abs(ca[i] - cb[i])
            if d > worst:
                worst = d
            if first is None or i < first:
                if d > 1e-6 * ref:
                    first = i if first is None else min(first, i)
    if worst == 0.0:
        return -math.inf, None
    return 20.0 * math.log10(worst / ref), first


def first_nonzero(channels, threshold=0.0):
    best = None
    for ch in channels:
        for i, s in enumerate(ch):
            if abs(s) > threshold:
                best = i if best is None else min(best, i)
                break
    return best


_JUCE_BASE64 = ".ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+"


def juce_base64(data):
    """juce::MemoryBlock::toBase64Encoding: "<size>." then 6-bit groups taken
    from the least significant bit of the first byte up (JUCE's own variant of
    base64, which JUCE's LV2 wrapper stores as the StateString property)."""
    table = _JUCE_BASE64
    out = [str(len(data)), "."]
    num_chars = (len(data) * 8 + 5) // 6
    padded = data + b"\0\0"
    chars = []
    for i in range(0, len(data), 3):
        v = padded[i] | (padded[i + 1] << 8) | (padded[i + 2] << 16)
        chars.append(table[v & 63] + table[(v >> 6) & 63] + table[(v >> 12) & 63] + table[(v >> 18) & 63])
    out.append("".join(chars)[:num_chars])
    return "".join(out)


def juce_base64_decode(text):
    size, _, body = text.partition(".")
    size = int(size)
    index = {c: i for i, c in enumerate(_JUCE_BASE64)}
    out = bytearray()
    body += "." * (-len(body) % 4)
    for i in range(0, len(body), 4):
        v = index[body[i]] | (index[body[i + 1]] << 6) | (index[body[i + 2]] << 12) | (index[body[i + 3]] << 18)
        out += bytes((v & 255, (v >> 8) & 255, (v >> 16) & 255))
    return bytes(out[:size])


def parse_state(data):
    """The parameters and the IR fingerprint of a state (what the test
    checks a host kept); stops at the end marker, so trailing host data
    (JUCE's VST3 wrapper appends its own) is ignored."""
    if data[:8] != b"PRTASTAT":
        raise ValueError("not a Partita state")
    pos = 12
    result = {"parameters": {}, "irHash": None, "irName": None}
    while pos + 8 <= len(data):
        cid = data[pos:pos + 4]
        size = struct.unpack_from("<I", data, pos + 4)[0]
        body = data[pos + 8:pos + 8 + size]
        pos += 8 + size
        if cid == b"END ":
            break
        if cid == b"PARM":
            count = struct.unpack_from("<I", body, 0)[0]
            at = 4
            for _ in range(count):
                n = body[at]
                key = body[at + 1:at + 1 + n].decode("ascii")
                result["parameters"][key] = struct.unpack_from("<d", body, at + 1 + n)[0]
                at += 1 + n + 8
        elif cid == b"IRHA":
            result["irHash"] = struct.unpack_from("<Q", body, 0)[0]
        elif cid == b"IRNM":
            result["irName"] = body.decode("utf-8", "replace")
    return result


def same_parameters(a, b, tolerance=1e-5):
    """Equal within the float rounding of a host's normalised round trip."""
    return a.keys() == b.keys() and all(abs(a[k] - b[k]) <= tolerance * max(1.0, abs(b[k])) for k in a)

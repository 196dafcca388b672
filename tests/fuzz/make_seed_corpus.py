#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the fuzzers' seed corpora (tests/fuzz/corpus/<target>/): valid
files and crafted ones (truncated chunks, huge declared sizes, zero
channels, sample rate -1, 65-bit samples, ...). The files are committed;
run this again only to change them:

    python3 tests/fuzz/make_seed_corpus.py [--partita build/release/Source/cli/partita]

With --partita, FLAC and Ogg Vorbis seeds are made by the CLI from a WAV
(the Ogg ones come out different each time: the stream serial is random).
"""
import argparse
import math
import os
import pathlib
import struct
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def chunk(chunk_id, payload, declared=None):
    size = len(payload) if declared is None else declared
    pad = b"\0" if len(payload) % 2 else b""
    return chunk_id + struct.pack("<I", size) + payload + pad


def wav(channels=1, rate=48000, bits=16, fmt_tag=1, frames=64, data=None, riff_size=None,
        data_declared=None, block_align=None, fmt_declared=None, extra_chunks=b"", fmt_extra=b""):
    block = block_align if block_align is not None else (channels * bits) // 8
    fmt = struct.pack("<HHIIHH", fmt_tag, channels & 0xFFFF, rate & 0xFFFFFFFF,
                      (rate * block) & 0xFFFFFFFF, block & 0xFFFF, bits & 0xFFFF) + fmt_extra
    if data is None:
        data = bytes((n * 37) & 0xFF for n in range(frames * max(block, 1)))
    body = b"WAVE" + chunk(b"fmt ", fmt, fmt_declared) + extra_chunks + chunk(b"data", data, data_declared)
    size = len(body) if riff_size is None else riff_size
    return b"RIFF" + struct.pack("<I", size & 0xFFFFFFFF) + body


def float_wav(samples, rate=48000, channels=1):
    data = b"".join(struct.pack("<f", s) for s in samples)
    return wav(channels=channels, rate=rate, bits=32, fmt_tag=3, data=data)


def extended(value):
    """AIFF's 80-bit extended float."""
    if value == 0:
        return b"\0" * 10
    sign = 0x8000 if value < 0 else 0
    if math.isinf(value) or math.isnan(value):
        mantissa = 0x8000000000000000 if math.isinf(value) else 0xC000000000000000
        return struct.pack(">HQ", sign | 0x7FFF, mantissa)
    fraction, exponent = math.frexp(abs(value))
    return struct.pack(">HQ", sign | (exponent - 1 + 16383), int(fraction * (1 << 64)) & 0xFFFFFFFFFFFFFFFF)


def aiff(channels=1, frames=64, bits=16, rate=48000.0, data=None, ssnd_declared=None, comm_frames=None):
    comm = struct.pack(">hIh", channels, frames if comm_frames is None else comm_frames, bits) + extended(rate)
    if data is None:
        data = bytes((n * 11) & 0xFF for n in range(frames * channels * max(bits // 8, 1)))
    ssnd_payload = struct.pack(">II", 0, 0) + data
    ssnd_size = len(ssnd_payload) if ssnd_declared is None else ssnd_declared
    body = b"AIFF" + b"COMM" + struct.pack(">I", len(comm)) + comm + b"SSND" + struct.pack(">I", ssnd_size) + ssnd_payload
    return b"FORM" + struct.pack(">I", len(body)) + body


def rf64(data_size_declared, frames=16):
    data = bytes(frames * 2)
    ds64 = struct.pack("<QQQI", 0xFFFFFFFFFFFF, data_size_declared, 0xFFFFFFFFFFFF, 0)
    fmt = struct.pack("<HHIIHH", 1, 1, 48000, 96000, 2, 16)
    body = b"WAVE" + chunk(b"ds64", ds64) + chunk(b"fmt ", fmt) + b"data" + struct.pack("<I", 0xFFFFFFFF) + data
    return b"RF64" + struct.pack("<I", 0xFFFFFFFF) + body


def ir_loader_seeds(partita):
    impulse = [1.0] + [0.5 ** (n + 1) for n in range(63)]
    seeds = {
        "valid-16bit-mono.wav": wav(),
        "valid-24bit-stereo.wav": wav(channels=2, bits=24, frames=32),
        "valid-float-true-stereo.wav": float_wav(impulse * 4, channels=4),
        "valid-8bit-unsigned.wav": wav(bits=8, frames=40),
        "valid-32bit-pcm.wav": wav(bits=32, frames=16),
        "valid-64bit-float.wav": wav(bits=64, fmt_tag=3, data=b"".join(struct.pack("<d", s) for s in impulse)),
        "valid-16bit.aiff": aiff(),
        "valid-extensible.wav": wav(fmt_tag=0xFFFE, fmt_extra=struct.pack("<HHI", 22, 16, 4)
                                    + bytes.fromhex("0100000000001000800000aa00389b71")),
        "valid-with-list-chunk.wav": wav(extra_chunks=chunk(b"LIST", b"INFOISFT" + struct.pack("<I", 3) + b"ab\0\0")),
        "zero-channels.wav": wav(channels=0, block_align=2),
        "nine-channels.wav": wav(channels=9, frames=4),
        "65535-channels.wav": wav(channels=65535, bits=8, data=b"\0\0"),
        "rate-0.wav": wav(rate=0),
        "rate-minus-1.wav": wav(rate=0xFFFFFFFF),
        "rate-4000.wav": wav(rate=4000),
        "rate-768000.wav": wav(rate=768000),
        "rate-minus-1.aiff": aiff(rate=-1.0),
        "rate-nan.aiff": aiff(rate=float("nan")),
        "rate-inf.aiff": aiff(rate=float("inf")),
        "65-bit-samples.wav": wav(bits=65, block_align=9, frames=4),
        "0-bit-samples.wav": wav(bits=0, block_align=0, frames=4),
        "block-align-0.wav": wav(block_align=0),
        "huge-data-chunk.wav": wav(data_declared=0xFFFFFFF0),
        "huge-riff-size.wav": wav(riff_size=0xFFFFFFFF),
        "huge-fmt-chunk.wav": wav(fmt_declared=0xFFFFFFF0),
        "huge-list-chunk.wav": wav(extra_chunks=b"LIST" + struct.pack("<I", 0xFFFFFFF0) + b"INFO"),
        "truncated-in-fmt.wav": wav()[:30],
        "truncated-in-data.wav": wav(frames=1000)[:500],
        "truncated-header.wav": b"RIFF\x24\x00\x00\x00WAVEfm",
        "huge-frames.aiff": aiff(comm_frames=0x7FFFFFFF),
        "huge-ssnd.aiff": aiff(ssnd_declared=0xFFFFFFF0),
        "truncated.aiff": aiff(frames=500)[:300],
        "huge-data.rf64": rf64(1 << 62),
        "nan-sample.wav": float_wav([0.5, float("nan"), 0.25]),
        "inf-sample.wav": float_wav([0.5, float("inf")]),
        "denormal-samples.wav": float_wav([1e-41, -1e-42, 1e-39]),
        "silent.wav": float_wav([0.0] * 32),
        "empty.wav": wav(frames=0, data=b""),
        "not-audio.txt": b"This is not an impulse response.\n",
        "empty-file": b"",
    }
    if partita:
        with tempfile.TemporaryDirectory() as folder:
            folder = pathlib.Path(folder)
            (folder / "in.wav").write_bytes(float_wav([math.sin(n * 0.1) * 0.5 for n in range(2000)]))
            (folder / "unit.wav").write_bytes(float_wav([1.0]))
            for name, fmt in (("valid.flac", "24"), ("valid.ogg", "vorbis")):
                subprocess.run([partita, "render", "--quiet", "--ir", str(folder / "unit.wav"), "--mode", "same",
                                "--format", fmt, "-o", str(folder / name), str(folder / "in.wav")], check=True)
                data = (folder / name).read_bytes()
                seeds[name] = data
                seeds["truncated-" + name] = data[: len(data) // 2]
    return seeds


def command_line_seeds():
    def args(*items):
        return b"\0".join(item.encode() for item in items)

    return {
        "help": args("--help"),
        "version": args("--version"),
        "render-minimal": args("render", "--ir", "ir.wav", "-o", "out.wav", "in.wav"),
        "render-everything": args("render", "--ir", "ir.wav", "--output", "out", "--mix", "50", "--wet-gain", "-6",
                                  "--dry-gain", "0", "--gain", "-1.5", "--normalize", "energy", "--mode", "same",
                                  "--method", "fft", "--precision", "double", "--format", "24",
                                  "--output-channels", "2", "--force", "-q", "a.wav", "b.wav"),
        "render-help-late": args("render", "in.wav", "--ir", "--help"),
        "render-double-dash": args("render", "--ir", "ir.wav", "--", "-o", "--mix"),
        "render-nan-mix": args("render", "--ir", "ir.wav", "--mix", "nan", "in.wav"),
        "render-huge-gain": args("render", "--ir", "ir.wav", "--gain", "1e999", "in.wav"),
        "render-negative-channels": args("render", "--ir", "ir.wav", "--output-channels", "-1", "in.wav"),
        "render-huge-channels": args("render", "--ir", "ir.wav", "--output-channels", "99999999999999999999", "x"),
        "render-equals": args("render", "--ir=ir.wav", "--mix=100", "in.wav"),
        "render-missing-value": args("render", "--ir"),
        "render-state": args("render", "--state", "session.partita", "-o", "out.wav", "in.wav"),
        "render-state-and-ir": args("render", "--state", "session.partita", "--ir", "ir.wav", "in.wav"),
        "render-plugin-controls": args("render", "--ir", "ir.wav", "-o", "out.wav", "--pre-delay", "20ms",
                                       "--low-cut", "1.2kHz", "--reverse", "--latency-mode", "low-cpu",
                                       "--set", "irGain=-6dB", "--auto-gain=off", "in.wav"),
        "render-state-set": args("render", "--state", "session.partita", "-o", "out.wav", "--set", "mix=0",
                                 "--set", "width", "--gain", "-3", "in.wav"),
        "info": args("info", "a.wav", "b.flac"),
        "correlate-minimal": args("correlate", "a.wav", "b.wav"),
        "correlate-everything": args("correlate", "a.wav", "b.wav", "-o", "r.wav", "--mode", "valid", "--method",
                                     "direct", "--precision", "double", "--format", "float", "--force", "-q"),
        "correlate-three-files": args("correlate", "a.wav", "b.wav", "c.wav"),
        "unknown": args("frobnicate", "--what"),
        "empty-argument": args("render", "", "--ir", ""),
        "utf8": args("render", "--ir", "r\u00e4um.wav", "\u00fc.wav"),
    }


def state_seeds():
    def chunk_le(chunk_id, payload, declared=None):
        return chunk_id + struct.pack("<I", len(payload) if declared is None else declared) + payload

    def parameters(values):
        payload = struct.pack("<I", len(values))
        for name, value in values:
            payload += struct.pack("<B", len(name)) + name.encode() + struct.pack("<d", value)
        return chunk_le(b"PARM", payload)

    header = b"PRTASTAT" + struct.pack("<I", 1)
    normal = [("mix", 35.0), ("wetGain", -3.0), ("outputGain", 0.0), ("preDelay", 12.0), ("irStart", 0.0),
              ("irEnd", 0.0), ("reverse", 0.0), ("stretch", 100.0), ("lowCut", 20.0), ("highCut", 20000.0),
              ("width", 100.0), ("autoGain", 1.0), ("latencyMode", 0.0)]
    ir_audio = float_wav([1.0, 0.5, 0.25, 0.125], rate=48000)
    ir_chunks = (chunk_le(b"IRNM", b"hall.wav") + chunk_le(b"IRPA", b"/nonexistent/hall.wav")
                 + chunk_le(b"IRRT", struct.pack("<d", 48000.0)) + chunk_le(b"IRAU", ir_audio))
    end = chunk_le(b"END ", b"")
    return {
        "parameters-only": header + parameters(normal) + end,
        "with-ir": header + parameters(normal) + ir_chunks + end,
        "empty-state": header + end,
        "cut-off": (header + parameters(normal) + ir_chunks)[:-7],
        "version-0": b"PRTASTAT" + struct.pack("<I", 0) + end,
        "version-99": b"PRTASTAT" + struct.pack("<I", 99) + chunk_le(b"NEW!", b"future") + end,
        "wrong-magic": b"PRTASTAX" + struct.pack("<I", 1) + end,
        "too-short": b"PRTA",
        "huge-chunk-size": header + chunk_le(b"PARM", b"\0\0\0\0", 0xFFFFFFF0),
        "huge-parameter-count": header + chunk_le(b"PARM", struct.pack("<I", 0xFFFFFFFF)) + end,
        "nan-parameters": header + parameters([(n, float("nan")) for n, _ in normal]) + end,
        "inf-parameters": header + parameters([(n, float("inf")) for n, _ in normal]) + end,
        "huge-parameters": header + parameters([(n, -1e300) for n, _ in normal]) + end,
        "unknown-parameter": header + parameters([("doesNotExist", 1.0), ("", 2.0)]) + end,
        "ir-rate-minus-1": header + chunk_le(b"IRNM", b"x.wav") + chunk_le(b"IRRT", struct.pack("<d", -1.0))
        + chunk_le(b"IRAU", ir_audio) + end,
        "ir-zero-channels": header + chunk_le(b"IRNM", b"x.wav") + chunk_le(b"IRAU", wav(channels=0, block_align=2))
        + end,
        "ir-65-bit": header + chunk_le(b"IRNM", b"x.wav") + chunk_le(b"IRAU", wav(bits=65, block_align=9, frames=4))
        + end,
        "ir-truncated-audio": header + chunk_le(b"IRNM", b"x.wav") + chunk_le(b"IRAU", wav(frames=500)[:200]) + end,
        "ir-huge-declared-audio": header + chunk_le(b"IRNM", b"x.wav")
        + chunk_le(b"IRAU", wav(data_declared=0xFFFFFFF0)) + end,
        "ir-nan-audio": header + chunk_le(b"IRNM", b"x.wav") + chunk_le(b"IRAU", float_wav([0.1, float("nan")]))
        + end,
        "ir-hash-mismatch": header + chunk_le(b"IRNM", b"x.wav") + chunk_le(b"IRHA", struct.pack("<Q", 12345))
        + chunk_le(b"IRAU", ir_audio) + end,
        "ir-name-not-utf8": header + chunk_le(b"IRNM", b"\xff\xfe\x00bad") + end,
    }


def write(target, seeds):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in seeds.items():
        (folder / name).write_bytes(data)
    print(f"{target}: {len(seeds)} seeds in {folder}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--partita", help="the built partita CLI, to make FLAC and Ogg seeds")
    options = parser.parse_args()
    write("fuzz_ir_loader", ir_loader_seeds(options.partita))
    write("fuzz_command_line", command_line_seeds())
    write("fuzz_plugin_state", state_seeds())


if __name__ == "__main__":
    main()

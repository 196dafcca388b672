// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace partita::benchmark
{

/** Writes the offline job's files into `folder` (created if missing,
    existing files replaced): in.wav, 60 s of 48 kHz stereo white noise;
    ir.wav, a 4 s stereo exponentially decaying noise IR with independent
    channels (both 32-bit float WAV); ir_left.txt, the IR's left channel as
    text, one coefficient a line, for `sox ... fir`, which takes one mono
    filter for all channels. Throws AudioFileError when a file cannot be
    written. */
void writeOfflineJobFiles (const std::filesystem::path& folder);

} // namespace partita::benchmark

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

namespace partita::test
{

/** Writes a 4-channel, 32-frame float WAVE_FORMAT_EXTENSIBLE file with
    libsndfile (a 0.5 dirac on channel 1), with the ambisonic B-format
    sub-format (SFC_WAVEX_SET_AMBISONIC) or without it. Throws
    std::runtime_error if libsndfile cannot. */
void writeFourChannelWavex (const std::filesystem::path& path, bool ambisonicSubFormat);

} // namespace partita::test

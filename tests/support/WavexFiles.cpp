// SPDX-License-Identifier: GPL-3.0-or-later
#include "WavexFiles.h"

#include <sndfile.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace partita::test
{

void writeFourChannelWavex (const std::filesystem::path& path, bool ambisonicSubFormat)
{
    SF_INFO info {};
    info.samplerate = 48000;
    info.channels = 4;
    info.format = SF_FORMAT_WAVEX | SF_FORMAT_FLOAT;
    const std::unique_ptr<SNDFILE, int (*) (SNDFILE*)> file (sf_open (path.string().c_str(), SFM_WRITE, &info),
                                                             sf_close);
    if (file == nullptr)
        throw std::runtime_error (std::string ("cannot write ") + path.string() + ": " + sf_strerror (nullptr));
    if (ambisonicSubFormat
        && sf_command (file.get(), SFC_WAVEX_SET_AMBISONIC, nullptr, SF_AMBISONIC_B_FORMAT) != SF_AMBISONIC_B_FORMAT)
        throw std::runtime_error ("libsndfile did not set the ambisonic sub-format of " + path.string());
    std::vector<float> frames (4 * 32, 0.0f);
    frames[0] = 0.5f;
    if (sf_writef_float (file.get(), frames.data(), 32) != 32)
        throw std::runtime_error ("cannot write the frames of " + path.string());
}

} // namespace partita::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineJobFiles.h"

#include "StereoSignals.h"

#include "io/AudioFileError.h"
#include "io/AudioFileWriter.h"

#include <cstdio>
#include <fstream>

namespace partita::benchmark
{
namespace
{
AudioClip toClip (const StereoBuffer& signal)
{
    AudioClip clip;
    clip.sampleRate = benchmarkSampleRate;
    for (const auto& channel : signal)
        clip.channels.emplace_back (channel.begin(), channel.end());
    return clip;
}
} // namespace

void writeOfflineJobFiles (const std::filesystem::path& folder)
{
    std::filesystem::create_directories (folder);
    const OutputFormat floatWav { FileContainer::wav, SampleFormat::float32 };

    writeAudioFile (folder / "in.wav", toClip (makeStereoNoise (framesForSeconds (60.0), 4242)), floatWav,
                    OverwritePolicy::replace);
    const auto ir = makeStereoDecayingIr (framesForSeconds (4.0), 5151);
    writeAudioFile (folder / "ir.wav", toClip (ir), floatWav, OverwritePolicy::replace);

    const auto coefficientsPath = folder / "ir_left.txt";
    std::ofstream coefficients (coefficientsPath);
    char line[32];
    for (const auto tap : ir[0])
    {
        // %.9g round-trips a float exactly.
        std::snprintf (line, sizeof (line), "%.9g\n", static_cast<double> (tap));
        coefficients << line;
    }
    coefficients.close();
    if (! coefficients)
        throw AudioFileError ("could not write " + coefficientsPath.string());
}

} // namespace partita::benchmark

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace partita
{

/** What the browser shows of an IR, whether it came from a file or from the
    factory list: the facts a user compares IRs by before loading one. */
struct IrFacts
{
    std::size_t channels = 0;
    double sampleRate = 0.0;
    std::uint64_t frames = 0;
    /** T30 or T20 of all channels' energy (EnergyDecayCurve); empty where
        the decay cannot be measured (too short, too noisy, not a decay, or a
        file too long to decode during a scan). */
    std::optional<double> reverbTimeSeconds;

    [[nodiscard]] double lengthSeconds() const noexcept
    {
        return sampleRate > 0.0 ? static_cast<double> (frames) / sampleRate : 0.0;
    }
};

/** One file found by a folder scan: readable, with its facts, or not, with
    the reason in the words the IR loader would use. */
struct ScannedIrFile
{
    std::filesystem::path path;
    /** The user's folder it was found under (a file in a subfolder keeps the
        top folder here). */
    std::filesystem::path root;
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified {};
    bool readable = false;
    /** Why the file cannot be used; empty when readable. */
    std::string reason;
    IrFacts facts;
};

} // namespace partita

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>

namespace partita
{

/** Where the IRs loaded lately came from, by content fingerprint
    (contentHash): the processor only knows which audio is playing, and a saved
    state needs that audio's file path. Keyed by content, not by name, so two
    files of the same name in different folders cannot be confused, and a load
    that failed cannot claim the path of the IR still playing.

    Threading: any thread but the audio thread (a short lock). */
class ImpulseResponseOrigins
{
public:
    /** Remembers the path (UTF-8; empty for a factory IR) of some audio. */
    void remember (std::uint64_t hash, std::string path);

    /** The path remembered for the audio, or empty. */
    [[nodiscard]] std::string pathFor (std::uint64_t hash) const;

private:
    struct Origin
    {
        std::uint64_t hash;
        std::string path;
    };

    /** Only the latest few: the playing IR is always among them. */
    static constexpr std::size_t capacity = 32;

    mutable std::mutex lock;
    std::deque<Origin> origins;
};

} // namespace partita

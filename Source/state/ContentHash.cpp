// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContentHash.h"

#include <bit>

namespace partita
{
namespace
{
class Fnv1a64
{
public:
    void addWord (std::uint64_t word) noexcept
    {
        for (int byte = 0; byte < 8; ++byte)
        {
            state ^= (word >> (8 * byte)) & 0xffu;
            state *= prime;
        }
    }

    void addDouble (double value) noexcept
    {
        // Adding +0.0 turns -0.0 into +0.0: an integer encoding (FLAC) cannot
        // keep the sign of zero and must not change the fingerprint.
        addWord (std::bit_cast<std::uint64_t> (value + 0.0));
    }

    [[nodiscard]] std::uint64_t value() const noexcept { return state; }

private:
    static constexpr std::uint64_t prime = 0x100000001b3ull;
    std::uint64_t state = 0xcbf29ce484222325ull;
};
} // namespace

std::uint64_t contentHash (const AudioClip& clip) noexcept
{
    Fnv1a64 hash;
    hash.addDouble (clip.sampleRate);
    hash.addWord (clip.numChannels());
    hash.addWord (clip.numFrames());
    for (const auto& channel : clip.channels)
    {
        hash.addWord (channel.size());
        for (const double sample : channel)
            hash.addDouble (sample);
    }
    return hash.value();
}

std::string toHexString (std::uint64_t hash)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string text (16, '0');
    for (std::size_t i = 0; i < 16; ++i)
        text[15 - i] = digits[(hash >> (4 * i)) & 0xfu];
    return text;
}

} // namespace partita

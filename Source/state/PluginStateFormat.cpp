// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginStateFormat.h"

#include "ContentHash.h"
#include "MemoryAudioCodec.h"
#include "NamedParameters.h"
#include "StateError.h"

#include <bit>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string_view>

namespace partita
{
namespace
{
constexpr std::string_view magic = "PRTASTAT";

namespace chunkIds
{
constexpr std::string_view parameters = "PARM";
constexpr std::string_view irName = "IRNM";
constexpr std::string_view irPath = "IRPA";
constexpr std::string_view irHash = "IRHA";
constexpr std::string_view irRate = "IRRT";
constexpr std::string_view irAudio = "IRAU";
constexpr std::string_view end = "END ";
} // namespace chunkIds

class ByteWriter
{
public:
    void addBytes (std::span<const std::uint8_t> data) { bytes.insert (bytes.end(), data.begin(), data.end()); }
    void addText (std::string_view text)
    {
        for (const char c : text)
            bytes.push_back (static_cast<std::uint8_t> (c));
    }

    void addUnsigned (std::uint64_t value, int numBytes)
    {
        for (int i = 0; i < numBytes; ++i)
            bytes.push_back (static_cast<std::uint8_t> ((value >> (8 * i)) & 0xffu));
    }

    void addDouble (double value) { addUnsigned (std::bit_cast<std::uint64_t> (value), 8); }

    void addChunk (std::string_view id, const ByteWriter& payload)
    {
        if (payload.bytes.size() > std::numeric_limits<std::uint32_t>::max())
            throw std::invalid_argument ("the state's " + std::string { id } + " chunk is larger than 4 GiB");
        addText (id);
        addUnsigned (payload.bytes.size(), 4);
        addBytes (payload.bytes);
    }

    std::vector<std::uint8_t> bytes;
};

/** Reads little-endian values; every read checks the bytes that remain and
    returns nothing when there are too few. */
class ByteReader
{
public:
    explicit ByteReader (std::span<const std::uint8_t> data) noexcept
        : remaining (data)
    {
    }

    [[nodiscard]] std::size_t size() const noexcept { return remaining.size(); }

    std::optional<std::span<const std::uint8_t>> takeBytes (std::size_t count) noexcept
    {
        if (count > remaining.size())
            return std::nullopt;
        const auto taken = remaining.first (count);
        remaining = remaining.subspan (count);
        return taken;
    }

    std::optional<std::uint64_t> takeUnsigned (int numBytes) noexcept
    {
        const auto data = takeBytes (static_cast<std::size_t> (numBytes));
        if (!data.has_value())
            return std::nullopt;
        std::uint64_t value = 0;
        for (int i = 0; i < numBytes; ++i)
            value |= static_cast<std::uint64_t> ((*data)[static_cast<std::size_t> (i)]) << (8 * i);
        return value;
    }

    std::optional<double> takeDouble() noexcept
    {
        const auto bits = takeUnsigned (8);
        if (!bits.has_value())
            return std::nullopt;
        return std::bit_cast<double> (*bits);
    }

private:
    std::span<const std::uint8_t> remaining;
};

std::string toText (std::span<const std::uint8_t> data)
{
    return { reinterpret_cast<const char*> (data.data()), data.size() };
}

ByteWriter parameterChunk (const ProcessorParameters& parameters)
{
    const auto values = toNamedValues (parameters);
    ByteWriter payload;
    payload.addUnsigned (values.size(), 4);
    for (const auto& [id, value] : values)
    {
        payload.addUnsigned (id.size(), 1);
        payload.addText (id);
        payload.addDouble (value);
    }
    return payload;
}

void readParameters (std::span<const std::uint8_t> data, ProcessorParameters& parameters,
                     std::vector<std::string>& problems)
{
    ByteReader reader (data);
    const auto count = reader.takeUnsigned (4);
    if (!count.has_value())
    {
        problems.emplace_back ("the saved parameters are damaged; defaults are used");
        return;
    }

    std::size_t unknown = 0;
    for (std::uint64_t i = 0; i < *count; ++i)
    {
        const auto idLength = reader.takeUnsigned (1);
        const auto id = idLength.has_value() ? reader.takeBytes (static_cast<std::size_t> (*idLength)) : std::nullopt;
        const auto value = id.has_value() ? reader.takeDouble() : std::nullopt;
        if (!value.has_value())
        {
            problems.emplace_back ("the saved parameters are cut off after " + std::to_string (i)
                                   + " values; the others keep their defaults");
            return;
        }

        if (!applyNamedValue (parameters, toText (*id), *value))
            ++unknown;
    }

    if (unknown > 0)
        problems.emplace_back (std::to_string (unknown)
                               + " saved parameters are unknown to this version of Partita and were ignored");
}

SavedImpulseResponse& impulseResponseOf (PluginState& state)
{
    if (!state.impulseResponse.has_value())
        state.impulseResponse.emplace();
    return *state.impulseResponse;
}

std::string describeIr (const SavedImpulseResponse& ir)
{
    if (ir.name.empty())
        return "the saved IR";
    // The name comes from the state's bytes: a control character (a newline)
    // would break the one-line message it is quoted in.
    std::string name = ir.name;
    for (auto& c : name)
        if (static_cast<unsigned char> (c) < 0x20 || c == '\x7F')
            c = '?';
    return "the saved IR '" + name + "'";
}
} // namespace

std::vector<std::uint8_t> serialiseState (const PluginState& state)
{
    EncodedAudioCache cache;
    return serialiseState (state, cache);
}

std::vector<std::uint8_t> serialiseState (const PluginState& state, EncodedAudioCache& cache)
{
    ByteWriter writer;
    writer.addText (magic);
    writer.addUnsigned (currentStateVersion, 4);
    writer.addChunk (chunkIds::parameters, parameterChunk (state.parameters));

    if (const auto& ir = state.impulseResponse; ir.has_value())
    {
        ByteWriter name;
        name.addText (ir->name);
        writer.addChunk (chunkIds::irName, name);

        ByteWriter path;
        path.addText (ir->originalPath);
        writer.addChunk (chunkIds::irPath, path);

        if (ir->audio != nullptr)
        {
            if (cache.audio != ir->audio)
            {
                cache.bytes = encodeLosslessAudio (*ir->audio);
                cache.hash = contentHash (*ir->audio);
                cache.audio = ir->audio;
            }

            ByteWriter hash;
            hash.addUnsigned (ir->contentHash.value_or (cache.hash), 8);
            writer.addChunk (chunkIds::irHash, hash);

            ByteWriter rate;
            rate.addDouble (ir->audio->sampleRate);
            writer.addChunk (chunkIds::irRate, rate);

            ByteWriter audio;
            audio.addBytes (cache.bytes);
            writer.addChunk (chunkIds::irAudio, audio);
        }
        else if (ir->contentHash.has_value())
        {
            ByteWriter hash;
            hash.addUnsigned (*ir->contentHash, 8);
            writer.addChunk (chunkIds::irHash, hash);
        }
    }

    writer.addChunk (chunkIds::end, ByteWriter {});
    return std::move (writer.bytes);
}

ParsedState parseState (std::span<const std::uint8_t> bytes, const AudioReadLimits& limits)
{
    ByteReader reader (bytes);
    const auto header = reader.takeBytes (magic.size());
    if (!header.has_value() || toText (*header) != magic)
        throw StateError ("not a Partita state (it does not start with the Partita identifier)");

    ParsedState parsed;
    const auto version = reader.takeUnsigned (4);
    if (!version.has_value() || *version == 0)
        throw StateError ("not a Partita state (its version is missing or 0)");
    parsed.version = static_cast<std::uint32_t> (*version);
    if (parsed.version > currentStateVersion)
        parsed.problems.push_back ("the state was saved by a newer version of Partita (format "
                                   + std::to_string (parsed.version) + "); settings this version lacks are ignored");

    auto& state = parsed.state;
    std::optional<std::span<const std::uint8_t>> audioBytes;
    std::optional<double> exactRate;

    bool ended = false;
    bool damaged = false;
    while (reader.size() > 0 && !ended)
    {
        const auto id = reader.takeBytes (4);
        const auto size = id.has_value() ? reader.takeUnsigned (4) : std::nullopt;
        const auto payload = size.has_value() ? reader.takeBytes (static_cast<std::size_t> (*size)) : std::nullopt;
        if (!payload.has_value())
        {
            parsed.problems.emplace_back ("the state is cut off or damaged; only the settings before the damage "
                                          "were restored");
            damaged = true;
            break;
        }

        const auto chunk = toText (*id);
        if (chunk == chunkIds::end)
            ended = true;
        else if (chunk == chunkIds::parameters)
            readParameters (*payload, state.parameters, parsed.problems);
        else if (chunk == chunkIds::irName)
            impulseResponseOf (state).name = toText (*payload);
        else if (chunk == chunkIds::irPath)
            impulseResponseOf (state).originalPath = toText (*payload);
        else if (chunk == chunkIds::irHash)
        {
            if (payload->size() == 8)
                impulseResponseOf (state).contentHash = ByteReader (*payload).takeUnsigned (8);
            else
                parsed.problems.emplace_back ("the saved IR's fingerprint is damaged");
        }
        else if (chunk == chunkIds::irRate)
        {
            if (const auto rate = ByteReader (*payload).takeDouble(); payload->size() == 8 && rate.has_value())
                exactRate = *rate;
        }
        else if (chunk == chunkIds::irAudio)
        {
            audioBytes = *payload;
            impulseResponseOf (state);
        }
        // Any other chunk is from a newer version: skipped by design.
    }

    // Without the end marker a cut exactly between two chunks would go unseen.
    if (!ended && !damaged)
        parsed.problems.emplace_back ("the state is cut off; only the settings before the cut were restored");
    if (!ended && state.impulseResponse.has_value() && !audioBytes.has_value())
        state.impulseResponse->audioCutOff = true;

    if (audioBytes.has_value())
    {
        auto& ir = impulseResponseOf (state);
        try
        {
            auto clip = readAudioFromMemory (*audioBytes, limits, describeIr (ir));
            // The file's header holds the rate in whole Hz only.
            if (exactRate.has_value() && std::isfinite (*exactRate) && std::abs (*exactRate - clip.sampleRate) <= 0.5
                && *exactRate >= limits.minSampleRate && *exactRate <= limits.maxSampleRate)
                clip.sampleRate = *exactRate;
            ir.audio = std::make_shared<const AudioClip> (std::move (clip));
        }
        catch (const std::exception& error)
        {
            parsed.problems.emplace_back (error.what());
        }
    }

    return parsed;
}

} // namespace partita

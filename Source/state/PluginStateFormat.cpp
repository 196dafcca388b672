// SPDX-License-Identifier: GPL-3.0-or-later
#include "PluginStateFormat.h"

#include "ByteReader.h"
#include "ByteWriter.h"
#include "ContentHash.h"
#include "MemoryAudioCodec.h"
#include "NamedParameters.h"
#include "StateChunkReader.h"
#include "StateError.h"

#include <array>
#include <cmath>
#include <optional>
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
constexpr std::string_view irLayout = "IRLY";
constexpr std::string_view slotB = "IRSB";
constexpr std::string_view end = "END ";
} // namespace chunkIds

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

void addTextChunk (ByteWriter& writer, std::string_view id, std::string_view text)
{
    ByteWriter payload;
    payload.addText (text);
    writer.addChunk (id, payload);
}

/** IRNM, IRPA, then IRHA when there is a fingerprint, and IRRT and IRAU when
    there is audio. The audio is encoded only when it is not the cache's. */
void addImpulseResponseChunks (ByteWriter& writer, const SavedImpulseResponse& ir, EncodedAudio& cache)
{
    addTextChunk (writer, chunkIds::irName, ir.name);
    addTextChunk (writer, chunkIds::irPath, ir.originalPath);

    if (ir.audio != nullptr && cache.audio != ir.audio)
    {
        cache.bytes = encodeLosslessAudio (*ir.audio);
        cache.hash = contentHash (*ir.audio);
        cache.audio = ir.audio;
    }

    const std::optional<std::uint64_t> hash =
        ir.audio != nullptr ? ir.contentHash.value_or (cache.hash) : ir.contentHash;
    if (hash.has_value())
    {
        ByteWriter payload;
        payload.addUnsigned (*hash, 8);
        writer.addChunk (chunkIds::irHash, payload);
    }
    if (ir.layoutHint.says())
    {
        ByteWriter payload;
        payload.addUnsigned (static_cast<std::uint64_t> (ir.layoutHint.layout), 1);
        payload.addUnsigned (static_cast<std::uint64_t> (ir.layoutHint.reason), 1);
        writer.addChunk (chunkIds::irLayout, payload);
    }
    if (ir.audio == nullptr)
        return;

    ByteWriter rate;
    rate.addDouble (ir.audio->sampleRate);
    writer.addChunk (chunkIds::irRate, rate);

    ByteWriter audio;
    audio.addBytes (cache.bytes);
    writer.addChunk (chunkIds::irAudio, audio);
}

std::string describeIr (const SavedImpulseResponse& ir, std::string_view what)
{
    if (ir.name.empty())
        return "the saved " + std::string (what);
    // The name comes from the state's bytes: a control character (a newline)
    // would break the one-line message it is quoted in.
    std::string name = ir.name;
    for (auto& c : name)
        if (static_cast<unsigned char> (c) < 0x20 || c == '\x7F')
            c = '?';
    return "the saved " + std::string (what) + " '" + name + "'";
}

/** The identifier and version; throws StateError when the bytes are not a
    Partita state at all. */
std::uint32_t readVersion (ByteReader& reader)
{
    const auto header = reader.takeBytes (magic.size());
    if (!header.has_value() || toText (*header) != magic)
        throw StateError ("not a Partita state (it does not start with the Partita identifier)");

    const auto version = reader.takeUnsigned (4);
    if (!version.has_value() || *version == 0)
        throw StateError ("not a Partita state (its version is missing or 0)");
    return static_cast<std::uint32_t> (*version);
}

/** What the chunks of one slot said. The IR's audio is decoded only after
    the last chunk: its exact rate may come after it. */
struct ChunkContents
{
    ParsedState& parsed;
    /** The slot the IR chunks fill. */
    std::optional<SavedImpulseResponse>& slot;
    /** How messages name its IR: "IR", "slot B IR". */
    std::string_view irWord;
    const AudioReadLimits& limits;
    std::optional<std::span<const std::uint8_t>> audioBytes {};
    std::optional<double> exactRate {};
};

SavedImpulseResponse& impulseResponseOf (ChunkContents& contents)
{
    if (!contents.slot.has_value())
        contents.slot.emplace();
    return *contents.slot;
}

void readParameterChunk (std::span<const std::uint8_t> payload, ChunkContents& contents)
{
    readParameters (payload, contents.parsed.state.parameters, contents.parsed.problems);
}

void readIrNameChunk (std::span<const std::uint8_t> payload, ChunkContents& contents)
{
    impulseResponseOf (contents).name = toText (payload);
}

void readIrPathChunk (std::span<const std::uint8_t> payload, ChunkContents& contents)
{
    impulseResponseOf (contents).originalPath = toText (payload);
}

void readIrHashChunk (std::span<const std::uint8_t> payload, ChunkContents& contents)
{
    if (payload.size() == 8)
        impulseResponseOf (contents).contentHash = ByteReader (payload).takeUnsigned (8);
    else
        contents.parsed.problems.push_back ("the saved " + std::string (contents.irWord) + "'s fingerprint is damaged");
}

void readIrRateChunk (std::span<const std::uint8_t> payload, ChunkContents& contents)
{
    if (const auto rate = ByteReader (payload).takeDouble(); payload.size() == 8 && rate.has_value())
        contents.exactRate = *rate;
}

/** Only a B-format hint from the file, or true stereo from a set of four
    files (IrFileGrouping.h), means anything: anything else (a damaged or
    unknown value) leaves the IR at Auto with no hint, which plays as it
    always did. (A version before file sets reads the true-stereo hint as
    damaged and plays the 4-channel IR as true stereo all the same.) */
void readIrLayoutChunk (std::span<const std::uint8_t> payload, ChunkContents& contents)
{
    ByteReader reader (payload);
    const auto layout = reader.takeUnsigned (1);
    const auto reason = reader.takeUnsigned (1);
    const bool bFormat = layout == static_cast<std::uint64_t> (IrLayout::bFormatFuMa)
                         || layout == static_cast<std::uint64_t> (IrLayout::bFormatAmbiX);
    const bool fromFile = reason == static_cast<std::uint64_t> (IrLayoutReason::subFormat)
                          || reason == static_cast<std::uint64_t> (IrLayoutReason::extension)
                          || reason == static_cast<std::uint64_t> (IrLayoutReason::name);
    const bool fromFileSet = layout == static_cast<std::uint64_t> (IrLayout::trueStereo)
                             && reason == static_cast<std::uint64_t> (IrLayoutReason::fileSet);
    if (payload.size() != 2 || !((bFormat && fromFile) || fromFileSet))
    {
        contents.parsed.problems.push_back ("the saved " + std::string (contents.irWord)
                                            + "'s layout is damaged; it is taken as Auto");
        return;
    }
    impulseResponseOf (contents).layoutHint = { static_cast<IrLayout> (*layout),
                                                static_cast<IrLayoutReason> (*reason) };
}

void readIrAudioChunk (std::span<const std::uint8_t> payload, ChunkContents& contents)
{
    contents.audioBytes = payload;
    impulseResponseOf (contents);
}

void readSlotBChunk (std::span<const std::uint8_t> payload, ChunkContents& contents);

/** The chunks this version reads, each by one function. */
struct ChunkKind
{
    std::string_view id;
    void (*read) (std::span<const std::uint8_t> payload, ChunkContents& contents);
};

/** What one slot's IR is saved as (at the top level for slot A, inside
    IRSB for slot B). */
constexpr std::array<ChunkKind, 6> irChunkKinds { {
    { chunkIds::irName, readIrNameChunk },
    { chunkIds::irPath, readIrPathChunk },
    { chunkIds::irHash, readIrHashChunk },
    { chunkIds::irRate, readIrRateChunk },
    { chunkIds::irAudio, readIrAudioChunk },
    { chunkIds::irLayout, readIrLayoutChunk },
} };

constexpr std::array<ChunkKind, 2> stateChunkKinds { {
    { chunkIds::parameters, readParameterChunk },
    { chunkIds::slotB, readSlotBChunk },
} };

/** Reads chunks up to the end marker, those of the IR and, at the top level,
    the state's own; returns whether the end marker was there. */
bool readChunks (std::span<const std::uint8_t> bytes, ChunkContents& contents, bool topLevel)
{
    StateChunkReader chunks (bytes);
    while (const auto chunk = chunks.next())
    {
        if (chunk->id == chunkIds::end)
            return true;
        // Any chunk not in the tables is from a newer version: skipped by design.
        for (const auto& kind : irChunkKinds)
            if (chunk->id == kind.id)
                kind.read (chunk->payload, contents);
        if (topLevel)
            for (const auto& kind : stateChunkKinds)
                if (chunk->id == kind.id)
                    kind.read (chunk->payload, contents);
    }

    // Without the end marker a cut exactly between two chunks would go unseen.
    if (!topLevel)
        contents.parsed.problems.push_back ("the saved " + std::string (contents.irWord) + " is cut off or damaged");
    else
        contents.parsed.problems.emplace_back (chunks.damaged() ? "the state is cut off or damaged; only the settings "
                                                                  "before the damage were restored"
                                                                : "the state is cut off; only the settings before the "
                                                                  "cut were restored");
    return false;
}

/** Damaged audio costs only the audio: the problem is reported, the rest of
    the state stays. */
void decodeIrAudio (ChunkContents& contents)
{
    const auto& limits = contents.limits;
    auto& ir = impulseResponseOf (contents);
    try
    {
        auto clip = readAudioFromMemory (*contents.audioBytes, limits, describeIr (ir, contents.irWord));
        // The file's header holds the rate in whole Hz only.
        if (const auto exactRate = contents.exactRate;
            exactRate.has_value() && std::isfinite (*exactRate) && std::abs (*exactRate - clip.sampleRate) <= 0.5
            && *exactRate >= limits.minSampleRate && *exactRate <= limits.maxSampleRate)
            clip.sampleRate = *exactRate;
        ir.audio = std::make_shared<const AudioClip> (std::move (clip));
    }
    catch (const std::exception& error)
    {
        contents.parsed.problems.emplace_back (error.what());
    }
}

/** The chunks of one slot's IR, up to their end marker, then its audio. */
void readSlot (std::span<const std::uint8_t> bytes, ChunkContents& contents, bool topLevel)
{
    const bool ended = readChunks (bytes, contents, topLevel);
    if (!ended && contents.slot.has_value() && !contents.audioBytes.has_value())
        contents.slot->audioCutOff = true;
    if (contents.audioBytes.has_value())
        decodeIrAudio (contents);
}

/** Slot B, whose chunks sit inside IRSB: damage there costs slot B only. */
void readSlotBChunk (std::span<const std::uint8_t> payload, ChunkContents& contents)
{
    ChunkContents slotB { contents.parsed, contents.parsed.state.impulseResponseB, "slot B IR", contents.limits };
    readSlot (payload, slotB, false);
    impulseResponseOf (slotB);
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
    if (state.impulseResponse.has_value())
        addImpulseResponseChunks (writer, *state.impulseResponse, cache);
    if (state.impulseResponseB.has_value())
    {
        ByteWriter slotB;
        addImpulseResponseChunks (slotB, *state.impulseResponseB, cache.slotB);
        slotB.addChunk (chunkIds::end, ByteWriter {});
        writer.addChunk (chunkIds::slotB, slotB);
    }
    writer.addChunk (chunkIds::end, ByteWriter {});
    return std::move (writer.bytes);
}

ParsedState parseState (std::span<const std::uint8_t> bytes, const AudioReadLimits& limits)
{
    ByteReader reader (bytes);
    ParsedState parsed;
    parsed.version = readVersion (reader);
    if (parsed.version > currentStateVersion)
        parsed.problems.push_back ("the state was saved by a newer version of Partita (format "
                                   + std::to_string (parsed.version) + "); settings this version lacks are ignored");

    ChunkContents contents { parsed, parsed.state.impulseResponse, "IR", limits };
    readSlot (reader.rest(), contents, true);
    return parsed;
}

} // namespace partita

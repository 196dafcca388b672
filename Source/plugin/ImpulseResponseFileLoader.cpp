// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImpulseResponseFileLoader.h"

#include "io/AudioFileError.h"
#include "io/AudioFileReader.h"
#include "ir/IrFileSetReader.h"
#include "ir/IrLayoutDetection.h"
#include "state/ContentHash.h"
#include "state/IrReadLimits.h"
#include "state/MemoryAudioCodec.h"
#include "state/RestoredImpulseResponse.h"

#include <exception>
#include <utility>

namespace partita
{

ImpulseResponseFileLoader::ImpulseResponseFileLoader (LoadedCallback loadedCallback, FailedCallback failedCallback)
    : onLoaded (std::move (loadedCallback))
    , onFailed (std::move (failedCallback))
{
    worker = std::thread ([this] { run(); });
}

ImpulseResponseFileLoader::~ImpulseResponseFileLoader()
{
    {
        const std::scoped_lock guard (lock);
        stopping = true;
        pending.reset();
    }
    wake.notify_all();
    worker.join();
}

void ImpulseResponseFileLoader::loadFile (const std::filesystem::path& path, IrSlot slot, double sessionRate)
{
    const auto read = [path, sessionRate]
    {
        // libsndfile, as everywhere: it also reads the WAVEX sub-format, which
        // says whether a 4-channel file is B-format.
        auto set = readIrFileSet (findIrFileSet (path, irReadLimits), sessionRate, irReadLimits);
        if (!set.set.isSet())
            return ReadAudio { std::move (set.clip), utf8FromPath (path.filename()), set.layoutHint, {} };
        auto note = set.describe();
        return ReadAudio { std::move (set.clip), std::move (set.name), set.layoutHint, std::move (note) };
    };
    submit ({ read, utf8FromPath (path.filename()), utf8FromPath (path), slot });
}

void ImpulseResponseFileLoader::loadFromMemory (std::span<const std::uint8_t> bytes, std::string name)
{
    auto read = [bytes, name]
    {
        auto clip = readAudioFromMemory (bytes, irReadLimits, "'" + name + "'");
        const auto hint = detectIrLayout (name, clip.numChannels(), false);
        return ReadAudio { std::move (clip), name, hint, {} };
    };
    submit ({ std::move (read), std::move (name), {} });
}

void ImpulseResponseFileLoader::loadComputed (std::function<Computed()> compute, std::string name)
{
    auto read = [compute = std::move (compute), name]
    {
        auto computed = compute();
        const auto hint = detectIrLayout (name, computed.clip.numChannels(), false);
        return ReadAudio { std::move (computed.clip), name, hint, std::move (computed.note) };
    };
    submit ({ std::move (read), std::move (name), {} });
}

void ImpulseResponseFileLoader::cancelPending()
{
    const std::scoped_lock guard (lock);
    pending.reset();
    if (!busy)
        becameIdle.notify_all();
}

bool ImpulseResponseFileLoader::waitUntilIdle (std::chrono::milliseconds timeout)
{
    std::unique_lock guard (lock);
    return becameIdle.wait_for (guard, timeout, [this] { return !busy && !pending.has_value(); });
}

void ImpulseResponseFileLoader::submit (Request request)
{
    {
        const std::scoped_lock guard (lock);
        pending = std::move (request);
    }
    wake.notify_all();
}

void ImpulseResponseFileLoader::run()
{
    std::unique_lock guard (lock);
    for (;;)
    {
        wake.wait (guard, [this] { return stopping || pending.has_value(); });
        if (stopping)
            return;

        const auto request = std::move (*pending);
        pending.reset();
        busy = true;
        guard.unlock();

        perform (request);

        guard.lock();
        busy = false;
        if (!pending.has_value())
            becameIdle.notify_all();
    }
}

void ImpulseResponseFileLoader::perform (const Request& request)
{
    try
    {
        Loaded loaded;
        auto read = request.read();
        loaded.clip = std::move (read.clip);
        if (loaded.clip.numFrames() == 0)
            throw AudioFileError ("'" + request.name + "' holds no samples (its length is 0)");

        loaded.name = std::move (read.name);
        loaded.path = request.path;
        loaded.slot = request.slot;
        loaded.hash = contentHash (loaded.clip);
        loaded.layoutHint = read.layoutHint;
        loaded.note = std::move (read.note);
        onLoaded (std::move (loaded));
    }
    catch (const std::exception& error)
    {
        onFailed (error.what());
    }
}

} // namespace partita

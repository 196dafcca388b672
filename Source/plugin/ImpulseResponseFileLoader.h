// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/AudioClip.h"
#include "ir/IrLayout.h"
#include "processor/IrSlot.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>

namespace partita
{

/** Reads IR files (and the factory IRs compiled into the plugin) on its own
    thread, so neither the message thread nor the audio thread ever waits for
    a disk or a decoder. Files go through readAudioFile (libsndfile) with
    irReadLimits, checked before anything is allocated; JUCE's own readers are
    never used on a user's file.

    Only the newest request counts: one that arrives while another waits
    replaces it (a user clicking through files hears the last one).

    Threading: requests and cancelPending() from any non-audio thread; the
    callbacks run on the loader's thread, one at a time. The destructor waits
    for a read in progress. */
class ImpulseResponseFileLoader
{
public:
    /** An IR read successfully. */
    struct Loaded
    {
        AudioClip clip;
        /** The display name: the file name, or the factory IR's name. */
        std::string name;
        /** UTF-8 path of the file; empty for audio from memory. */
        std::string path;
        /** contentHash (clip). */
        std::uint64_t hash = 0;
        /** What the file says about its channels (detectIrLayout: its
            WAVE_FORMAT_EXTENSIBLE sub-format, extension or name). */
        IrLayoutHint layoutHint;
        /** The slot it was asked for. */
        IrSlot slot = IrSlot::a;
        /** What a set of files combined (IrFileSetClip::describe: "left/right
            pair: hall_L.wav + hall_R.wav") or what a computed IR's maker said
            of it (loadComputed), for the message bar; empty for a plain file. */
        std::string note;
    };

    /** An IR made on the loader's thread (a deconvolved recording), and a
        line on how it was made. */
    struct Computed
    {
        AudioClip clip;
        std::string note;
    };

    using LoadedCallback = std::function<void (Loaded)>;
    /** One line naming the file and the reason. */
    using FailedCallback = std::function<void (const std::string& message)>;

    ImpulseResponseFileLoader (LoadedCallback onLoaded, FailedCallback onFailed);
    ~ImpulseResponseFileLoader();
    ImpulseResponseFileLoader (const ImpulseResponseFileLoader&) = delete;
    ImpulseResponseFileLoader& operator= (const ImpulseResponseFileLoader&) = delete;

    /** Reads a file, or the set of files it belongs to (findIrFileSet: its
        left/right half, a true-stereo path, a rate variant), as one IR;
        `sessionRate` picks among rate variants (0: not known yet, the
        highest). The set is found on the loader's thread (it lists the
        folder). */
    void loadFile (const std::filesystem::path& path, IrSlot slot = IrSlot::a, double sessionRate = 0.0);

    /** bytes must stay valid until the request is done: for data compiled
        into the binary. */
    void loadFromMemory (std::span<const std::uint8_t> bytes, std::string name);

    /** Runs `compute` on the loader's thread and hands its IR on as a file's
        (a generated factory IR, a deconvolved recording; the IR's audio then
        travels in the state).
        What it throws goes to the failure callback. */
    void loadComputed (std::function<Computed()> compute, std::string name);

    /** Forgets a request that has not started yet (a restored session must not
        be overridden by an older file request finishing after it). */
    void cancelPending();

    /** Waits until no request is pending or being read; false on timeout. */
    bool waitUntilIdle (std::chrono::milliseconds timeout);

private:
    /** A decoded file or set, what it is called and what it says about its
        layout. */
    struct ReadAudio
    {
        AudioClip clip;
        std::string name;
        IrLayoutHint layoutHint;
        std::string note;
    };

    struct Request
    {
        std::function<ReadAudio()> read;
        std::string name;
        std::string path;
        IrSlot slot = IrSlot::a;
    };

    void submit (Request request);
    void run();
    void perform (const Request& request);

    LoadedCallback onLoaded;
    FailedCallback onFailed;

    std::mutex lock;
    std::condition_variable wake;
    std::condition_variable becameIdle;
    std::optional<Request> pending;
    bool busy = false;
    bool stopping = false;
    std::thread worker;
};

} // namespace partita

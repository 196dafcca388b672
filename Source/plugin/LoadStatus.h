// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "StatusMessage.h"
#include "processor/ConvolverProcessor.h"

#include <mutex>
#include <string>
#include <vector>

namespace partita
{

/** The message bar's account of IR loads: "Loading 'x' ..." while a file is
    read and built, then what the processor made of it ("Loaded 'x': stereo,
    48000 Hz, 2.50 s", or its error), and the files read, which the message
    thread adds to the recent list.

    Threading: any non-audio thread; one short lock of its own, which guards
    the IR awaited and the files read (the file loader's thread, the message
    thread and a host's state calls all report here). */
class LoadStatus
{
public:
    explicit LoadStatus (StatusMessage& messageBar);

    /** A load starts: its name is awaited, the bar says `message`. */
    void loading (const std::string& name, std::string message);
    /** A file was read (path empty for audio from memory): its build is
        awaited. `note` follows the successful load's line (what a set of
        files combined; a deconvolved IR's peak-to-noise ratio and latency). */
    void read (const std::string& name, const std::string& path, const std::string& note = {});
    /** Nothing is awaited any more (an unload, a restored session). */
    void stopAwaiting();
    /** A load failed before reaching the processor, or was refused by it. */
    void failed (std::string message);
    /** The processor's IR or error moved: says what became of the awaited
        load. `note` follows a successful load's line (the standalone app
        without an audio device says so there). */
    void processorChanged (const ConvolverProcessor& processor, const std::string& note = {});
    /** The files read since the last call. */
    [[nodiscard]] std::vector<std::string> takeFilesRead();

private:
    StatusMessage& bar;
    std::mutex lock;
    std::string awaitedName;
    std::string awaitedNote;
    std::vector<std::string> filesRead;
};

} // namespace partita

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <mutex>
#include <string>

namespace partita
{

/** The one line the editor's message bar shows: what just happened to the IR
    or the session, and whether it went wrong.

    Threading: set() and snapshot() from any thread but the audio thread (a
    short lock shared with other non-audio threads only). */
class StatusMessage
{
public:
    enum class Severity
    {
        information,
        warning,
        error,
    };

    struct Snapshot
    {
        std::string text;
        Severity severity = Severity::information;
        /** Incremented by every set(): the editor repaints when it moves. */
        std::uint64_t version = 0;
    };

    void set (std::string text, Severity severity);
    [[nodiscard]] Snapshot snapshot() const;

private:
    mutable std::mutex lock;
    Snapshot current;
};

} // namespace partita

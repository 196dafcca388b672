// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>

namespace partita::fuzz
{

/** An input broke a documented promise: an exception of a type the API does
    not throw, an accepted result that violates its guarantees, a message
    that is not one line. libFuzzer turns it into a crash (abort); the
    corpus replay test into a failure. */
class ContractViolation : public std::logic_error
{
public:
    using std::logic_error::logic_error;
};

/** The bytes as an IR file, read with the IR limits through readAudioFile
    and readAudioFileInfo (from a file: a memfd), then through the IR chain
    (prepareImpulseResponse at 48 kHz). Only AudioFileError may be thrown;
    an accepted IR must respect the limits and hold only finite samples. */
void checkImpulseResponseLoader (std::span<const std::uint8_t> bytes);

/** The bytes as command-line arguments separated by NUL bytes, through the
    CLI's parseCommandLine: it returns or throws UsageError with a one-line
    message, nothing else. */
void checkCommandLine (std::span<const std::uint8_t> bytes);

/** The bytes as a saved plugin state (setStateInformation's input), through
    parseState with the plugin's IR limits: it returns or throws StateError;
    parameters come back within their ranges, the IR's audio within the
    limits and finite, every problem one line. */
void checkPluginState (std::span<const std::uint8_t> bytes);

} // namespace partita::fuzz

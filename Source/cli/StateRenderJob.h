// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/WholeSignalConvolution.h"
#include "io/AudioClip.h"
#include "processor/ConvolverInstance.h"
#include "processor/ProcessorParameters.h"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace partita
{

/** `partita render --state` (and `--ir` with plugin controls): renders with
    the plugin's own signal path, a ConvolverProcessor in synchronous mode (IR
    chain, engine, filters, width, mix and gains) set up from a saved plugin
    state or from parameters and an IR, so that the output nulls against the
    plugin's for the same input.

    Buses as the plugin's: a mono input renders to mono or (default when the
    IR has two or more channels) stereo; a stereo input to stereo. The output
    holds the input's length plus the tail (IR, pre-delay), with the plugin's
    latency removed (as a host's delay compensation does).

    Threading: render() is const and may run on several threads at once (each
    call has its own processor). */
class StateRenderJob
{
public:
    /** Reads and checks the state file. Throws StateError (not a state, not
        readable) or AudioFileError (its IR cannot be restored) with one line
        naming the file. */
    explicit StateRenderJob (const std::filesystem::path& stateFile);

    /** The plugin's signal path with these parameters and this IR (at its
        own rate; the processor resamples it as the plugin does), for a --ir
        render given plugin controls. */
    StateRenderJob (const ProcessorParameters& parameters, std::shared_ptr<const AudioClip> impulseResponse,
                    std::string impulseResponseName, IrLayoutHint layoutHint = {});

    /** Puts an IR (at its own rate) in slot B, folded with slot A's by the
        slot parameters as the plugin does (`--ir-b`). */
    void setSlotB (std::shared_ptr<const AudioClip> impulseResponse, std::string impulseResponseName,
                   IrLayoutHint layoutHint = {});

    /** The parameters it renders with: the state's, until changed. */
    [[nodiscard]] const ProcessorParameters& processorParameters() const noexcept { return parameters; }
    void setProcessorParameters (const ProcessorParameters& newParameters) noexcept { parameters = newParameters; }
    /** The host tempo it plays at (ConvolverProcessor::setHostTempo); 120 BPM
        until set. */
    void setTempo (double beatsPerMinute) noexcept { tempo = beatsPerMinute; }

    /** What was damaged or replaced in the state but did not stop it, one
        line each, for warnings. */
    [[nodiscard]] const std::vector<std::string>& warnings() const noexcept { return problems; }

    /** What the IR channel setting does not find in the IR (channel 1 plays
        instead), for a warning; empty when the setting applies. */
    [[nodiscard]] std::string irChannelWarning() const;

    /** Throws std::invalid_argument (one line) for an input the plugin's
        buses cannot take or an IR that cannot be routed to them. */
    [[nodiscard]] AudioClip render (const AudioClip& input, std::optional<std::size_t> outputChannels,
                                    const ProgressCallback& progress = {}) const;

private:
    ProcessorParameters parameters;
    double tempo = 120.0;
    /** What the processor's two slots get. */
    ImpulseResponseSlots slots;
    std::vector<std::string> problems;
};

} // namespace partita

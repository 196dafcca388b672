// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DryWetPath.h"
#include "ImpulseResponseInfo.h"
#include "InstanceBuilder.h"
#include "InstanceMailbox.h"
#include "LatencyPartitions.h"
#include "ParameterStore.h"
#include "PlayingEngines.h"
#include "PreDelayTime.h"
#include "PreviewPlayer.h"
#include "ProcessorParameters.h"
#include "ProcessorStatus.h"
#include "RebuildMode.h"
#include "engine/Nonblocking.h"
#include "io/AudioClip.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace partita
{

/** The real-time convolution processor without JUCE: the whole DSP of the
    Partita plugin, also used by `partita render --state` so that the CLI nulls
    against the plugin.

    Signal flow per output channel (gains and mix smoothed per sample):

        dry  = input delayed by the latency
        wet  = engine (input delayed by the pre-delay)   [crossfaded on IR change]
        wet  = width (high-cut (low-cut (wet)))
        out  = outputGain * ((1 - mix) * dry + mix * wetGain * wet)

    Bus layouts: mono -> mono, mono -> stereo, stereo -> stereo. The IR's channels
    are routed by engine/ChannelRouting.h: a mono IR on every path, a stereo IR per
    channel (or fanned out from a mono input), a 4-channel IR on a stereo bus as
    true stereo (LL, LR, RL, RR). An IR whose channel count fits no route for the
    bus is rejected like a bad file.

    Without an IR the wet path is a unit impulse: the processor passes its input
    through (delayed by the latency and the pre-delay, shaped by filters/width).

    IR rebuilds take the loaded clip through: the IR channel (one channel or
    their average, selectIrChannels) -> the layout (a B-format IR
    decoded to a stereo microphone pair, applyIrLayout) -> resample to the session rate
    (prepareImpulseResponse, libsoxr HQ) -> trim start/end -> reverse -> stretch
    -> length cap -> auto-gain (energy) -> slot A and slot B folded into one IR by their level,
    polarity, delay, pan and the blend (ir/IrSlotMix.h) -> route -> a newly
    prepared ConvolutionEngine. The
    new engine is first run, unheard, over the engine input of the last
    (IR length) samples (up to 10 s; InstancePrimer), so it joins as if it had
    been running all along: the reverb of what was already played carries
    over instead of starting from silence. It then replaces the playing engine
    with a 50 ms linear crossfade of the two engines' outputs (both run during
    the fade); the retired engine is freed off the audio thread. A failed
    rebuild leaves the playing IR untouched and sets lastError().

    The parts: InstanceBuilder (the loader thread and its requests),
    InstanceMailbox (the lock-free hand-off of engines), PlayingEngines (the
    engines on the audio thread: priming, crossfading, sleeping offline),
    DryWetPath (delays, filters, width, mix) and ProcessorStatus (what the
    queries return). This class wires them.

    Threading:
    - Message thread (or any one non-audio thread at a time): construction,
      destruction, prepare(), releaseResources(). prepare() and
      releaseResources() only while no process() call runs (the host's contract).
    - Any non-audio thread, concurrently with process(): loadImpulseResponse(),
      unloadImpulseResponse(), and every query (impulseResponseInfo(),
      lastError(), reportedTiming(), the version counters, cpuLoad()). Queries
      never wait for the audio or loader thread for long: they take a short
      lock shared only with the non-audio threads, or read atomics.
    - Any thread, including the audio thread: setParameters(), parameters(),
      setRebuildMode() and setBypassed().
      In background mode setParameters() is wait-free, allocation-free and
      makes no system call: it stores atomics; the loader thread notices a
      shaping change within about 20 ms (it polls, so the audio thread never
      has to signal it). In synchronous mode a shaping change rebuilds on the
      calling thread, which allocates.
    - Audio thread: process() and reset(): noexcept, no allocation, no waiting
      lock, no I/O, no freeing of memory. */
class ConvolverProcessor
{
public:
    /** The engines' first partitions (LatencyPartitions.h). */
    static constexpr std::size_t zeroLatencyPartition = latencyPartitions::zeroLatency;
    static constexpr std::size_t lowCpuPartition = latencyPartitions::lowCpu;
    /** Length of the old-to-new engine crossfade. */
    static constexpr double crossfadeSeconds = 0.050;
    /** Length of the linear ramps of mix, gains, width and filter cutoffs. */
    static constexpr double smoothingSeconds = 0.020;
    /** Length of the crossfade between the old and the new pre-delay tap. */
    static constexpr double preDelayFadeSeconds = 0.030;

    explicit ConvolverProcessor (RebuildMode mode = RebuildMode::background);
    ~ConvolverProcessor();
    ConvolverProcessor (const ConvolverProcessor&) = delete;
    ConvolverProcessor& operator= (const ConvolverProcessor&) = delete;
    ConvolverProcessor (ConvolverProcessor&&) = delete;
    ConvolverProcessor& operator= (ConvolverProcessor&&) = delete;

    // Setup (message thread, audio stopped) ----------------------------------

    /** Allocates everything process() needs and rebuilds the IR for this sample
        rate and bus on the calling thread, so the first processed sample
        already uses it (no crossfade). maxBlockSize only sizes internal
        buffers: larger blocks are split. Throws std::invalid_argument for a
        rate outside 8 kHz..768 kHz, maxBlockSize 0, or a bus layout other
        than 1 -> 1, 1 -> 2, 2 -> 2. If the loaded IR cannot be routed to the
        new bus or fails to rebuild, the processor falls back to no IR
        (impulseResponseInfo() is nullptr) and lastError() says why; prepare()
        does not throw for that. The IR stays loaded and plays again after a
        prepare() for a bus it fits. */
    void prepare (double sampleRate, std::size_t maxBlockSize, std::size_t numInputs, std::size_t numOutputs);
    /** The rate of the last prepare(); 0 before the first. Any thread: what
        a file set's rate variant is chosen by (ir/IrFileSet.h). */
    [[nodiscard]] double preparedSampleRate() const noexcept { return preparedRate.load (std::memory_order_relaxed); }

    /** Frees the engines and buffers; process() then writes silence until the
        next prepare(). The loaded IR's source is kept for the next prepare(). */
    void releaseResources();

    /** Background (default) or synchronous rebuilds; see RebuildMode. Any
        thread, including the audio thread (hosts switch to offline rendering
        from there): wait-free, no allocation. After a switch to synchronous,
        the next setParameters(), loadImpulseResponse() or prepare() first
        waits for a build the loader thread may still be running and installs
        whatever is pending, so nothing arrives later from the loader. */
    void setRebuildMode (RebuildMode mode) noexcept;
    [[nodiscard]] RebuildMode rebuildMode() const noexcept;

    // IR (any non-audio thread) ----------------------------------------------

    /** Loads a new IR (any channel count the bus can route, any sample rate).
        The clip is checked (channels of equal, non-zero length, finite samples,
        a valid rate) and rebuilt with the current shaping parameters; on
        failure the previous IR keeps playing and lastError() holds a one-line
        message naming displayName. Any successful build clears lastError().

        Before prepare() the clip is only checked and kept; prepare() builds it.
        For an offline render (the CLI), set the parameters and load the IR
        before prepare(): then the first sample already uses them. (An IR that
        arrives after prepare() or reset() but before the next process() call
        is also installed without a crossfade.) layoutHint is what the file
        said about its channels (ir/IrLayoutDetection.h), for irLayout Auto. */
    LoadOutcome loadImpulseResponse (AudioClip clip, std::string displayName, std::string originalPath = {},
                                     IrLayoutHint layoutHint = {});
    /** As loadImpulseResponse, into either slot (docs/plugin.md, "Two IR
        slots"): slot B's IR is folded into one kernel with slot A's, by the
        slot parameters. A failed load leaves both slots as they were. */
    LoadOutcome loadImpulseResponse (IrSlot slot, AudioClip clip, std::string displayName,
                                     std::string originalPath = {}, IrLayoutHint layoutHint = {});
    /** Both slots at once, built once (a session restore); nullptr empties a slot. */
    LoadOutcome loadImpulseResponses (ImpulseResponseSlots slots);
    /** The IR a saved session must hold: the latest load, even before it is
        built (a host may save right after restoring a session), else the one
        playing; nullptr for none. A load that failed leaves the one before. */
    [[nodiscard]] std::shared_ptr<const ImpulseResponseSource> requestedImpulseResponse (IrSlot slot = IrSlot::a) const;
    /** Back to no IR (pass-through wet path), crossfaded like a load: both
        slots emptied. */
    void unloadImpulseResponse();
    /** Empties one slot, crossfaded like a load; the other keeps playing. */
    void unloadImpulseResponse (IrSlot slot);
    /** Builds the pending load or shaping change on the calling thread now
        (after the loader's build in progress, if any), in either mode: for a
        session restore, whose latency a host must know when it returns.
        Threading: any non-audio thread. */
    void buildPendingNow();

    /** The IR now playing or about to play (the latest successful build);
        nullptr when there is none. */
    [[nodiscard]] std::shared_ptr<const ImpulseResponseInfo> impulseResponseInfo() const;

    /** Why the last load or rebuild failed, in one line; empty after a
        successful one. */
    [[nodiscard]] std::string lastError() const;

    /** Incremented whenever impulseResponseInfo() or lastError() changes: the
        editor polls it (e.g. from a timer) and refreshes when it moves. */
    [[nodiscard]] std::uint64_t impulseResponseVersion() const noexcept;

    // Parameters (any thread) --------------------------------------------------

    /** Clamps every field to its range (the parameter table) and stores it. Live
        parameters take effect at the start of the next process() call, ramped;
        shaping parameters (trim, reverse, stretch, auto-gain, latency mode)
        trigger a rebuild when they differ from the current ones. */
    void setParameters (const ProcessorParameters& parameters);

    /** The last values set (after clamping). */
    [[nodiscard]] ProcessorParameters parameters() const noexcept;

    /** The host's tempo in beats per minute, for a pre-delay in note values
        (PreDelayTime.h): the plugin hands it over before each block, from
        the host's play head. Clamped to 20 .. 400 BPM; never set, or no
        tempo (0, NaN): 120 BPM. Takes effect at the next process() call; a
        change that moves the synced delay crossfades like a pre-delay
        change. Any thread, including the audio thread: wait-free, no
        allocation. */
    void setHostTempo (double beatsPerMinute) noexcept PARTITA_NONBLOCKING;
    /** The tempo in use (after clamping). */
    [[nodiscard]] double hostTempo() const noexcept;

    // Reporting (any non-audio thread) ---------------------------------------

    /** Latency and tail for the host, from the latest built IR and the current
        pre-delay (at the current tempo, when synced). */
    [[nodiscard]] ReportedTiming reportedTiming() const noexcept;
    [[nodiscard]] std::size_t latencySamples() const noexcept { return reportedTiming().latencySamples; }
    [[nodiscard]] std::size_t tailSamples() const noexcept { return reportedTiming().tailSamples; }

    /** Incremented whenever reportedTiming() may have changed (a new IR, a
        latency mode change, a pre-delay change): the adapter polls it on the
        message thread and calls setLatencySamples / updateHostDisplay. */
    [[nodiscard]] std::uint64_t timingVersion() const noexcept;

    /** Time spent in the convolution engines as a fraction of the real time
        the processed audio lasts (0.1 = 10 % of one core), smoothed over
        about 0.3 s of audio. 0 before any processing. */
    [[nodiscard]] float cpuLoad() const noexcept;

    /** Partitions the playing engine had to sum directly because the host's
        calls did not bring them whole (ConvolutionEngine::
        directFallbackBlocks()), since that engine started or was reset: a
        count that keeps growing means the host's blocks do not match the
        block size it announced. For tests and diagnostics. */
    [[nodiscard]] std::size_t directFallbackBlocks() const noexcept;

    /** Engines retired by the audio thread and not yet freed: 0 soon after a
        crossfade in background mode (the loader thread frees them within
        about 20 ms); in synchronous mode they are freed by the next rebuild,
        prepare() or releaseResources(). For tests and diagnostics. */
    [[nodiscard]] std::size_t retiredEnginesAwaitingRelease() const noexcept;

    // Audio thread -----------------------------------------------------------

    /** Processes numSamples (any count, any size from call to call) in place,
        JUCE style: channels[0 .. numInputs) hold the inputs on entry,
        channels[0 .. numOutputs) receive the outputs; there must be
        max (numInputs, numOutputs) channel pointers. Before the first
        prepare() nothing is touched; after releaseResources() the outputs are
        cleared. Non-finite input passes
        through as non-finite output but never lasts longer than tailSamples()
        plus one block after it stops. */
    void process (float* const* channels, std::size_t numSamples) noexcept PARTITA_NONBLOCKING;

    /** Clears all signal history (engines, delay lines, filters), finishes any
        crossfade and snaps the smoothed parameters to their targets. Audio
        thread, or any thread while process() is not running. */
    void reset() noexcept PARTITA_NONBLOCKING;

    /** Host bypass: the output ramps (over smoothingSeconds) to the dry input
        at unity gain, delayed by latencySamples() so that the host's delay
        compensation stays right, and back. The engines keep running, so
        leaving the bypass resumes the reverb without a gap. Any thread;
        takes effect at the next process() call. */
    void setBypassed (bool shouldBypass) noexcept;

    // Preview (any thread) ---------------------------------------------------

    /** Starts the preview, a short built-in dry sound (PreviewSound.h) played
        through the IR and the wet path into the output, whatever the input
        (a stopped host's silence included); stops it, faded, when it is
        playing. A new IR stops it too. Wait-free: it counts the press in an
        atomic, which the audio thread reads. */
    void togglePreview() noexcept { preview.toggle(); }
    /** Whether the preview is playing, as of the last processed block. */
    [[nodiscard]] bool isPreviewPlaying() const noexcept { return preview.isPlaying(); }

private:
    void processChunk (float* const* channels, std::size_t offset, std::size_t numSamples, bool offline) noexcept;
    void applyLiveParameters() noexcept;
    [[nodiscard]] bool isOffline() const noexcept { return builder.rebuildMode() == RebuildMode::synchronous; }

    ProcessorStatus status;
    ParameterStore parameterStore;
    InstanceMailbox mailbox;
    PlayingEngines engines { mailbox };
    DryWetPath path;
    PreviewPlayer preview;
    InstanceBuilder builder;

    // Audio thread (and prepare/release while it is stopped).
    std::atomic<bool> prepared { false };
    std::size_t chunkCapacity = 0;
    std::size_t numOutputs = 0;
    std::atomic<bool> bypassRequested { false };
    std::atomic<double> tempo { PreDelayTime::defaultTempo };
    std::atomic<double> preparedRate { 0.0 };
    static_assert (std::atomic<double>::is_always_lock_free);
};

} // namespace partita

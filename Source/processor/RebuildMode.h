// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace partita
{

/** Where IR rebuilds (load, shaping change, sample-rate change) run. */
enum class RebuildMode
{
    /** On the processor's own loader thread; the audio thread picks the result
        up without waiting and crossfades to it. For real-time playback. */
    background,
    /** At once, on the thread that asks (loadImpulseResponse, setParameters,
        prepare), with no other thread involved; the result is picked up at the
        start of the next process() call (or, during a crossfade, at the sample
        where that crossfade ends). Output then depends only on the input, the
        calls and the sample positions at which they were made, never on block
        sizes or timing: for offline bounces and `partita render --state`. */
    synchronous,
};

/** What became of a loadImpulseResponse call. */
enum class LoadOutcome
{
    /** Synchronous mode (or not yet prepared): the IR is built (or stored for
        prepare) and will play. */
    built,
    /** Background mode: handed to the loader thread. Success or failure shows
        later in impulseResponseInfo() / lastError(). */
    queued,
    /** The IR was rejected; lastError() says why and the previous IR keeps
        playing. */
    failed,
};

} // namespace partita

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrLayout.h"
#include "io/AudioClip.h"

#include <string>

namespace partita
{

/** Turns a first-order B-format IR into a stereo one: what a pair of
    coincident virtual microphones in the horizontal plane would have
    recorded in the room. Microphone k, at azimuth a_k (counter-clockwise
    from the front, so left is positive), picks up

        m_k = p * W' + (1 - p) * (cos a_k * X + sin a_k * Y)

    where W' is the omni component at unit gain (FuMa's W times sqrt 2,
    AmbiX's W as it is) and X, Y are at SN3D/maxN (equal for first order).
    For a plane wave from azimuth az (elevation 0) that is the first-order
    polar pattern p + (1 - p) cos (az - a_k): p = 1 omni, 0.5 cardioid, 0.25
    hypercardioid, 0 figure-8. The left microphone points at +angle/2, the
    right at -angle/2. Z (height) is not used: a horizontal pair's axes have
    no vertical component, so it does not reach them.

    Channel order of the input: FuMa W X Y Z, AmbiX (ACN) W Y Z X. Returns
    channels left microphone, right microphone, at the IR's rate and length.
    Throws AudioFileError (one line naming `sourceName`) for an IR that does
    not have 4 channels of equal length; std::invalid_argument for a layout
    that is not B-format, a pattern outside 0..1 or an angle not finite.

    Threading: a pure function; call it from any thread. */
AudioClip decodeBFormat (const AudioClip& bFormat, IrLayout convention, double omniShare, double angleDegrees,
                         const std::string& sourceName = "the impulse response");

/** The IR chain's first step: the IR as the routing will see it. A B-format
    IR (by the resolved layout) is decoded to two microphones with the
    settings' pair; any other IR is returned as it is, bit for bit. Throws as
    decodeBFormat.

    Threading: a pure function. */
AudioClip applyIrLayout (AudioClip impulseResponse, const ResolvedIrLayout& layout, const IrLayoutSettings& settings,
                         const std::string& sourceName = "the impulse response");

} // namespace partita

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IrLayout.h"

#include <cstddef>
#include <string_view>

namespace partita
{

/** What a file says about the layout of its channels, for `irLayout` Auto.
    Only a 4-channel file can be first-order B-format, so any other gets no
    hint. In this order:
    - the WAVE_FORMAT_EXTENSIBLE ambisonic B-format sub-format
      (AudioFileInfo::ambisonicBFormat): FuMa, since that sub-format
      (AMBISONIC_SUBTYPE_PCM/IEEE_FLOAT) was defined for FuMa-style W X Y Z;
    - the extension `.amb`: FuMa B-format by definition (it is that WAVEX
      file under its own name);
    - the file name, case-insensitive: `ambix` gives AmbiX; `bformat`,
      `b-format`, `b_format`, `fuma` or `wxyz` give FuMa (AmbiX wins when a
      name has both, being the more specific).
    `fileName` is the file's name (not its folder), UTF-8; a display name
    serves as well for audio read from memory.

    Threading: a pure function. */
[[nodiscard]] IrLayoutHint detectIrLayout (std::string_view fileName, std::size_t numChannels,
                                           bool ambisonicSubFormat) noexcept;

} // namespace partita

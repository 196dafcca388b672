// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ConvolutionMode.h"
#include "io/OutputFormat.h"
#include "ir/IrLayout.h"
#include "ir/IrNormalisation.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <vector>

namespace partita
{

/** The arithmetic a render runs in. */
enum class Precision
{
    /** convolve<float>: the engine's single-precision path, as the plugin. */
    float32,
    /** convolve<double>: for work where errors near -200 dB matter. */
    float64,
};

/** Everything `partita render` was asked to do; defaults are the documented
    defaults of the command line. */
struct RenderOptions
{
    std::vector<std::filesystem::path> inputs;
    std::filesystem::path impulseResponse;
    /** A plugin state or preset (--state): renders with the plugin's DSP,
        parameters and IR instead of --ir and the mix options. */
    std::filesystem::path state;
    std::filesystem::path output;

    /** Wet share of the output, 0 to 1 (the command line takes percent). */
    double mix = 1.0;
    double wetGainDb = 0.0;
    double dryGainDb = 0.0;
    double outputGainDb = 0.0;

    IrNormalisation normalisation = IrNormalisation::none;
    /** What the IR's channels are and the microphone pair a B-format IR is
        decoded with (--ir renders; a --state render takes the preset's).
        The parameter table's irLayout, micPattern and micAngle rows, as the
        plugin reads them: irLayoutSettingsOf (ProcessorParameters). */
    IrLayoutSettings irLayout;
    ConvolutionMode mode = ConvolutionMode::full;
    ConvolutionMethod method = ConvolutionMethod::automatic;
    Precision precision = Precision::float32;

    /** Empty: the container's default sample format. */
    std::optional<SampleFormat> sampleFormat;
    /** Empty: partita::defaultOutputCount for the input and IR. */
    std::optional<std::size_t> outputChannels;

    bool force = false;
    bool quiet = false;
};

} // namespace partita

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/ConvolutionMode.h"
#include "io/OutputFormat.h"
#include "ir/IrFileSetReader.h"
#include "ir/IrLayout.h"
#include "ir/IrNormalisation.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
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

/** A plugin parameter set on the command line: by its option (--pre-delay 10)
    or by --set NAME=VALUE. */
struct ParameterSetting
{
    /** The parameter table's ID. */
    std::string_view id;
    /** In the parameter's own unit (ms, Hz, dB, percent; a switch 0 or 1, a
        choice its index), within its range. */
    double value = 0.0;
    /** How the user wrote it, for messages: "--pre-delay", "--set mix=0". */
    std::string givenAs;
};

/** What --normalize-output brings to its target. */
enum class OutputLevelMeasure
{
    /** The largest sample magnitude (sample peak, not true peak), in dBFS. */
    samplePeak,
    /** Integrated loudness per ITU-R BS.1770-4, in LUFS. */
    loudness,
};

/** --normalize-output: the whole output scaled, after everything else, so
    that its measure reaches the target. */
struct OutputNormalisation
{
    OutputLevelMeasure measure = OutputLevelMeasure::samplePeak;
    /** dBFS for the sample peak, LUFS for loudness. */
    double target = 0.0;
};

/** Everything `partita render` was asked to do; defaults are the documented
    defaults of the command line. */
struct RenderOptions
{
    std::vector<std::filesystem::path> inputs;
    std::filesystem::path impulseResponse;
    /** --ir-b: a second IR, in slot B, blended with --ir's (slot A) by the
        slot controls; renders through the plugin's signal path. Empty: none. */
    std::filesystem::path impulseResponseB;
    /** --ir-single-file: an IR file named as part of a set (a left/right
        half, a true-stereo path, a rate variant: ir/IrFileGrouping.h) is
        rendered alone instead of with its set. */
    IrFileSetUse irFileSetUse = IrFileSetUse::wholeSet;
    /** A plugin state or preset (--state): renders with the plugin's DSP,
        parameters and IR instead of --ir and the mix options. */
    std::filesystem::path state;
    std::filesystem::path output;

    /** The plugin parameters given (ParameterOptions.h), in the order given.
        The exact render takes mix, wet gain and output gain from them (into
        the fields below); any other one makes a --ir render run the
        plugin's signal path, and a --state render applies them over the
        preset's values. */
    std::vector<ParameterSetting> parameterSettings;

    /** The host tempo the plugin's signal path plays at (--tempo), which
        times a pre-delay in note values; 120 as the plugin without a host
        tempo (PreDelayTime::defaultTempo). */
    double tempoBpm = 120.0;

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

    std::optional<OutputNormalisation> outputNormalisation;
    /** Refuse to write an output with samples beyond full scale. */
    bool failOnClip = false;

    bool force = false;
    bool quiet = false;
};

} // namespace partita

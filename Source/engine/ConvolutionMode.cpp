// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConvolutionMode.h"

#include <algorithm>

namespace partita
{

std::size_t convolutionOutputLength (std::size_t signalLength, std::size_t kernelLength, ConvolutionMode mode) noexcept
{
    switch (mode)
    {
        case ConvolutionMode::full:
            return signalLength + kernelLength - 1;
        case ConvolutionMode::same:
            return signalLength;
        case ConvolutionMode::valid:
            return std::max (signalLength, kernelLength) - std::min (signalLength, kernelLength) + 1;
    }
    return 0;
}

std::size_t convolutionOutputOffset (std::size_t signalLength, std::size_t kernelLength, ConvolutionMode mode) noexcept
{
    switch (mode)
    {
        case ConvolutionMode::full:
            return 0;
        case ConvolutionMode::same:
            return (kernelLength - 1) / 2;
        case ConvolutionMode::valid:
            return std::min (signalLength, kernelLength) - 1;
    }
    return 0;
}

std::optional<ConvolutionMode> parseConvolutionMode (std::string_view text) noexcept
{
    for (const auto mode : { ConvolutionMode::full, ConvolutionMode::same, ConvolutionMode::valid })
        if (text == toString (mode))
            return mode;
    return std::nullopt;
}

std::optional<ConvolutionMethod> parseConvolutionMethod (std::string_view text) noexcept
{
    for (const auto method : { ConvolutionMethod::automatic, ConvolutionMethod::direct, ConvolutionMethod::fft })
        if (text == toString (method))
            return method;
    return std::nullopt;
}

std::string_view toString (ConvolutionMode mode) noexcept
{
    switch (mode)
    {
        case ConvolutionMode::full:
            return "full";
        case ConvolutionMode::same:
            return "same";
        case ConvolutionMode::valid:
            return "valid";
    }
    return "?";
}

std::string_view toString (ConvolutionMethod method) noexcept
{
    switch (method)
    {
        case ConvolutionMethod::automatic:
            return "auto";
        case ConvolutionMethod::direct:
            return "direct";
        case ConvolutionMethod::fft:
            return "fft";
    }
    return "?";
}

} // namespace partita

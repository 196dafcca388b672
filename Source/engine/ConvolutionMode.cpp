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

} // namespace partita

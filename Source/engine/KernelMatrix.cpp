// SPDX-License-Identifier: GPL-3.0-or-later
#include "KernelMatrix.h"

#include <algorithm>
#include <stdexcept>

namespace partita
{

KernelMatrix::KernelMatrix (std::size_t numInputs, std::size_t numOutputs)
    : inputs (numInputs), outputs (numOutputs), kernels (numInputs * numOutputs)
{
}

void KernelMatrix::setKernel (std::size_t input, std::size_t output, std::vector<float> taps)
{
    kernels[indexOf (input, output)] = std::move (taps);
}

std::span<const float> KernelMatrix::kernel (std::size_t input, std::size_t output) const
{
    return kernels[indexOf (input, output)];
}

bool KernelMatrix::hasKernel (std::size_t input, std::size_t output) const
{
    return ! kernels[indexOf (input, output)].empty();
}

std::size_t KernelMatrix::longestKernel() const noexcept
{
    std::size_t longest = 0;
    for (const auto& taps : kernels)
        longest = std::max (longest, taps.size());
    return longest;
}

std::size_t KernelMatrix::indexOf (std::size_t input, std::size_t output) const
{
    if (input >= inputs || output >= outputs)
        throw std::out_of_range ("KernelMatrix: no path from input " + std::to_string (input) + " to output "
                                 + std::to_string (output));
    return input * outputs + output;
}

} // namespace partita

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace partita
{

/** The impulse responses of an N-input, M-output convolver: one optional kernel
    per (input, output) path. Output j is the sum over inputs i of input i
    convolved with kernel(i, j); a path without a kernel contributes nothing.

    Threading: a plain value; build it on any thread, hand it to
    ConvolutionEngine::prepare. */
class KernelMatrix
{
public:
    KernelMatrix() = default;
    KernelMatrix (std::size_t numInputs, std::size_t numOutputs);

    /** Sets the kernel of one path; an empty vector removes the path.
        Throws std::out_of_range for an input or output outside the matrix. */
    void setKernel (std::size_t input, std::size_t output, std::vector<float> taps);

    [[nodiscard]] std::span<const float> kernel (std::size_t input, std::size_t output) const;
    [[nodiscard]] bool hasKernel (std::size_t input, std::size_t output) const;

    [[nodiscard]] std::size_t numInputs() const noexcept { return inputs; }
    [[nodiscard]] std::size_t numOutputs() const noexcept { return outputs; }

    /** Length of the longest kernel, 0 when there is none. */
    [[nodiscard]] std::size_t longestKernel() const noexcept;

private:
    [[nodiscard]] std::size_t indexOf (std::size_t input, std::size_t output) const;

    std::size_t inputs = 0;
    std::size_t outputs = 0;
    std::vector<std::vector<float>> kernels; // input-major: [input * outputs + output]
};

} // namespace partita

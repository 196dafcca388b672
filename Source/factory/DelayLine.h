// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace partita
{

/** A fixed-length delay line for the classic reverb networks: write one
    sample per tick, read what was written 1 ... length ticks ago.

    Threading: one thread. */
class DelayLine
{
public:
    explicit DelayLine (std::size_t length);

    [[nodiscard]] std::size_t length() const noexcept { return buffer.size(); }
    /** What was written `ago` writes back, 1 <= ago <= length. */
    [[nodiscard]] double read (std::size_t ago) const noexcept;
    /** The oldest sample: read (length ()). */
    [[nodiscard]] double oldest() const noexcept { return buffer[position]; }
    void write (double sample) noexcept;

private:
    std::vector<double> buffer;
    std::size_t position = 0;
};

/** Schroeder's allpass: v[n] = x[n] + g v[n - D], y[n] = v[n - D] - g v[n]
    (H = (-g + z^-D) / (1 - g z^-D)). A negative g gives the mirror
    structure Dattorro's tank uses. */
class SchroederAllpass
{
public:
    SchroederAllpass (std::size_t delay, double gain);

    double process (double x) noexcept;
    /** The internal line, for output taps (Dattorro). */
    [[nodiscard]] const DelayLine& line() const noexcept { return delayed; }

private:
    DelayLine delayed;
    double g;
};

} // namespace partita

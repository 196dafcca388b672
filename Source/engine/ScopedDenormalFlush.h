// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#if defined(__SSE__) || defined(_M_X64) || defined(_M_IX86)
    #include <xmmintrin.h>
    #define PARTITA_HAS_MXCSR 1
#endif

namespace partita
{

/** Flushes subnormal floats to zero while in scope (x86 FTZ and DAZ, AArch64
    FZ), restoring the caller's mode on exit. A decaying reverb tail would
    otherwise slow the FFT and multiply-accumulate loops by orders of magnitude
    once its samples become subnormal.

    Threading: affects only the calling thread. */
class ScopedDenormalFlush
{
public:
    ScopedDenormalFlush() noexcept
    {
#if defined(PARTITA_HAS_MXCSR)
        previous = _mm_getcsr();
        _mm_setcsr (previous | flushToZero | denormalsAreZero);
#elif defined(__aarch64__)
        asm volatile ("mrs %0, fpcr" : "=r"(previous));
        asm volatile ("msr fpcr, %0" : : "r"(previous | flushToZeroAarch64));
#endif
    }

    ~ScopedDenormalFlush()
    {
#if defined(PARTITA_HAS_MXCSR)
        _mm_setcsr (previous);
#elif defined(__aarch64__)
        asm volatile ("msr fpcr, %0" : : "r"(previous));
#endif
    }

    ScopedDenormalFlush (const ScopedDenormalFlush&) = delete;
    ScopedDenormalFlush& operator= (const ScopedDenormalFlush&) = delete;

private:
#if defined(PARTITA_HAS_MXCSR)
    static constexpr unsigned int flushToZero = 0x8000;
    static constexpr unsigned int denormalsAreZero = 0x0040;
    unsigned int previous = 0;
#elif defined(__aarch64__)
    static constexpr unsigned long flushToZeroAarch64 = 1ul << 24;
    unsigned long previous = 0;
#endif
};

} // namespace partita

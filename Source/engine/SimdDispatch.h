// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/** PARTITA_SIMD_CLONES before a hot function compiles it for AVX-512, AVX2
    and the baseline, and picks the best at load time for the CPU it runs on
    (an ifunc): one binary that is fast on new machines and still runs on old
    ones. Where the toolchain has no ifuncs (macOS, Windows) or is clang, the
    baseline build is used. The clones do the same operations in the same order, and
    the engine builds with -ffp-contract=off (no fused multiply-add), so their
    results are bit-identical.

    Not under ThreadSanitizer: the ifunc resolvers run while the program is
    being relocated, instrumented, before TSan's runtime is up, and crash it
    at load. */
#if defined(__SANITIZE_THREAD__) && ! defined(PARTITA_NO_SIMD_CLONES)
    #define PARTITA_NO_SIMD_CLONES
#endif
#if defined(__has_feature)
    #if __has_feature(thread_sanitizer) && ! defined(PARTITA_NO_SIMD_CLONES)
        #define PARTITA_NO_SIMD_CLONES
    #endif
#endif

// GCC only: clang (14 at least, the fuzz and sanitizer builds) names the
// ifunc "<name>.ifunc", so a call from another file, which sees the plain
// declaration, does not link (DirectHeadFilter::process from the engine).
#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__) && ! defined(__clang__) \
    && ! defined(PARTITA_NO_SIMD_CLONES)
    #define PARTITA_SIMD_CLONES __attribute__ ((target_clones ("avx512f", "avx2", "default")))
#else
    #define PARTITA_SIMD_CLONES
#endif

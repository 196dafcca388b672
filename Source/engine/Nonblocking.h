// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/** PARTITA_NONBLOCKING marks an audio entry point: the function and
    everything it calls must not allocate, lock, block or make a system call.

    With clang 20 or later this is [[clang::nonblocking]]: the compiler checks
    what it can see (-Wfunction-effects), and a build with
    -fsanitize=realtime (RealtimeSanitizer, the `rtsan` preset) stops at the
    first unsafe call made at run time inside such a function. Other
    compilers ignore it.

    Place it after the parameter list and noexcept, on the declaration and on
    the definition:
        void process (float* data, std::size_t n) noexcept PARTITA_NONBLOCKING; */
#if defined(__clang__) && defined(__has_cpp_attribute)
    #if __has_cpp_attribute(clang::nonblocking)
        #define PARTITA_NONBLOCKING [[clang::nonblocking]]
    #endif
#endif

#ifndef PARTITA_NONBLOCKING
    #define PARTITA_NONBLOCKING
#endif

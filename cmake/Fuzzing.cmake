# PARTITA_BUILD_FUZZERS: libFuzzer targets (tests/fuzz) with ASan and UBSan.
# Needs clang (Debian 12: clang-14); the `fuzz` preset sets it up. Every
# library is compiled with coverage instrumentation (fuzzer-no-link) so that
# libFuzzer sees into the code under test; only the fuzz executables link
# libFuzzer itself.
option(PARTITA_BUILD_FUZZERS "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)

if(PARTITA_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "PARTITA_BUILD_FUZZERS needs clang (libFuzzer): cmake --preset fuzz, "
                            "or -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
    endif()
    set(PARTITA_FUZZ_SANITIZERS "-fsanitize=address,undefined" "-fno-sanitize-recover=undefined"
                                "-fno-omit-frame-pointer")
    add_compile_options(-fsanitize=fuzzer-no-link ${PARTITA_FUZZ_SANITIZERS})
    add_link_options(-fsanitize=address,undefined)
endif()

# JUCE 7 for the plugin (PARTITA_BUILD_PLUGIN).
# - Debian/Ubuntu: the juce-modules-source package, found by find_package(JUCE CONFIG).
# - Elsewhere (macOS, Windows): -DPARTITA_JUCE_DIR=<a JUCE 7 checkout>, or
#   -DPARTITA_FETCH_JUCE=ON to download JUCE 7.0.5 with FetchContent.
set(PARTITA_JUCE_DIR "" CACHE PATH "A JUCE 7 source checkout to build the plugin with, instead of an installed JUCE")
option(PARTITA_FETCH_JUCE "Download JUCE 7.0.5 with FetchContent when no installed JUCE is found" OFF)

# Debian's JUCEConfig.cmake stops with an error when it runs a second time in
# one configure (its check for already-defined targets never matches), so
# everything in the tree finds JUCE through this guard.
if(NOT TARGET juce::juce_core)
    if(PARTITA_JUCE_DIR)
        add_subdirectory("${PARTITA_JUCE_DIR}" "${CMAKE_BINARY_DIR}/JUCE" EXCLUDE_FROM_ALL)
    else()
        # No version in the call: JUCE's package accepts only its exact version.
        find_package(JUCE CONFIG QUIET)
        if(NOT JUCE_FOUND AND PARTITA_FETCH_JUCE)
            include(FetchContent)
            FetchContent_Declare(JUCE
                GIT_REPOSITORY https://github.com/juce-framework/JUCE.git
                GIT_TAG 7.0.5
                GIT_SHALLOW ON)
            FetchContent_MakeAvailable(JUCE)
        elseif(NOT JUCE_FOUND)
            message(FATAL_ERROR
                "The plugin needs JUCE 7. On Debian/Ubuntu: sudo apt-get install juce-modules-source "
                "(scripts/install-dependencies.sh installs everything). Elsewhere pass "
                "-DPARTITA_JUCE_DIR=<JUCE checkout> or -DPARTITA_FETCH_JUCE=ON, or build without the "
                "plugin: -DPARTITA_BUILD_PLUGIN=OFF.")
        endif()
    endif()
endif()
if(NOT JUCE_MODULES_DIR)
    get_target_property(PARTITA_JUCE_CORE_DIR juce::juce_core INTERFACE_JUCE_MODULE_PATH)
    set(JUCE_MODULES_DIR "${PARTITA_JUCE_CORE_DIR}")
endif()

# Debian's JUCE is patched to use the system's zlib, libpng, libjpeg, FLAC and
# Vorbis instead of its bundled copies, but does not link them: without this,
# a plugin .so links without complaint and then fails to load in a host.
if(UNIX AND NOT APPLE AND JUCE_MODULES_DIR MATCHES "^/usr/")
    set(partitaSystemCodecsDefault ON)
else()
    set(partitaSystemCodecsDefault OFF)
endif()
option(PARTITA_JUCE_SYSTEM_CODECS "Link the system codec libraries JUCE was patched to use (Debian's JUCE)"
       ${partitaSystemCodecsDefault})
if(PARTITA_JUCE_SYSTEM_CODECS AND NOT TARGET partita_juce_system_codecs)
    pkg_check_modules(PARTITA_JUCE_CODECS REQUIRED IMPORTED_TARGET
        flac vorbis vorbisenc vorbisfile ogg libpng libjpeg zlib)
    add_library(partita_juce_system_codecs INTERFACE)
    target_link_libraries(partita_juce_system_codecs INTERFACE PkgConfig::PARTITA_JUCE_CODECS)
endif()

# The JUCE configuration every Partita target that compiles JUCE modules uses.
# GPL build: no splash screen, no usage reporting; no network, no web view.
set(PARTITA_JUCE_DEFINITIONS
    JUCE_DISPLAY_SPLASH_SCREEN=0
    JUCE_REPORT_APP_USAGE=0
    JUCE_USE_CURL=0
    JUCE_WEB_BROWSER=0
    JUCE_MODAL_LOOPS_PERMITTED=0
    JUCE_STRICT_REFCOUNTEDPOINTER=1
    JUCE_VST3_CAN_REPLACE_VST2=0
    # IR files are never decoded by JUCE (libsndfile does it, with limits):
    # JUCE 7.0.5's WAV and AIFF readers can be made to divide by zero or loop
    # forever by crafted headers.
    JUCE_USE_FLAC=0
    JUCE_USE_OGGVORBIS=0
    JUCE_USE_MP3AUDIOFORMAT=0
    JUCE_USE_LAME_AUDIO_FORMAT=0
    JUCE_USE_WINDOWS_MEDIA_FORMAT=0)

# partita_juce_module_sources_quiet(): JUCE's own module translation units are
# third-party code: compiled without warnings in the calling directory (source
# file properties are per directory), while our files keep the project's set.
function(partita_juce_module_sources_quiet)
    if(NOT MSVC)
        file(GLOB partitaJuceModuleSources "${JUCE_MODULES_DIR}/juce_*/juce_*.cpp")
        set_source_files_properties(${partitaJuceModuleSources} PROPERTIES COMPILE_OPTIONS "-w")
    endif()
endfunction()

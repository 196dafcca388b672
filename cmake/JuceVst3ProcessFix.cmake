# JUCE 7.0.5's VST3 wrapper allocates on the audio thread: in
# ClientBufferMapperData::setUpInputChannels (juce_VST3Common.h) each input
# bus's channel mapping is copied, with its std::vector<int> of channel
# indices, on every process() call (8 bytes allocated and freed per call for a
# stereo input; pluginval's "Allocations during process" fails on it). Every
# effect with an input bus takes that path; nothing in the plugin's layout
# avoids it. JUCE's later releases bind the mapping by reference.
#
# partita_fix_juce_vst3_process_allocation(<target>) compiles <target> (the
# VST3 wrapper's target) against a copy of that one header, made at configure
# time from the JUCE in use with the copy replaced by a reference. A JUCE
# without the line (already fixed) is left as it is.
function(partita_fix_juce_vst3_process_allocation target)
    set(original "${JUCE_MODULES_DIR}/juce_audio_processors/format_types/juce_VST3Common.h")
    if(NOT EXISTS "${original}")
        message(STATUS "Partita: ${original} not found; the VST3 wrapper is built as it is")
        return()
    endif()

    file(READ "${original}" header)
    set(copyingLine "            const auto mapping = map[busIndex];")
    set(bindingLine "            const auto& mapping = map[busIndex]; // Partita: no copy on the audio thread")
    string(FIND "${header}" "${copyingLine}" position)
    if(position EQUAL -1)
        message(STATUS "Partita: this JUCE's VST3 wrapper does not copy bus mappings in process(); no fix needed")
        return()
    endif()

    string(REPLACE "${copyingLine}" "${bindingLine}" fixedHeader "${header}")
    set(fixedRoot "${CMAKE_CURRENT_BINARY_DIR}/juce-vst3-process-fix")
    file(WRITE "${fixedRoot}/juce_audio_processors/format_types/juce_VST3Common.h" "${fixedHeader}")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${original}")
    # Before JUCE's module folder, so that the wrapper's
    # #include <juce_audio_processors/format_types/juce_VST3Common.h> finds the copy.
    target_include_directories(${target} SYSTEM BEFORE PRIVATE "${fixedRoot}")
    message(STATUS "Partita: the VST3 wrapper binds bus mappings by reference (juce_VST3Common.h copy in ${fixedRoot})")
endfunction()

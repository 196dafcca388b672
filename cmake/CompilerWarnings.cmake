# partita_set_warnings(target): the project's warning set, errors in CI only
# (PARTITA_WARNINGS_AS_ERRORS), so a new compiler cannot break a user's build.
option(PARTITA_WARNINGS_AS_ERRORS "Treat warnings as errors" OFF)

if(MSVC)
    set(PARTITA_WARNING_FLAGS /W4 /permissive-)
    set(PARTITA_WARNING_ERROR_FLAG /WX)
else()
    set(PARTITA_WARNING_FLAGS
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
        -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
        -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
    set(PARTITA_WARNING_ERROR_FLAG -Werror)
endif()

function(partita_set_warnings target)
    target_compile_options(${target} PRIVATE ${PARTITA_WARNING_FLAGS})
    if(PARTITA_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE ${PARTITA_WARNING_ERROR_FLAG})
    endif()
endfunction()

# partita_set_source_warnings(files...): the same set on single source files,
# for targets that also compile third-party sources (JUCE's modules).
function(partita_set_source_warnings)
    set(flags ${PARTITA_WARNING_FLAGS})
    if(PARTITA_WARNINGS_AS_ERRORS)
        list(APPEND flags ${PARTITA_WARNING_ERROR_FLAG})
    endif()
    set_source_files_properties(${ARGN} PROPERTIES COMPILE_OPTIONS "${flags}")
endfunction()

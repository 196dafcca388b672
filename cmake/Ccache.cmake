# Reuse object files across clean builds when ccache is installed.
find_program(PARTITA_CCACHE ccache)
if(PARTITA_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_C_COMPILER_LAUNCHER "${PARTITA_CCACHE}")
    set(CMAKE_CXX_COMPILER_LAUNCHER "${PARTITA_CCACHE}")
endif()

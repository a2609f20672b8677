# The rooms of src/app: one folder per panel, common/ for what the panels share, shell/ for the window
# that arranges them. A panel includes its own headers, common/ and the core, never another panel;
# common/ includes only itself and the core; the shell (and main.cpp) may include every panel.
# docs/ARCHITECTURE.md draws it.
#
# cmake -DAPP_DIR=<src/app> -P CheckPanels.cmake
# Runs with every build of nemoapp and as the layers.panels test; exits non-zero on a violation.

cmake_minimum_required(VERSION 3.21)

set(nemo_panels chat media timeline preview export settings)
set(nemo_rooms ${nemo_panels} common shell)

if(NOT APP_DIR)
    message(FATAL_ERROR "usage: cmake -DAPP_DIR=<src/app> -P CheckPanels.cmake")
endif()
get_filename_component(APP_DIR "${APP_DIR}" ABSOLUTE)

set(violations "")
file(GLOB entries RELATIVE "${APP_DIR}" "${APP_DIR}/*")
foreach(entry IN LISTS entries)
    if(entry MATCHES "\\.(h|cpp)$" AND NOT entry STREQUAL "main.cpp")
        list(APPEND violations "${entry}: the window's sources live in a room (${nemo_rooms}); only main.cpp is at the root")
    elseif(IS_DIRECTORY "${APP_DIR}/${entry}" AND NOT entry IN_LIST nemo_rooms)
        list(APPEND violations "${entry}/: not a room of the window (${nemo_rooms})")
    endif()
endforeach()

foreach(room IN LISTS nemo_rooms)
    if(room STREQUAL "shell")
        continue()
    endif()
    file(GLOB_RECURSE sources RELATIVE "${APP_DIR}" "${APP_DIR}/${room}/*.h" "${APP_DIR}/${room}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${APP_DIR}/${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"")
        foreach(line IN LISTS includes)
            string(STRIP "${line}" line)
            if(line MATCHES "#[ \t]*include[ \t]+\"(([a-z]+)/[^\"]+)\"")
                set(target "${CMAKE_MATCH_2}")
                # The core's domains share a name with a room (media/): a header of the window is one
                # that is here.
                if(target STREQUAL room OR target STREQUAL "common" OR NOT EXISTS "${APP_DIR}/${CMAKE_MATCH_1}")
                    continue() # its own room, the shared one, or the core
                endif()
                if(room STREQUAL "common")
                    list(APPEND violations "${source}: ${line}: common/ serves the panels and includes none of them")
                else()
                    list(APPEND violations "${source}: ${line}: a panel never includes another (${target}), the shell connects them")
                endif()
            elseif(NOT line MATCHES "#[ \t]*include[ \t]+\"(ui_[a-z]+\\.h|[a-z_]+\\.moc)\"")
                list(APPEND violations "${source}: ${line} does not name its room or domain folder")
            endif()
        endforeach()
    endforeach()
endforeach()

if(violations)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "The window's rooms are crossed:\n  ${text}\nSee docs/ARCHITECTURE.md (the window's panels).")
endif()
message(STATUS "Window panels: no panel includes another (${nemo_panels})")

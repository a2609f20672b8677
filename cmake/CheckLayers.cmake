# The layers of src/core and which may include which. A domain includes its own headers and those of
# the domains listed for it here, never one above it; every core include names its domain folder
# ("net/transport.h"), and the core never includes widgets or QtGui. docs/ARCHITECTURE.md draws it.
#
# cmake -DCORE_DIR=<src/core> -P CheckLayers.cmake
# Runs with every build of nemocore and as the layers.includes test; exits non-zero on a violation.

cmake_minimum_required(VERSION 3.21)

set(nemo_layers util net auth draft media edit agent render client project)
set(nemo_may_include_util "")
set(nemo_may_include_net util)
set(nemo_may_include_auth net util)
set(nemo_may_include_draft net util)
set(nemo_may_include_media net util)
set(nemo_may_include_edit draft media net util)
set(nemo_may_include_agent draft media net util)
set(nemo_may_include_render agent draft edit media net util)
set(nemo_may_include_client agent auth draft edit media net render util)
set(nemo_may_include_project client agent auth draft edit media net render util)

if(NOT CORE_DIR)
    message(FATAL_ERROR "usage: cmake -DCORE_DIR=<src/core> -P CheckLayers.cmake")
endif()

set(violations "")
file(GLOB entries RELATIVE "${CORE_DIR}" "${CORE_DIR}/*")
foreach(entry IN LISTS entries)
    if(entry MATCHES "\\.(h|cpp)$")
        list(APPEND violations "${entry}: core sources live in a domain folder (${nemo_layers})")
    elseif(IS_DIRECTORY "${CORE_DIR}/${entry}" AND NOT entry IN_LIST nemo_layers)
        list(APPEND violations "${entry}/: not a domain of the core (${nemo_layers})")
    endif()
endforeach()

foreach(domain IN LISTS nemo_layers)
    file(GLOB_RECURSE sources RELATIVE "${CORE_DIR}" "${CORE_DIR}/${domain}/*.h" "${CORE_DIR}/${domain}/*.cpp")
    foreach(source IN LISTS sources)
        file(STRINGS "${CORE_DIR}/${source}" includes REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS includes)
            if(line MATCHES "#[ \t]*include[ \t]+\"([a-z]+)/[^\"]+\"")
                set(target "${CMAKE_MATCH_1}")
                if(NOT target STREQUAL domain AND NOT target IN_LIST nemo_may_include_${domain})
                    string(STRIP "${line}" line)
                    list(APPEND violations
                         "${source}: ${line} goes the wrong way (${domain} may include: ${nemo_may_include_${domain}})")
                endif()
            elseif(line MATCHES "#[ \t]*include[ \t]+\"")
                string(STRIP "${line}" line)
                list(APPEND violations "${source}: ${line} does not name its domain folder")
            elseif(line MATCHES "<(QtWidgets|QtGui|QWidget|QImage|QPixmap|QColor|QPainter)")
                string(STRIP "${line}" line)
                list(APPEND violations "${source}: ${line}: the core has no widgets and no QtGui")
            endif()
        endforeach()
    endforeach()
endforeach()

if(violations)
    list(JOIN violations "\n  " text)
    message(FATAL_ERROR "Core layering violated:\n  ${text}\nSee docs/ARCHITECTURE.md (layers of the core).")
endif()
message(STATUS "Core layering: every include goes down (${nemo_layers})")

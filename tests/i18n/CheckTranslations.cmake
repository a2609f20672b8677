# The i18n.complete test: fails when a user-visible string in src/ or ui/ is missing from a .ts file
# in translations/, or when a Simplified Chinese entry is unfinished.
# cmake -DLUPDATE=<lupdate> -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch> -P CheckTranslations.cmake
# The fix for a failure: `cmake --build --preset dev --target update_translations`, then translate
# the new entries in translations/nemostudio_zh_CN.ts (Qt Linguist, or by hand).

set(ts_dir "${SOURCE_DIR}/translations")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(failed FALSE)

foreach(language en zh_CN)
    set(committed "${ts_dir}/nemostudio_${language}.ts")
    set(refreshed "${WORK_DIR}/nemostudio_${language}.ts")
    if(NOT EXISTS "${committed}")
        message(SEND_ERROR "${committed} is missing.")
        set(failed TRUE)
        continue()
    endif()
    file(COPY_FILE "${committed}" "${refreshed}")
    set(extra)
    if(language STREQUAL "en")
        set(extra -pluralonly)
    endif()
    execute_process(
        COMMAND "${LUPDATE}" -locations none -no-obsolete -silent ${extra}
            "${SOURCE_DIR}/src" "${SOURCE_DIR}/ui" -ts "${refreshed}"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(SEND_ERROR "lupdate failed on ${committed} (${result}).")
        set(failed TRUE)
        continue()
    endif()
    file(READ "${committed}" before)
    file(READ "${refreshed}" after)
    if(NOT before STREQUAL after)
        message(SEND_ERROR "translations/nemostudio_${language}.ts is out of date with the sources: "
            "strings were added, changed or removed. Run the update_translations target.")
        set(failed TRUE)
    endif()
    # Every entry lupdate left unfinished, named by its source text.
    string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*(<comment>[^<]*</comment>[ \t\r\n]*)?<translation type=\"unfinished\""
        unfinished "${after}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        message(SEND_ERROR "${count} unfinished entries in translations/nemostudio_${language}.ts:")
        foreach(entry IN LISTS unfinished)
            string(REGEX REPLACE "^<source>([^<]*)</source>.*" "\\1" text "${entry}")
            message("  unfinished: ${text}")
        endforeach()
        set(failed TRUE)
    else()
        message(STATUS "nemostudio_${language}.ts: complete")
    endif()
endforeach()

if(failed)
    message(FATAL_ERROR "Translations are incomplete.")
endif()

# Every test executable in the build tree (tst_*) is the command of a test ctest knows.
#
# cmake -DBUILD_DIR=<build> -DCTEST=<ctest> -P CheckRegistered.cmake

cmake_minimum_required(VERSION 3.21)

execute_process(COMMAND ${CTEST} -N --show-only=json-v1
    WORKING_DIRECTORY ${BUILD_DIR}
    OUTPUT_VARIABLE json
    RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "ctest -N failed in ${BUILD_DIR}")
endif()
string(JSON count LENGTH "${json}" tests)
set(commands "")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
    string(JSON command ERROR_VARIABLE none GET "${json}" tests ${i} command 0)
    if(command)
        get_filename_component(name "${command}" NAME_WE)
        list(APPEND commands "${name}")
    endif()
endforeach()

file(GLOB_RECURSE executables LIST_DIRECTORIES false "${BUILD_DIR}/tests/tst_*")
set(unregistered "")
set(found 0)
foreach(file IN LISTS executables)
    get_filename_component(name "${file}" NAME)
    # Only the programs themselves (not their objects, moc files or folders).
    if(NOT name MATCHES "^tst_[a-z_]+(\\.exe)?$" OR IS_DIRECTORY "${file}")
        continue()
    endif()
    if(NOT EXISTS "${file}" OR file MATCHES "/CMakeFiles/|_autogen/")
        continue()
    endif()
    math(EXPR found "${found} + 1")
    get_filename_component(name "${file}" NAME_WE)
    if(NOT name IN_LIST commands)
        list(APPEND unregistered "${name}")
    endif()
endforeach()
if(found EQUAL 0)
    message(FATAL_ERROR "no test executables found under ${BUILD_DIR}/tests")
endif()
if(unregistered)
    list(JOIN unregistered ", " text)
    message(FATAL_ERROR "Built but never run by ctest: ${text}")
endif()
message(STATUS "All ${found} test executables are registered with ctest (${count} tests)")

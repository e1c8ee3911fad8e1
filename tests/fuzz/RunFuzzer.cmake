# cmake -DFUZZER=... -DSEEDS=... -DWORK=... -DSECONDS=20 -P RunFuzzer.cmake
# Copies the seed corpus to WORK (fresh each run) and fuzzes on the copy.
foreach(var FUZZER SEEDS WORK SECONDS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "RunFuzzer.cmake: ${var} is not set")
    endif()
endforeach()

# `make fuzz FUZZ_TIME=...` and `make test FUZZ_SECONDS=...` override the length.
if(DEFINED ENV{FUZZ_SECONDS})
    set(SECONDS $ENV{FUZZ_SECONDS})
endif()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
if(IS_DIRECTORY ${SEEDS})
    file(GLOB seed_files ${SEEDS}/*)
    if(seed_files)
        file(COPY ${seed_files} DESTINATION ${WORK})
    endif()
else()
    message(WARNING "no seed corpus at ${SEEDS}; fuzzing from scratch")
endif()

get_filename_component(work_parent ${WORK} DIRECTORY)
execute_process(
    COMMAND ${FUZZER} -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=10
            -artifact_prefix=${work_parent}/ ${WORK}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${FUZZER} failed (${result}); the crashing input is in ${work_parent}/")
endif()

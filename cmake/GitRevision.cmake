# The git revision is baked in at configure time and written into every results file.
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} OUTPUT_VARIABLE ALIGNSIM_GIT_REVISION
  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE git_result)
if(NOT git_result EQUAL 0 OR ALIGNSIM_GIT_REVISION STREQUAL "")
  set(ALIGNSIM_GIT_REVISION "unknown")
endif()
execute_process(COMMAND git status --porcelain --untracked-files=no
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR} OUTPUT_VARIABLE git_dirty ERROR_QUIET)
if(NOT git_dirty STREQUAL "")
  string(APPEND ALIGNSIM_GIT_REVISION "-dirty")
endif()
# For byte-for-byte comparisons of results files across commits (docs/architecture.md,
# "Refactoring without changing results"): -DALIGNSIM_FIXED_GIT_REVISION=abc123 bakes in
# a chosen revision, so two builds of different commits write identical files.
if(ALIGNSIM_FIXED_GIT_REVISION)
  set(ALIGNSIM_GIT_REVISION "${ALIGNSIM_FIXED_GIT_REVISION}")
endif()
configure_file(${CMAKE_SOURCE_DIR}/cmake/version.hpp.in ${CMAKE_BINARY_DIR}/generated/alignsim/version.hpp @ONLY)

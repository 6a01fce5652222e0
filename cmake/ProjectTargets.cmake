# Interface targets shared by every library: warnings, sanitizers, and wrappers for
# Debian packages whose CMake support is incomplete.

add_library(alignsim_warnings INTERFACE)
add_library(alignsim::warnings ALIAS alignsim_warnings)
target_compile_options(alignsim_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
  -Wno-sign-conversion)
# GCC 12 reports false -Wrestrict positives inside std::string at -O2 (GCC bug 105329).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(alignsim_warnings INTERFACE -Wno-restrict)
endif()

add_library(alignsim_sanitizers INTERFACE)
add_library(alignsim::sanitizers ALIAS alignsim_sanitizers)
if(ALIGNSIM_SANITIZE STREQUAL "address")
  target_compile_options(alignsim_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(alignsim_sanitizers INTERFACE -fsanitize=address,undefined)
elseif(ALIGNSIM_SANITIZE STREQUAL "thread")
  target_compile_options(alignsim_sanitizers INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(alignsim_sanitizers INTERFACE -fsanitize=thread)
elseif(NOT ALIGNSIM_SANITIZE STREQUAL "")
  message(FATAL_ERROR "ALIGNSIM_SANITIZE must be '', 'address' or 'thread'")
endif()

# Random123 is header-only.
add_library(random123 INTERFACE)
add_library(Random123::random123 ALIAS random123)
target_include_directories(random123 SYSTEM INTERFACE ${RANDOM123_INCLUDE_DIR})

# yaml-cpp 0.7 exports a bare `yaml-cpp` target.
if(NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()

# HDF5 C + high-level (dimension scales) libraries, serial flavour.
add_library(alignsim_hdf5 INTERFACE)
add_library(alignsim::hdf5 ALIAS alignsim_hdf5)
target_include_directories(alignsim_hdf5 SYSTEM INTERFACE ${HDF5_INCLUDE_DIRS})
target_link_libraries(alignsim_hdf5 INTERFACE ${HDF5_C_LIBRARIES} ${HDF5_HL_LIBRARIES})
target_compile_definitions(alignsim_hdf5 INTERFACE ${HDF5_DEFINITIONS})

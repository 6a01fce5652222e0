#pragma once
// --threads N of the commands that run simulations (run, compare). The count is read as
// text: Boost's unsigned conversion wraps "-1" to 2^64-1 and "-18446744073709551615" to 1,
// and oneTBB aborts the process (std::terminate) when asked for ~100,000 threads.
#include <boost/program_options.hpp>
#include <cstddef>
#include <string>

namespace alignsim::cli {

// Adds --threads to `description`; read it back with thread_count().
void add_thread_option(boost::program_options::options_description& description);

// The --threads value: 0 (all cores) when absent. Throws UsageError naming --threads for
// anything but a whole number from 0 to sim::kMaxThreads (no sign, no spaces).
[[nodiscard]] std::size_t thread_count(const boost::program_options::variables_map& vm);

// The same for one text; thread-safe (pure).
[[nodiscard]] std::size_t parse_thread_count(const std::string& text);

}  // namespace alignsim::cli

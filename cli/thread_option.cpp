#include "cli/thread_option.hpp"

#include <algorithm>
#include <cctype>

#include "sim/errors.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::cli {

namespace po = boost::program_options;

void add_thread_option(po::options_description& description) {
  const std::string help = "worker threads, 1 to " + std::to_string(sim::kMaxThreads) + " (default, or 0: all cores)";
  description.add_options()("threads", po::value<std::string>(), help.c_str());
}

std::size_t thread_count(const po::variables_map& vm) {
  return vm.count("threads") == 0 ? 0 : parse_thread_count(vm["threads"].as<std::string>());
}

std::size_t parse_thread_count(const std::string& text) {
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
  // At most 7 digits before converting: no overflow, whatever the text.
  const std::size_t value = digits && text.size() <= 7 ? std::stoul(text) : sim::kMaxThreads + 1;
  if (value > sim::kMaxThreads) {
    throw UsageError("--threads " + text + ": not a thread count (a whole number from 1 to " +
                     std::to_string(sim::kMaxThreads) + "; 0 or none for all cores)");
  }
  return value;
}

}  // namespace alignsim::cli

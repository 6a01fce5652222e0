#pragma once
// The command-line parsing every subcommand shares: named options (shown by --help),
// plus positional arguments collected under one hidden option name.
#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace alignsim::cli {

// `positional_value` (owned by the parser from here on) receives up to `max_positional`
// positional arguments (-1: any number). Returns nullopt after printing `visible` for
// --help. Throws boost::program_options::error for bad usage (main.cpp maps it to exit 2).
// `order` (if given) receives the names of the named options in command-line order, one
// per occurrence (variables_map forgets the order; "the later one wins" needs it).
[[nodiscard]] std::optional<boost::program_options::variables_map> parse_command_line(
    const Arguments& args, const boost::program_options::options_description& visible,
    const std::string& positional_name, const boost::program_options::value_semantic* positional_value,
    int max_positional, std::vector<std::string>* order = nullptr);

}  // namespace alignsim::cli

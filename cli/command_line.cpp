#include "cli/command_line.hpp"

#include <iostream>

namespace alignsim::cli {

namespace po = boost::program_options;

std::optional<po::variables_map> parse_command_line(const Arguments& args, const po::options_description& visible,
                                                    const std::string& positional_name,
                                                    const po::value_semantic* positional_value, int max_positional,
                                                    std::vector<std::string>* order) {
  po::options_description hidden;
  hidden.add_options()(positional_name.c_str(), positional_value);
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add(positional_name.c_str(), max_positional);
  po::variables_map vm;
  const po::parsed_options parsed = po::command_line_parser(args).options(all).positional(positional).run();
  po::store(parsed, vm);
  if (order != nullptr) {
    for (const po::option& option : parsed.options) {
      if (option.position_key == -1) order->push_back(option.string_key);
    }
  }
  if (vm.count("help") != 0) {
    std::cout << visible << "\n";
    return std::nullopt;
  }
  po::notify(vm);
  return vm;
}

}  // namespace alignsim::cli

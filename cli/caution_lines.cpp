#include "cli/caution_lines.hpp"

namespace alignsim::cli {

void print_setting_cautions(std::FILE* out, const experiment::Experiment& experiment,
                            const experiment::RunTable& runs) {
  for (const experiment::LocatedCaution& caution : experiment::setting_cautions(experiment, runs)) {
    std::fprintf(out, "alignsim: warning: %s%s\n", caution.message.c_str(),
                 caution.variant.empty() ? "" : (" (variant " + caution.variant + ")").c_str());
  }
}

}  // namespace alignsim::cli

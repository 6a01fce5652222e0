#include "cli/run_identity.hpp"

#include "alignsim/version.hpp"
#include "sim/durability/checksum.hpp"

namespace alignsim::cli {

std::string run_identity(const LoadedScenario& loaded, const ExperimentOptions& experiment,
                         const std::optional<sim::ShardSpec>& shard) {
  std::string text = "alignsim run identity 1\n";
  // The resolved YAML already holds --set, --replicates, --seed and the design options.
  text += "scenario_fnv1a64: " + sim::hex64(sim::fnv1a64(loaded.spec.resolved_yaml)) + "\n";
  text += "scenario_name: " + loaded.spec.name + "\n";
  if (!experiment.target_ci.empty()) {
    text += "target_ci: " + experiment.target_ci + " max_replicates " + std::to_string(experiment.max_replicates) + "\n";
  }
  text += std::string("alignsim_version: ") + kVersion + "\n";
  text += std::string("git_revision: ") + kGitRevision + "\n";
  text += "shard: " + (shard ? shard->text() : std::string("all")) + "\n";
  return text;
}

std::string identity_without_shard(const std::string& identity) {
  const std::size_t at = identity.find("\nshard: ");
  if (at == std::string::npos) return identity;
  const std::size_t end = identity.find('\n', at + 1);
  return identity.substr(0, at + 1) + (end == std::string::npos ? "" : identity.substr(end + 1));
}

}  // namespace alignsim::cli

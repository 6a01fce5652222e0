#include "experiment/run_identity.hpp"

#include "alignsim/version.hpp"
#include "sim/durability/checksum.hpp"

namespace alignsim::experiment {
namespace {

constexpr std::string_view kHeader = "alignsim run identity 1\n";

// The fields in the order of the text form; target_ci is written only when set.
template <typename Identity, typename Visit>
void for_each_field(Identity& identity, Visit visit) {
  visit("scenario_fnv1a64", identity.scenario_fnv1a64);
  visit("scenario_name", identity.scenario_name);
  visit("target_ci", identity.target_ci);
  visit("alignsim_version", identity.version);
  visit("git_revision", identity.git_revision);
  visit("shard", identity.shard);
}

}  // namespace

RunIdentity RunIdentity::of(const Experiment& experiment, const ExperimentOptions& options,
                            const std::optional<sim::ShardSpec>& shard) {
  RunIdentity identity;
  identity.scenario_fnv1a64 = sim::hex64(sim::fnv1a64(experiment.spec.resolved_yaml));
  identity.scenario_name = experiment.spec.name;
  if (!options.target_ci.empty()) {
    identity.target_ci = options.target_ci + " max_replicates " + std::to_string(options.max_replicates);
  }
  identity.version = kVersion;
  identity.git_revision = kGitRevision;
  identity.shard = shard ? shard->text() : std::string("all");
  return identity;
}

std::string RunIdentity::text() const {
  std::string text(kHeader);
  for_each_field(*this, [&](const char* key, const std::string& value) {
    if (std::string_view(key) == "target_ci" && value.empty()) return;
    text += std::string(key) + ": " + value + "\n";
  });
  return text;
}

RunIdentity RunIdentity::parse(std::string_view text) {
  RunIdentity identity;
  identity.shard.clear();
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view line = text.substr(at, end - at);
    for_each_field(identity, [&](const char* key, std::string& value) {
      const std::string prefix = std::string(key) + ": ";
      if (line.substr(0, prefix.size()) == prefix) value = std::string(line.substr(prefix.size()));
    });
    at = end + 1;
  }
  return identity;
}

RunIdentity RunIdentity::without_shard() const {
  RunIdentity identity = *this;
  identity.shard.clear();
  return identity;
}

}  // namespace alignsim::experiment

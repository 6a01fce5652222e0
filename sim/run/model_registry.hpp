#pragma once
// The models a scenario can name with `model:`. The engine (designs, runner, results,
// statistics, sensitivity) knows a model only through this description, so the analytic
// test functions of sim/test_functions.hpp go through exactly the same code path as the
// sales-marketing model.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim/run_output.hpp"
#include "sim/scenario/parameter.hpp"
#include "sim/scenario/scenario.hpp"

namespace alignsim::sim {

// A setting that is valid but outside what the model was calibrated for: the run goes
// ahead, and the user is told which key and why (printed as a warning).
struct SettingCaution {
  std::string key;   // the setting to look at, e.g. "budget.initial_marketing_usd_per_day"
  std::string text;  // what is unusual and what follows from it, one sentence
};

// A model's runs for one set of fully resolved settings (a variant, or a design point):
// the settings are converted to the model's typed parameters once, when prepared, and
// every replicate then runs from them. Immutable; run() is safe to call concurrently.
class PreparedRun {
 public:
  virtual ~PreparedRun() = default;
  // One replicate. The result depends only on the settings and the replicate (the
  // variant or design point is not part of the random key, so runs are paired across
  // them). Throws alignsim::RunError if a numerical guard trips.
  [[nodiscard]] virtual RunOutput run(std::uint32_t replicate) const = 0;
  // Valid settings outside what the model was calibrated for; empty by default.
  [[nodiscard]] virtual std::vector<SettingCaution> cautions() const { return {}; }
  // Estimated peak memory of one run(), in bytes: what the model knows of its per-agent
  // and per-day state. Checked against the machine before any run starts
  // (experiment/resource_check.hpp); 0 (the default) means small enough not to matter.
  [[nodiscard]] virtual std::uint64_t memory_bytes() const { return 0; }
  // Rows of each agent table (OutputLayout::agent_tables, in order) that run() fills: an
  // upper bound for this run's settings, whatever the replicate. A table with row labels
  // has exactly that many rows. Empty (the default): the model has no agent tables.
  [[nodiscard]] virtual std::vector<std::size_t> agent_table_rows() const { return {}; }
};

struct ModelDefinition {
  std::string name;         // what `model:` says
  std::string description;  // one line, for `alignsim params --model`
  std::function<const ParameterCatalog&()> catalog;
  std::function<const OutputLayout&()> outputs;
  // Converts fully resolved settings to the model's parameters. Must be safe to call
  // concurrently.
  std::function<std::shared_ptr<const PreparedRun>(const Settings& resolved)> prepare;
  // Summary metrics a sensitivity analysis ranks when the sweep names none.
  std::vector<std::string> key_outputs;
  // The setting a run's memory grows with (PreparedRun::memory_bytes), named when a run
  // is refused for want of memory; empty if none dominates.
  std::string size_setting{};
};

// Thread-safe for concurrent reads once built.
class ModelRegistry {
 public:
  // The first model is the default, used when a scenario names none. Throws
  // std::invalid_argument for an empty list or a repeated name.
  explicit ModelRegistry(std::vector<ModelDefinition> models);

  [[nodiscard]] const ModelDefinition* find(const std::string& name) const noexcept;
  [[nodiscard]] const ModelDefinition& default_model() const noexcept { return models_.front(); }
  [[nodiscard]] std::vector<std::string> names() const;

 private:
  std::vector<ModelDefinition> models_;
};


}  // namespace alignsim::sim

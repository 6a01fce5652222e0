#include "models/sales_marketing_model.hpp"

#include <memory>

#include "models/calibration_cautions.hpp"
#include "models/metric_catalog.hpp"
#include "models/parameter_catalog.hpp"
#include "models/rep_ledger.hpp"
#include "models/run_memory.hpp"
#include "models/simulation.hpp"

namespace alignsim::model {
namespace {

// One variant's typed parameters, converted from the settings once and shared by every
// replicate's Simulation (which holds them as shared_ptr<const>).
class PreparedSalesRun final : public sim::PreparedRun {
 public:
  explicit PreparedSalesRun(const sim::Settings& resolved)
      : parameters_(std::make_shared<const ModelParameters>(model_parameters_from(resolved))) {}

  [[nodiscard]] sim::RunOutput run(std::uint32_t replicate) const override { return run_model(parameters_, replicate); }
  [[nodiscard]] std::vector<sim::SettingCaution> cautions() const override {
    return calibration_cautions(*parameters_);
  }
  [[nodiscard]] std::uint64_t memory_bytes() const override { return run_memory_bytes(*parameters_); }
  // Reps: every rep the run can hire (rep_ledger.hpp); the response buckets are labelled;
  // one row per marketer.
  [[nodiscard]] std::vector<std::size_t> agent_table_rows() const override {
    return {rep_rows_bound(*parameters_), static_cast<std::size_t>(ResponseBucket::count),
            static_cast<std::size_t>(parameters_->marketers.count)};
  }

 private:
  std::shared_ptr<const ModelParameters> parameters_;
};

}  // namespace

sim::ModelDefinition sales_marketing_model() {
  return {"sales_marketing",
          "agent-based sales-marketing alignment model (docs/model.md)",
          [] { return std::cref(model_catalog()); },
          [] { return std::cref(model_output_layout()); },
          [](const sim::Settings& resolved) -> std::shared_ptr<const sim::PreparedRun> {
            return std::make_shared<const PreparedSalesRun>(resolved);
          },
          {"bookings_usd", "wins", "share_mqls_ignored"},
          "population.prospects"};
}

}  // namespace alignsim::model

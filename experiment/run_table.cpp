#include "experiment/run_table.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/errors.hpp"
#include "sim/design/factor_transform.hpp"
#include "sim/design/sweep.hpp"
#include "sim/run/model_registry.hpp"

namespace alignsim::experiment {

RunTable::RunTable(const Experiment& experiment) : experiment_(experiment) {
  const sim::ScenarioSpec& spec = experiment.spec;
  members_ = experiment.ensemble ? experiment.ensemble->size() : 1;
  for (const sim::VariantSpec& v : spec.variants) {
    if (!experiment.ensemble) variants_.push_back(experiment.model->prepare(v.resolved));
    for (std::size_t m = 0; experiment.ensemble && m < members_; ++m) {
      variants_.push_back(experiment.model->prepare(settings_with_member(v.resolved, *experiment.ensemble, m, v.overrides)));
    }
  }
  if (spec.sweep) design_ = std::make_unique<const sim::Design>(*spec.sweep, spec.variants.front().resolved, spec.seed);
  entries_ = design_ ? design_->size() : spec.variants.size();
  const sim::OutputLayout& outputs = experiment.model->outputs();
  summary_size_ = outputs.summary.size();
  periods_ = sim::reporting_periods(spec.horizon_days, spec.period_days);
  series_size_ = outputs.series.size() * periods_;
  size_agent_tables();
}

// Design points prepared to size the agent tables: all of a design up to this many; of a
// larger one this many, evenly spaced, the first and last included (preparing costs
// microseconds, so this stays under a second; a 10^8-point design must not prepare all).
constexpr std::size_t kSizingPoints = 65536;

// The file's rows of a table: the most any entry needs (keeping only the maximum, so
// memory stays flat). A run of an unsampled design point that needs more fails with a
// RunError naming the table (pad_agent_tables), never with its rows cut off.
void RunTable::size_agent_tables() {
  const std::vector<sim::AgentTableSpec>& tables = experiment_.model->outputs().agent_tables;
  if (tables.empty()) return;
  agent_rows_.assign(tables.size(), 0);
  const auto widen = [&](const sim::PreparedRun& prepared) {
    const std::vector<std::size_t> rows = rows_of(prepared);
    for (std::size_t t = 0; t < rows.size(); ++t) agent_rows_[t] = std::max(agent_rows_[t], rows[t]);
  };
  if (!design_) {
    for (const auto& prepared_run : variants_) widen(*prepared_run);  // every member of an ensemble
  } else if (entries_ <= kSizingPoints) {
    for (std::size_t e = 0; e < entries_; ++e) widen(*prepared(e));
  } else {
    for (std::size_t i = 0; i < kSizingPoints; ++i) widen(*prepared(i * (entries_ - 1) / (kSizingPoints - 1)));
  }
  for (std::size_t& rows : agent_rows_) rows = std::max<std::size_t>(rows, 1);  // HDF5 needs a non-empty chunk
  for (std::size_t t = 0; t < tables.size(); ++t) agents_size_ += sim::agent_table_values(tables[t], agent_rows_[t], periods_);
}

std::vector<std::size_t> RunTable::rows_of(const sim::PreparedRun& prepared) const {
  const std::vector<sim::AgentTableSpec>& tables = experiment_.model->outputs().agent_tables;
  std::vector<std::size_t> rows = prepared.agent_table_rows();
  if (rows.size() != tables.size()) {
    throw std::logic_error("model " + experiment_.model->name + " reports rows for " + std::to_string(rows.size()) +
                     " agent tables; its layout has " + std::to_string(tables.size()));
  }
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (!tables[t].row_labels.empty()) rows[t] = tables[t].row_labels.size();
  }
  return rows;
}

sim::RunOutput RunTable::run(std::size_t entry, std::size_t replicate) const {
  const auto rep = static_cast<std::uint32_t>(replicate);
  const std::shared_ptr<const sim::PreparedRun> prepared_run =
      design_ ? prepared(entry) : variants_.at(entry * members_ + replicate % members_);
  sim::RunOutput out = prepared_run->run(rep);
  if (agents_size_ > 0 && out.error.empty()) pad_agent_tables(out, rows_of(*prepared_run));
  return out;
}

void RunTable::pad_agent_tables(sim::RunOutput& out, const std::vector<std::size_t>& own_rows) const {
  const std::vector<sim::AgentTableSpec>& tables = experiment_.model->outputs().agent_tables;
  std::size_t own_size = 0;
  for (std::size_t t = 0; t < tables.size(); ++t) own_size += sim::agent_table_values(tables[t], own_rows[t], periods_);
  if (out.agents.size() != own_size) {
    throw RunError("the run gave " + std::to_string(out.agents.size()) + " agent-table values; its " +
                   "agent_table_rows() promise " + std::to_string(own_size));
  }
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (own_rows[t] > agent_rows_[t]) {
      throw RunError("the run needs " + std::to_string(own_rows[t]) + " rows of /agents/" + tables[t].name +
                     ", more than the " + std::to_string(agent_rows_[t]) + " the file was sized for from " +
                     std::to_string(kSizingPoints) + " of the design's " + std::to_string(entries_) + " points");
    }
  }
  if (own_rows == agent_rows_) return;
  std::vector<double> padded(agents_size_, std::numeric_limits<double>::quiet_NaN());
  std::size_t from = 0, to = 0;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const std::size_t width = tables[t].per_period ? periods_ : 1;
    for (std::size_t c = 0; c < tables[t].columns.size(); ++c) {
      std::copy_n(out.agents.begin() + static_cast<std::ptrdiff_t>(from), own_rows[t] * width,
                  padded.begin() + static_cast<std::ptrdiff_t>(to));
      from += own_rows[t] * width;
      to += agent_rows_[t] * width;
    }
  }
  out.agents = std::move(padded);
}

std::shared_ptr<const sim::PreparedRun> RunTable::prepared(std::size_t entry) const {
  if (!design_) return variants_.at(entry * members_);
  const sim::Settings settings =
      sim::settings_at(experiment_.spec.variants.front().resolved, design_->spec().factors, design_->point(entry));
  return experiment_.model->prepare(settings);
}

}  // namespace alignsim::experiment

#include "sim/scenario/sweep_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "sim/design/design.hpp"
#include "sim/errors.hpp"
#include "sim/scenario/design_csv.hpp"
#include "sim/scenario/key_suggestion.hpp"
#include "sim/scenario/catalog_keys.hpp"
#include "sim/scenario/setting_value.hpp"
#include "sim/scenario/sweep_factors.hpp"
#include "sim/scenario/sweep_values.hpp"
#include "sim/design/sobol_sequence.hpp"

namespace alignsim::sim::detail {
namespace {

const std::vector<std::string> kSweepKeys{"design", "samples", "levels", "factors", "points", "outputs", "bootstrap"};

std::vector<std::string> read_outputs(const SweepContext& context, const MapEntry& entry) {
  const std::string allowed = context.outputs.empty() ? "summary metric names" : "some of: " + list_names(context.outputs, 0);
  if (!entry.value.IsSequence() || entry.value.size() == 0) {
    throw_scenario_error(entry.value_at, "sweep.outputs", "a non-empty list of metrics is expected", allowed);
  }
  std::vector<std::string> outputs;
  for (const auto& item : entry.value) {
    const SourceLocation at = location_of(context.file, item.Mark());
    const std::string name = item.IsScalar() ? item.Scalar() : std::string();
    const bool known = std::find(context.outputs.begin(), context.outputs.end(), name) != context.outputs.end();
    if (name.empty() || (!context.outputs.empty() && !known)) {
      throw_scenario_error(at, "sweep.outputs", quote_for_message(name) + " is not a summary metric", allowed);
    }
    outputs.push_back(name);
  }
  return outputs;
}

}  // namespace

SweepSpec read_sweep(const SweepContext& context, const MapEntry& entry) {
  if (!entry.value.IsMap()) {
    throw_scenario_error(entry.value_at, "sweep", node_kind_name(entry.value) + " where a section is expected",
                         "a mapping of " + list_names(kSweepKeys, 0));
  }
  SweepSpec sweep;
  sweep.where = entry.key_at;
  std::optional<MapEntry> points_entry, design_entry;
  bool has_factors = false;
  for (const MapEntry& e : mapping_entries(entry.value, context.file, "sweep")) {
    if (e.key == "design") {
      design_entry = e;
    } else if (e.key == "samples") {
      sweep.samples = read_count(e, "sweep.samples", 1);
    } else if (e.key == "levels") {
      sweep.levels = read_count(e, "sweep.levels", 1);
    } else if (e.key == "bootstrap") {
      sweep.bootstrap = read_count(e, "sweep.bootstrap", 0);
    } else if (e.key == "outputs") {
      sweep.outputs = read_outputs(context, e);
    } else if (e.key == "points") {
      points_entry = e;
    } else if (e.key != "factors") {
      throw_unknown(e, "sweep." + e.key, kSweepKeys);
    }
  }
  if (!design_entry) throw_scenario_error(entry.key_at, "sweep", "no design given", "design: one of " + design_kind_names());
  const std::string name = read_word(*design_entry, "sweep.design", design_kind_names());
  const auto kind = design_kind_from_name(name);
  if (!kind) {
    throw_scenario_error(design_entry->value_at, "sweep.design", quote_for_message(name) + " is not a design",
                         "one of: " + design_kind_names());
  }
  sweep.kind = *kind;
  for (const MapEntry& e : mapping_entries(entry.value, context.file, "sweep")) {
    if (e.key != "factors") continue;
    sweep.factors = read_factors(context, e, sweep.kind == DesignKind::list);
    has_factors = true;
  }
  if (!has_factors) throw_scenario_error(entry.key_at, "sweep", "no factors given", "factors: a list of parameters to vary");
  if (points_entry) {
    if (sweep.kind != DesignKind::list) {
      throw_scenario_error(points_entry->key_at, "sweep.points", "explicit points belong to design: list",
                           "samples: N for generated designs");
    }
    sweep.list = read_points(context, *points_entry, sweep.factors);
  }
  return sweep;
}

std::optional<SweepSpec> apply_sweep_options(std::optional<SweepSpec> from_file, const SweepOptions& options,
                                             const ParameterCatalog& catalog) {
  if (options.empty()) return from_file;
  const SourceLocation option_at{kCommandLine, 0, 0};
  if (!options.design_csv.empty()) {
    if (!options.design.empty() || !options.factors.empty() || options.samples || options.levels) {
      throw_scenario_error(option_at, "--design-csv", "the CSV file is the whole design",
                           "--design-csv alone, without --design, --factor, --samples or --levels");
    }
    SweepSpec sweep = read_design_csv(options.design_csv, catalog);
    if (from_file) sweep.outputs = from_file->outputs, sweep.bootstrap = from_file->bootstrap;
    return sweep;
  }
  if (!from_file && options.design.empty()) {
    throw_scenario_error(option_at, "--design", "the scenario has no sweep: section", "--design NAME with --factor");
  }
  SweepSpec sweep = from_file.value_or(SweepSpec{});
  if (!options.design.empty()) {
    const auto kind = design_kind_from_name(options.design);
    if (!kind) {
      throw_scenario_error(option_at, "--design", quote_for_message(options.design) + " is not a design",
                           "one of: " + design_kind_names() + " (or lhs, oat)");
    }
    sweep.kind = *kind;
    sweep.where = option_at;
    if (*kind == DesignKind::list) throw_scenario_error(option_at, "--design", "list designs need a file", "a sweep: section with points:");
  }
  if (options.samples) sweep.samples = static_cast<std::size_t>(std::max<std::int64_t>(0, *options.samples));
  if (options.levels) sweep.levels = static_cast<std::size_t>(std::max<std::int64_t>(0, *options.levels));
  if (!options.factors.empty()) {
    sweep.factors.clear();
    sweep.list.clear();
    std::set<std::string> keys;
    for (std::size_t i = 0; i < options.factors.size(); ++i) {
      Factor factor = read_factor_option(catalog, options.factors[i], static_cast<int>(i) + 1);
      if (!keys.insert(factor.key).second) {
        throw_scenario_error({kCommandLine, static_cast<int>(i) + 1, 1}, "--factor",
                             quote_for_message(factor.key) + " is already a factor", "each parameter once");
      }
      factor.where = {kCommandLine, static_cast<int>(i) + 1, 1};
      sweep.factors.push_back(std::move(factor));
    }
  }
  return sweep;
}

// Defaults that depend on the design kind, then the rules between fields.
void check_sweep(const SweepSpec& sweep) {
  const std::size_t k = sweep.factors.size();
  const auto fail = [&](const std::string& key, const std::string& problem, const std::string& allowed) {
    throw_scenario_error(sweep.where, key, problem, allowed);
  };
  if (k == 0) fail("sweep.factors", "no factors given", "at least one factor");
  const bool sampled = sweep.kind == DesignKind::latin_hypercube || sweep.kind == DesignKind::sobol ||
                       sweep.kind == DesignKind::saltelli || sweep.kind == DesignKind::morris;
  if (sampled && sweep.samples == 0) fail("sweep.samples", "no sample size given", "samples: N >= 1 (--samples N)");
  if (sweep.kind == DesignKind::saltelli && sweep.samples < 2) fail("sweep.samples", "too few samples", "N >= 2");
  if (sweep.kind == DesignKind::sobol && k > SobolSequence::max_dimensions) {
    fail("sweep.factors", std::to_string(k) + " factors", "at most 32 for a Sobol design");
  }
  if (sweep.kind == DesignKind::saltelli && 2 * k > SobolSequence::max_dimensions) {
    fail("sweep.factors", std::to_string(k) + " factors", "at most 16 for a Saltelli design (2k Sobol dimensions)");
  }
  if (sweep.kind == DesignKind::morris && (sweep.levels < 2 || sweep.levels % 2 != 0)) {
    fail("sweep.levels", std::to_string(sweep.levels) + " levels", "an even number >= 2 for Morris, e.g. 4");
  }
  if (sweep.kind == DesignKind::list && sweep.list.empty()) fail("sweep.points", "no points given", "points: a list of rows");
  double points = 1;
  for (const Factor& f : sweep.factors) {
    points *= sweep.kind == DesignKind::grid
                  ? double(f.distribution == Distribution::categorical ? f.choices.size() : std::max<std::size_t>(1, sweep.levels))
                  : 1.0;
  }
  if (points > double(kMaxPoints) || double(design_size(sweep)) > double(kMaxPoints)) {
    fail("sweep", "the design has too many points", "at most " + std::to_string(kMaxPoints));
  }
}

std::string sweep_yaml(const SweepSpec& sweep) {
  std::string out = "sweep:\n  design: " + design_kind_name(sweep.kind) + "\n";
  if (sweep.samples > 0) out += "  samples: " + std::to_string(sweep.samples) + "\n";
  if (sweep.levels > 0) out += "  levels: " + std::to_string(sweep.levels) + "\n";
  out += "  bootstrap: " + std::to_string(sweep.bootstrap) + "\n";
  if (!sweep.outputs.empty()) out += "  outputs: [" + list_names(sweep.outputs, 0) + "]\n";
  out += "  factors:\n";
  for (const Factor& f : sweep.factors) {
    out += "    - {key: " + f.key + ", distribution: " + distribution_name(f.distribution);
    if (f.distribution == Distribution::categorical) {
      std::string words;
      for (const std::string& c : f.choices) words += (words.empty() ? "" : ", ") + to_yaml_scalar(c);
      out += ", values: [" + words + "]}\n";
      continue;
    }
    const bool integer = f.distribution == Distribution::integer;
    const auto number = [&](double v) {
      return integer ? value_to_text(static_cast<std::int64_t>(v)) : value_to_text(v);
    };
    out += ", low: " + number(f.low) + ", high: " + number(f.high);
    if (f.distribution == Distribution::normal) out += ", mean: " + number(f.mean) + ", sd: " + value_to_text(f.sd);
    out += "}\n";
  }
  if (sweep.kind != DesignKind::list) return out;
  out += "  points:\n";
  for (const auto& row : sweep.list) {
    std::string values;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Factor& f = sweep.factors[i];
      const std::string text = f.distribution == Distribution::categorical
                                   ? to_yaml_scalar(f.choices[static_cast<std::size_t>(row[i])])
                                   : (f.distribution == Distribution::integer
                                          ? value_to_text(static_cast<std::int64_t>(row[i]))
                                          : value_to_text(row[i]));
      values += (values.empty() ? "" : ", ") + text;
    }
    out += "    - [" + values + "]\n";
  }
  return out;
}

}  // namespace alignsim::sim::detail

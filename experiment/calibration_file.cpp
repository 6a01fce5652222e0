#include "experiment/calibration_file.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "experiment/outcome_text.hpp"
#include "sim/durability/atomic_file.hpp"
#include "sim/errors.hpp"
#include "sim/io/alignsim_file.hpp"
#include "sim/io/hdf5_build.hpp"

namespace alignsim::experiment {
namespace {

namespace hdf5 = sim::hdf5;

void write_doubles(hid_t group, const std::string& name, const std::vector<hsize_t>& shape,
                   const std::vector<double>& values) {
  const hdf5::Dataset dataset = hdf5::create_dataset(group, name, H5T_IEEE_F64LE, shape,
                                                     hdf5::untimed_creation_properties(H5P_DATASET_CREATE));
  if (values.empty()) return;
  hdf5::check(H5Dwrite(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
              "writing dataset " + name);
}

std::vector<double> flattened(const std::vector<std::vector<double>>& rows) {
  std::vector<double> flat;
  for (const std::vector<double>& row : rows) flat.insert(flat.end(), row.begin(), row.end());
  return flat;
}

// Parameter values of unit points, factor order.
std::vector<std::vector<double>> values_of(const std::vector<CalibrationFactor>& factors,
                                           const std::vector<std::vector<double>>& unit_points) {
  std::vector<std::vector<double>> values;
  for (const std::vector<double>& point : unit_points) {
    std::vector<double> row;
    for (std::size_t f = 0; f < factors.size(); ++f) row.push_back(factors[f].value_at(point[f]));
    values.push_back(std::move(row));
  }
  return values;
}

void write_factors(hid_t root, const CalibrationRecord& record, const hdf5::Datatype& text) {
  const hdf5::Group group = hdf5::create_group(root, "factors");
  std::vector<std::string> keys, shapes;
  std::vector<double> low, high;
  for (const CalibrationFactor& factor : record.factors) {
    keys.push_back(factor.key);
    shapes.push_back(factor.range.shape == sim::RangeShape::log_uniform ? "log_uniform" : "uniform");
    low.push_back(factor.range.low);
    high.push_back(factor.range.high);
  }
  static_cast<void>(hdf5::write_string_dataset(group.get(), "key", keys, text));
  static_cast<void>(hdf5::write_string_dataset(group.get(), "shape", shapes, text));
  write_doubles(group.get(), "low", {keys.size()}, low);
  write_doubles(group.get(), "high", {keys.size()}, high);
}

void write_patterns(hid_t root, const CalibrationRecord& record, const hdf5::Datatype& text) {
  const hdf5::Group group = hdf5::create_group(root, "patterns");
  std::vector<std::string> names;
  std::vector<double> observed, observation_sd, discrepancy_sd;
  for (const PatternTarget& target : record.targets) {
    names.push_back(target.name);
    observed.push_back(target.observed);
    observation_sd.push_back(std::sqrt(target.observation_variance));
    discrepancy_sd.push_back(std::sqrt(target.discrepancy_variance));
  }
  static_cast<void>(hdf5::write_string_dataset(group.get(), "name", names, text));
  write_doubles(group.get(), "observed", {names.size()}, observed);
  write_doubles(group.get(), "observation_sd", {names.size()}, observation_sd);
  write_doubles(group.get(), "discrepancy_sd", {names.size()}, discrepancy_sd);
}

void write_wave(hid_t waves, std::size_t index, const Wave& wave, const CalibrationRecord& record,
                const hdf5::Datatype& text) {
  const hdf5::Group group = hdf5::create_group(waves, "wave_" + std::to_string(index + 1));
  const hsize_t points = wave.points.size(), factors = record.factors.size(), patterns = record.targets.size();
  write_doubles(group.get(), "box_low", {factors}, wave.low);
  write_doubles(group.get(), "box_high", {factors}, wave.high);
  write_doubles(group.get(), "unit_points", {points, factors}, flattened(wave.points));
  write_doubles(group.get(), "values", {points, factors}, flattened(values_of(record.factors, wave.points)));
  write_doubles(group.get(), "implausibility", {points, patterns}, flattened(wave.implausibility));
  write_doubles(group.get(), "max_implausibility", {points}, wave.max_implausibility);
  std::vector<double> kept(wave.kept.begin(), wave.kept.end()), ruled(wave.ruled_out_by.begin(), wave.ruled_out_by.end());
  write_doubles(group.get(), "kept", {points}, kept);
  write_doubles(group.get(), "ruled_out_by", {patterns}, ruled);
  hdf5::write_int64_attribute(group.get(), "points", static_cast<std::int64_t>(points));
  hdf5::write_int64_attribute(group.get(), "kept_points", static_cast<std::int64_t>(wave.kept_count()));
  hdf5::write_int64_attribute(group.get(), "emulator_candidates", static_cast<std::int64_t>(wave.candidates));
  hdf5::write_int64_attribute(group.get(), "emulator_plausible", static_cast<std::int64_t>(wave.emulated_plausible));
  hdf5::write_number_attribute(group.get(), "box_volume", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, wave.box_volume());
  if (patterns > 0) {
    hdf5::write_string_attribute(group.get(), "most_ruling_pattern", record.targets[wave.most_ruling_pattern()].name,
                                 text);
  }
}

void write_contents(const std::filesystem::path& temporary, const CalibrationRecord& record) {
  const hdf5::PropertyList creation = hdf5::untimed_creation_properties(H5P_FILE_CREATE);
  hdf5::File file(H5Fcreate(temporary.c_str(), H5F_ACC_TRUNC, creation.get(), H5P_DEFAULT),
                  "creating " + sim::quoted(temporary));
  const hid_t root = file.get();
  const hdf5::Datatype text = hdf5::make_utf8_string_type();
  hdf5::write_string_attribute(root, "kind", "alignsim calibration", text);
  hdf5::write_string_attribute(root, "scenario", record.scenario, text);
  hdf5::write_string_attribute(root, "patterns_file", record.patterns_file, text);
  hdf5::write_string_attribute(root, "stop_reason", stop_reason_text(record.match.stop), text);
  hdf5::write_number_attribute(root, "cutoff", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, record.plan.cutoff);
  hdf5::write_int64_attribute(root, "points_per_wave", static_cast<std::int64_t>(record.plan.points_per_wave));
  hdf5::write_int64_attribute(root, "max_waves", static_cast<std::int64_t>(record.plan.max_waves));
  hdf5::write_int64_attribute(root, "replicates_per_point", static_cast<std::int64_t>(record.replicates));
  hdf5::write_int64_attribute(root, "seed", static_cast<std::int64_t>(record.plan.seed));
  hdf5::write_int64_attribute(root, "emulated", record.plan.emulate ? 1 : 0);
  write_factors(root, record, text);
  write_patterns(root, record, text);
  {
    const hdf5::Group waves = hdf5::create_group(root, "waves");
    for (std::size_t w = 0; w < record.match.waves.size(); ++w) write_wave(waves.get(), w, record.match.waves[w], record, text);
  }
  const hdf5::Group ensemble = hdf5::create_group(root, "ensemble");
  const std::vector<std::vector<double>> plausible = record.match.plausible();
  const hsize_t members = plausible.size(), factors = record.factors.size();
  write_doubles(ensemble.get(), "unit_points", {members, factors}, flattened(plausible));
  write_doubles(ensemble.get(), "values", {members, factors}, flattened(values_of(record.factors, plausible)));
  file.close("closing " + sim::quoted(temporary));
}

std::string ensemble_text(const CalibrationRecord& record) {
  std::ostringstream out;
  const std::vector<std::vector<double>> plausible = record.match.plausible();
  out << kEnsembleHeader << " (docs/patterns.md): the parameter vectors history matching left\n"
      << "# plausible, one row per member, values in the order of `factors`. Reproduce with\n"
      << "#   alignsim calibrate <scenario> --patterns " << record.patterns_file << " (calibration.h5 beside this file\n"
      << "#   holds every wave's diagnostics).\n"
      << "scenario: " << record.scenario << "\n"
      << "patterns: " << record.patterns_file << "\n"
      << "waves: " << record.match.waves.size() << "\n"
      << "stop: " << stop_reason_text(record.match.stop) << "\n"
      << "factors:\n";
  for (const CalibrationFactor& factor : record.factors) out << "  - " << factor.key << "\n";
  out << "members:" << (plausible.empty() ? " []" : "") << "\n";
  for (const std::vector<double>& values : values_of(record.factors, plausible)) {
    out << "  - [";
    for (std::size_t f = 0; f < values.size(); ++f) out << (f > 0 ? ", " : "") << round_trip_text(values[f]);
    out << "]\n";
  }
  return out.str();
}

}  // namespace

void write_calibration_file(const std::filesystem::path& path, const CalibrationRecord& record) {
  sim::check_destination(path, true);
  if (sim::check_replaceable(path)) {
    const std::string why = sim::why_not_written_by_alignsim(path);
    if (!why.empty()) throw OutputError(sim::quoted(path) + " exists and " + why + "; it is left as it is");
  }
  sim::TemporaryFileGuard temporary(sim::temporary_path_for(path));
  write_contents(temporary.path(), record);
  sim::fsync_path(temporary.path(), false);
  sim::publish(temporary.path(), path, true);
  temporary.release();
}

void write_ensemble_file(const std::filesystem::path& path, const CalibrationRecord& record) {
  sim::publish_text_file(path, ensemble_text(record), kEnsembleHeader, "an ensemble file");
}

}  // namespace alignsim::experiment

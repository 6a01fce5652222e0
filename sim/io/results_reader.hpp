#pragma once
// Reading back a finished results file (docs/output-format.md): its variants, the names
// of its summary and series metrics, and one metric's values for one variant over every
// replicate. Used by `alignsim patterns check`, which evaluates statistics of a file the
// model wrote without naming any model's metric.
//
// Thread safety: none (HDF5); call from the one thread that uses HDF5.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/io/hdf5_handle.hpp"

namespace alignsim::sim {

class ResultsReader {
 public:
  // Opens a results file of a variants run (not a design). Throws UsageError, naming the
  // file, when it is not a results file alignsim wrote, is of another format version or
  // holds design points instead of variants; OutputError when HDF5 fails.
  explicit ResultsReader(const std::filesystem::path& file);
  [[nodiscard]] const std::vector<std::string>& variants() const noexcept { return variants_; }
  // The index of the variant named `name`; nullopt if the file has none. Constant time:
  // a calibration wave's file holds thousands of variants, each looked up per pattern.
  [[nodiscard]] std::optional<std::size_t> find_variant(const std::string& name) const;
  [[nodiscard]] std::size_t replicates() const noexcept { return replicates_; }
  [[nodiscard]] const std::vector<std::string>& summary_metrics() const noexcept { return summary_metrics_; }
  [[nodiscard]] const std::vector<std::string>& series_metrics() const noexcept { return series_metrics_; }
  // Reported business days elapsed at the end of each period (/timeseries/period).
  [[nodiscard]] const std::vector<std::int64_t>& period_end_days() const noexcept { return period_end_days_; }

  // /summary/METRIC of `variant` (an index into variants()): one value per replicate,
  // NaN for a failed run.
  [[nodiscard]] std::vector<double> summary(const std::string& metric, std::size_t variant) const;
  // /timeseries/METRIC of `variant`: values[replicate * periods + period].
  [[nodiscard]] std::vector<double> series(const std::string& metric, std::size_t variant) const;

 private:
  std::filesystem::path path_;
  hdf5::File file_;
  std::vector<std::string> variants_;
  std::unordered_map<std::string, std::size_t> variant_indices_;
  std::size_t replicates_ = 0;
  std::vector<std::string> summary_metrics_;
  std::vector<std::string> series_metrics_;
  std::vector<std::int64_t> period_end_days_;
};

}  // namespace alignsim::sim

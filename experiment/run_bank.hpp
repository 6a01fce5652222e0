#pragma once
// A run bank (issue 13 item 6): every run of an experiment as one CSV row, written next
// to the HDF5 results so SALib, scikit-learn, emcee or a simulation-based-inference
// package can read alignsim's runs without glue: the entry (variant or design point),
// the parameters that vary between runs (a sweep's factors, an ensemble's keys, the keys
// the variants set), the scenario seed, the replicate, and every summary output.
//
// The first line is a comment ("# alignsim run bank ...": numpy.genfromtxt(...,
// names=True, skip_header=1) or pandas.read_csv(..., comment="#") skip it), the second
// the header. Rows arrive in run order
// and go to a hidden temporary file, published atomically once the results file is, so
// the bank is byte-identical for any thread or rank count and after a resume, and a
// failed run leaves none. An existing file of the name is replaced only if it is an
// earlier run bank. Not thread-safe: feed from the runner's sink.
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "experiment/run_table.hpp"
#include "sim/durability/atomic_file.hpp"

namespace alignsim::experiment {

inline constexpr const char* kRunBankHeader = "# alignsim run bank";

class RunBank {
 public:
  // Checks the destination and opens the temporary file. Throws OutputError.
  RunBank(std::filesystem::path path, const Experiment& experiment, const RunTable& runs);
  ~RunBank();
  RunBank(const RunBank&) = delete;
  RunBank& operator=(const RunBank&) = delete;

  void add(std::size_t entry, std::size_t replicate, const sim::RunOutput& run);
  // Flushes, syncs and moves the bank into place. Throws OutputError.
  void publish();

 private:
  [[nodiscard]] std::vector<std::string> parameters_of(std::size_t entry, std::size_t replicate) const;

  std::filesystem::path path_;
  const Experiment& experiment_;
  const RunTable& runs_;
  std::vector<std::string> keys_;  // the parameter columns
  std::optional<sim::TemporaryFileGuard> temporary_;
  std::FILE* out_ = nullptr;
};

}  // namespace alignsim::experiment

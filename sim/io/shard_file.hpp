#pragma once
// Shard files: the runs of one slice (sim/shard.hpp) of a run list, written by
// `alignsim run --shard I/N` and combined by `alignsim merge`. HDF5, run-major and
// compact (a shard holds only its own runs), with the same provenance attributes as a
// results file plus the run identity and the shard's place; docs/output-format.md
// ("Shard files") lists every path.
//
// A shard file is written under a temporary name and published by commit(), like a
// results file, so a shard file that exists under its final name is complete.
//
// Thread safety: none (HDF5); use each writer or reader from one thread.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "sim/run_output.hpp"

namespace alignsim::sim {

struct ShardHeader {
  std::string identity;  // the run identity (cli/run_identity.hpp), including "shard: I/N"
  std::string version;
  std::string git_revision;
  std::string scenario_name;
  std::string scenario_yaml;
  std::size_t index = 0;  // I
  std::size_t count = 1;  // N
  std::size_t entries = 0;
  std::size_t replicates = 0;
  std::size_t summary_size = 0;  // values per run
  std::size_t series_size = 0;
  std::size_t agents_size = 0;  // agent-table values per run (RunOutput::agents)

  [[nodiscard]] std::size_t total_runs() const noexcept { return entries * replicates; }
  [[nodiscard]] std::size_t rows() const noexcept;  // runs this shard holds
};

class ShardWriter {
 public:
  // Refuses like ResultsFile (OutputError) and creates ".NAME.tmp-*" next to `path`.
  ShardWriter(std::filesystem::path path, const ShardHeader& header, bool overwrite);
  ~ShardWriter();  // deletes the temporary unless committed
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Runs of this shard, in run order (run = replicate x entries + entry).
  void write(std::size_t run, const RunOutput& output);
  // Requires every run of the shard written; flushes, fsyncs and renames into place.
  void commit();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

class ShardReader {
 public:
  // Throws OutputError if `path` is not a readable alignsim shard file of this format
  // version, or if its header does not match its checksum.
  explicit ShardReader(std::filesystem::path path);
  ~ShardReader();
  ShardReader(ShardReader&&) noexcept;
  ShardReader& operator=(ShardReader&&) noexcept;

  [[nodiscard]] const ShardHeader& header() const noexcept;
  [[nodiscard]] const std::filesystem::path& path() const noexcept;
  // Rows stored, and what is wrong with their run numbers ("" when they are exactly this
  // shard's runs in order), e.g. "is incomplete: it holds 2 runs, expected 3".
  [[nodiscard]] std::size_t stored_rows() const noexcept;
  [[nodiscard]] std::string run_table_problem();
  // Reads every block and checks it against its checksum (format version 2). Throws
  // OutputError naming the file and the damaged rows. Leaves the reader as it was.
  void verify() const;
  // The run `run` (one this shard holds). Reads in blocks, so reading runs in order
  // touches each block once.
  [[nodiscard]] RunOutput read(std::size_t run);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace alignsim::sim

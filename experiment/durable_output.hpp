#pragma once
// Everything around an output file that makes `alignsim run` safe to kill and resume:
// the exclusive lock on the output name, the run journal (.NAME.journal) and the cleanup
// of temporaries left by killed processes. docs/output-format.md describes the rules:
//
//   journal exists, --resume      continue it (refused, exit 2, if it is another run's)
//   journal exists, --overwrite   discard it and start over
//   journal exists, neither       refuse (exit 2), suggesting --resume or --overwrite
//   no journal, --resume          start afresh; if the output already exists and was
//                                 made by this same run, report it complete (exit 0)
//   --resume and --overwrite      refused by the command line (they contradict each other)
//
// Not thread-safe; record() is called from the runner's sink (one thread, run order),
// known() from any thread.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "experiment/run_hooks.hpp"
#include "sim/durability/output_lock.hpp"
#include "sim/durability/run_journal.hpp"

namespace alignsim::experiment {

// Batching fdatasync: measured in docs/output-format.md ("Journal").
inline constexpr std::chrono::milliseconds kJournalSyncInterval{500};

struct DurabilityOptions {
  bool overwrite = false;
  bool resume = false;
  bool journal = true;  // false: lock and clean up only (merge: its inputs are durable)
  std::chrono::milliseconds sync_interval = kJournalSyncInterval;
  // Files the command reads (the scenario and its extends chain, or merge's shards): the
  // output may be none of them, through whatever path or link (UsageError).
  std::vector<std::filesystem::path> inputs;
  sim::JournalRecordShape record_shape{};  // what the experiment's runs look like (resume checks it)
};

class DurableOutput {
 public:
  // Checks the destination (not an input; nothing but an earlier alignsim file is ever
  // replaced: docs/safety.md), takes the lock, removes stale temporaries and opens or
  // creates the journal. Throws OutputError (exit 1) or UsageError (exit 2).
  DurableOutput(std::filesystem::path output, const std::string& identity, const DurabilityOptions& options);
  // Keeps the journal if it holds any run (so --resume can continue), else deletes it;
  // releases the lock. Never throws.
  ~DurableOutput();
  DurableOutput(const DurableOutput&) = delete;
  DurableOutput& operator=(const DurableOutput&) = delete;

  // The output exists, has no journal, and was made by this same run (--resume only).
  [[nodiscard]] bool already_complete() const noexcept { return already_complete_; }
  [[nodiscard]] RunHooks hooks();
  // After the output is published: delete the journal.
  void finish();
  // The journal holds finished runs that --resume would reuse.
  [[nodiscard]] bool holds_runs() const noexcept;
  // One line for the banner, e.g. "resuming: 40 runs from the journal, 2 failed runs to retry".
  [[nodiscard]] std::string resume_note() const;
  // One line if the journal was damaged (what was skipped or cut off, at which byte, and
  // that those runs are computed again), else empty: printed even with --quiet.
  [[nodiscard]] std::string damage_warning() const;

 private:
  // Whether the journal exists; OutputError for a link, device or FIFO at its name, which
  // is never followed (a resume would read and cut it) nor replaced.
  [[nodiscard]] bool journal_is_there() const;
  // An existing output about to be replaced must be one alignsim wrote (OutputError).
  void refuse_foreign_output() const;
  void open_journal(const std::string& identity, const DurabilityOptions& options, bool journal_exists);

  std::filesystem::path output_;
  std::filesystem::path journal_path_;
  std::optional<sim::OutputLock> lock_;
  std::optional<sim::RunJournal> journal_;
  bool resumed_ = false;
  bool replace_output_ = false;
  bool already_complete_ = false;
  bool recorded_ = false;  // this process appended a run
};

[[nodiscard]] std::filesystem::path journal_path_for(const std::filesystem::path& output);

// What can be checked of an output path before anything is created (a missing or
// unwritable directory, a directory of that name). Throws OutputError naming it.
void check_output_path(const std::filesystem::path& output);

}  // namespace alignsim::experiment

#include "experiment/durable_output.hpp"

#include <sys/stat.h>

#include "experiment/run_identity.hpp"
#include "sim/durability/atomic_file.hpp"
#include "sim/durability/checksum.hpp"
#include "sim/errors.hpp"
#include "sim/io/alignsim_file.hpp"
#include "sim/io/root_attributes.hpp"

namespace alignsim::experiment {
namespace fs = std::filesystem;
namespace {

// Whether an existing output was produced by the run `identity` describes: a shard file
// stores the identity itself; a results file its scenario text, version and revision.
bool made_by(const fs::path& output, const std::string& identity) {
  try {
    if (const auto stored = sim::read_root_string(output, "run_identity")) return *stored == identity;
    const auto yaml = sim::read_root_string(output, "scenario_yaml");
    const RunIdentity wanted = RunIdentity::parse(identity);
    return yaml && sim::hex64(sim::fnv1a64(*yaml)) == wanted.scenario_fnv1a64 && wanted.target_ci.empty() &&
           sim::read_root_string(output, "alignsim_version") == wanted.version &&
           sim::read_root_string(output, "git_revision") == wanted.git_revision;
  } catch (const OutputError&) {
    return false;  // not a readable alignsim file: certainly not this run's
  }
}

// Refuses an output that is one of the inputs: same device and inode, so any path, a
// symbolic link or a hard link to it counts.
void refuse_input_as_output(const fs::path& output, const std::vector<fs::path>& inputs) {
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0) return;  // nothing there yet: not an input
  for (const fs::path& input : inputs) {
    struct stat in {};
    if (::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      throw UsageError("results file " + sim::quoted(output) + " is the input file " + sim::quoted(input) +
                       "; writing the results there would destroy it: choose another output file");
    }
  }
}

}  // namespace

void check_output_path(const fs::path& output) {
  try {
    sim::check_destination(output, true);
  } catch (const OutputError& e) {
    throw OutputError("results file " + sim::quoted(output) + ": " + e.what());
  }
}

fs::path journal_path_for(const fs::path& output) {
  return sim::directory_of(output) / ("." + output.filename().string() + ".journal");
}

DurableOutput::DurableOutput(fs::path output, const std::string& identity, const DurabilityOptions& options)
    : output_(std::move(output)), journal_path_(journal_path_for(output_)) {
  refuse_input_as_output(output_, options.inputs);
  // Directory problems first, so they are named as such (not as a lock-file problem).
  check_output_path(output_);
  // Then the lock: a second process must fail here, before it looks at or touches anything.
  lock_.emplace(output_);
  const bool journal_exists = options.journal && journal_is_there();
  const bool output_exists = fs::exists(output_);
  if (journal_exists && !options.resume && !options.overwrite) {
    throw UsageError("an interrupted run of " + sim::quoted(output_) + " left its journal " +
                     sim::quoted(journal_path_) + ": pass --resume to continue it, or --overwrite to start over");
  }
  if (!journal_exists && options.resume && output_exists && !options.overwrite) {
    if (made_by(output_, identity)) {
      already_complete_ = true;
      return;
    }
    throw UsageError("nothing to resume: " + sim::quoted(output_) +
                     " exists, has no journal and was not made by this scenario, options and alignsim revision; "
                     "pass --overwrite instead of --resume to replace it");
  }
  if (output_exists && !options.overwrite && !(options.resume && journal_exists)) {
    throw OutputError("results file " + sim::quoted(output_) + " already exists (pass --overwrite to replace it)");
  }
  replace_output_ = options.overwrite || (options.resume && journal_exists);
  if (output_exists && replace_output_) refuse_foreign_output();
  // Under the lock no live writer owns a temporary of this name: they are a killed run's.
  sim::remove_stale_temporaries(output_);
  sim::remove_stale_temporaries(journal_path_);  // a kill while the journal was being created
  if (options.journal) open_journal(identity, options, journal_exists);
}

bool DurableOutput::journal_is_there() const {
  try {
    return sim::check_replaceable(journal_path_);
  } catch (const OutputError& e) {
    throw OutputError("journal " + sim::quoted(journal_path_) + " of " + sim::quoted(output_) + ": " + e.what());
  }
}

void DurableOutput::refuse_foreign_output() const {
  const std::string why_not = sim::why_not_written_by_alignsim(output_);
  if (why_not.empty()) return;
  throw OutputError("results file " + sim::quoted(output_) + " exists and " + why_not +
                    "; --overwrite replaces only a results or shard file alignsim wrote: remove it yourself or "
                    "choose another output file");
}

void DurableOutput::open_journal(const std::string& identity, const DurabilityOptions& options, bool journal_exists) {
  if (journal_exists && options.resume) {
    journal_.emplace(sim::RunJournal::open_existing(journal_path_, identity, options.sync_interval, options.record_shape));
    resumed_ = true;
    return;
  }
  journal_.emplace(sim::RunJournal::create(journal_path_, identity, options.sync_interval));
}

bool DurableOutput::holds_runs() const noexcept {
  if (!journal_) return false;
  const sim::JournalContents& at_open = journal_->contents_at_open();
  return recorded_ || at_open.completed > 0 || at_open.failed > 0;
}

DurableOutput::~DurableOutput() {
  // A journal with no run in it saves nothing; without it a plain rerun just works.
  if (journal_ && !holds_runs()) journal_->remove();
}

RunHooks DurableOutput::hooks() {
  RunHooks hooks;
  hooks.replace_output = replace_output_;
  if (!journal_) return hooks;
  const sim::RunJournal* journal = &*journal_;
  if (resumed_) hooks.known = [journal](std::size_t e, std::size_t r) { return journal->completed(e, r); };
  hooks.record = [this](std::size_t e, std::size_t r, const sim::RunOutput& output) {
    journal_->record(e, r, output);
    recorded_ = true;
  };
  return hooks;
}

void DurableOutput::finish() {
  if (journal_) journal_->remove();
  journal_.reset();
}

std::string DurableOutput::resume_note() const {
  if (!resumed_ || !journal_) return "";
  const sim::JournalContents& c = journal_->contents_at_open();
  std::string note = "resuming from " + sim::quoted(journal_path_) + ": " + std::to_string(c.completed) +
                     " finished runs reused, " + std::to_string(c.failed) + " failed runs to retry";
  if (c.scan.tail == sim::JournalTail::torn) {
    note += ", a torn last record (" + std::to_string(c.scan.tail_range.bytes) + " bytes) cut off";
  }
  return note;
}

std::string DurableOutput::damage_warning() const {
  if (!resumed_ || !journal_) return "";
  const std::string damage = sim::describe_damage(journal_->contents_at_open().scan);
  if (damage.empty()) return "";
  return "journal " + sim::quoted(journal_path_) + " is damaged: " + damage +
         "; the runs lost there are computed again";
}

}  // namespace alignsim::experiment

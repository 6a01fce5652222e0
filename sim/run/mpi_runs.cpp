#include "sim/run/mpi_runs.hpp"

#include <mpi.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <stdexcept>
#include <string>

#include "sim/errors.hpp"
#include "sim/run/progress_line.hpp"
#include "sim/durability/run_record.hpp"
#include "sim/run/thread_handoff.hpp"

namespace alignsim::sim {
namespace {

constexpr int kReadyTag = 1;  // worker -> 0: u32 runs wanted, then the last batch's records
constexpr int kWorkTag = 2;   // 0 -> worker: (u64 entry, u64 replicate) pairs
constexpr int kStopTag = 3;   // 0 -> worker: no more work, ever
// How far (in runs) rank 0 may hand out work beyond the oldest unfinished run, per run a
// worker asks for at a time: enough to keep every worker busy while one slow run is
// outstanding, and a bound on the results rank 0 buffers.
constexpr std::size_t kWindowPerWantedRun = 8;

void check_mpi(int status, const char* what) {
  if (status != MPI_SUCCESS) throw OutputError(std::string("MPI failed while ") + what);
}

void send(const std::string& bytes, int destination, int tag) {
  check_mpi(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, destination, tag, MPI_COMM_WORLD),
            "sending a message");
}

struct Message {
  int source = 0;
  int tag = 0;
  std::string bytes;
};

Message receive(int source) {
  MPI_Status status;
  check_mpi(MPI_Probe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &status), "waiting for a message");
  int size = 0;
  check_mpi(MPI_Get_count(&status, MPI_BYTE, &size), "sizing a message");
  Message message{status.MPI_SOURCE, status.MPI_TAG, std::string(static_cast<std::size_t>(size), '\0')};
  check_mpi(MPI_Recv(message.bytes.data(), size, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
                     MPI_STATUS_IGNORE),
            "receiving a message");
  return message;
}

template <class T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <class T>
T take_value(const std::string& bytes, std::size_t& at) {
  T value{};
  if (at + sizeof(T) > bytes.size()) throw OutputError("MPI message cut short");
  std::memcpy(&value, bytes.data() + at, sizeof(T));
  at += sizeof(T);
  return value;
}

// The coordinator's bookkeeping for one call of run_all.
class Round {
 public:
  Round(const RunPlan& plan, const RunLookup& known, const RunSink& sink, std::size_t window, bool progress)
      : plan_(plan), known_(known), sink_(sink), window_(window), progress_(plan.runs(), progress) {}

  [[nodiscard]] bool finished() const noexcept { return done_ == plan_.runs(); }
  [[nodiscard]] std::size_t outstanding() const noexcept { return outstanding_; }
  [[nodiscard]] std::size_t failed() const noexcept { return failed_; }

  // Up to `wanted` runs to compute, taken in run order within the window; runs known on
  // rank 0 are stored directly. Sets `resolved` if any was.
  std::vector<std::size_t> take(std::size_t wanted, bool& resolved) {
    std::vector<std::size_t> batch;
    while (next_ < plan_.runs() && next_ < done_ + window_ && batch.size() < wanted) {
      const std::size_t index = next_++;
      std::optional<RunOutput> found = known_ ? known_(plan_.entry_of(index), plan_.replicate_of(index)) : std::nullopt;
      if (found) {
        buffer_.emplace(index, std::move(*found));
        resolved = true;
      } else {
        batch.push_back(index);
      }
    }
    outstanding_ += batch.size();
    return batch;
  }

  std::string work_message(const std::vector<std::size_t>& batch) const {
    std::string bytes;
    for (std::size_t index : batch) {
      put<std::uint64_t>(bytes, plan_.entry_of(index));
      put<std::uint64_t>(bytes, plan_.replicate_of(index));
    }
    return bytes;
  }

  // Stores the records of a worker's request (after the u32 "wanted" header).
  void store_results(const std::string& bytes, std::size_t at) {
    while (at < bytes.size()) {
      const auto length = take_value<std::uint32_t>(bytes, at);
      if (at + length > bytes.size()) throw OutputError("MPI message cut short");
      RunRecord record = decode_run_record(std::string_view(bytes).substr(at, length));
      at += length;
      const std::size_t index = plan_.run_index(record.entry, record.replicate);
      buffer_.emplace(index, std::move(record.output));
      --outstanding_;
    }
  }

  // Feeds the sink every run that is next in run order.
  void flush() {
    for (auto it = buffer_.find(done_); it != buffer_.end(); it = buffer_.find(done_)) {
      if (!it->second.error.empty()) ++failed_;
      sink_(plan_.entry_of(done_), plan_.replicate_of(done_), std::move(it->second));
      buffer_.erase(it);
      progress_.update(++done_);
    }
    if (finished()) progress_.finish();
  }

 private:

  const RunPlan& plan_;
  const RunLookup& known_;
  const RunSink& sink_;
  std::size_t window_;
  ProgressLine progress_;
  std::size_t next_ = 0, done_ = 0, outstanding_ = 0, failed_ = 0;
  std::map<std::size_t, RunOutput> buffer_;  // finished runs waiting for their turn
};

std::string ready_message(std::uint32_t wanted, const std::vector<std::string>& records) {
  std::string bytes;
  put(bytes, wanted);
  for (const std::string& record : records) {
    put(bytes, static_cast<std::uint32_t>(record.size()));
    bytes += record;
  }
  return bytes;
}

}  // namespace

bool launched_by_mpi() noexcept {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

MpiWorld::MpiWorld() {
  int provided = 0;
  check_mpi(MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided), "initialising");
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiWorld::~MpiWorld() { MPI_Finalize(); }

MpiCoordinator::MpiCoordinator(const MpiWorld& world) : workers_(static_cast<std::size_t>(world.size() - 1)) {}

MpiCoordinator::~MpiCoordinator() {
  try {
    // A busy worker (rank 0 failed mid-round) or one not heard from yet sends one more
    // request; take it, then stop every worker.
    for (std::size_t w = 0; w < workers_.size(); ++w) {
      if (!workers_[w].idle) static_cast<void>(receive(static_cast<int>(w + 1)));
      send("", static_cast<int>(w + 1), kStopTag);
    }
  } catch (...) {
    MPI_Abort(MPI_COMM_WORLD, 1);  // cannot tell them politely; do not leave them hanging
  }
}

std::size_t MpiCoordinator::run_all(const RunPlan& plan, const RunLookup& known, const RunFunction& /*run*/,
                                    const RunSink& sink, const RunnerOptions& options) {
  std::size_t wanted_total = 0;
  for (const Worker& w : workers_) wanted_total += std::max<std::size_t>(w.wanted, 1);
  Round round(plan, known, sink, std::max<std::size_t>(64, kWindowPerWantedRun * std::max(wanted_total, workers_.size() * 4)),
              options.progress);
  while (true) {
    round.flush();
    if (round.finished()) break;
    bool resolved = false, handed_out = false;
    for (std::size_t w = 0; w < workers_.size(); ++w) {
      if (!workers_[w].idle) continue;
      const std::vector<std::size_t> batch = round.take(workers_[w].wanted, resolved);
      if (batch.empty()) break;
      send(round.work_message(batch), static_cast<int>(w + 1), kWorkTag);
      workers_[w].idle = false;
      handed_out = true;
    }
    if (resolved || handed_out) continue;
    const bool waiting_for_someone = round.outstanding() > 0 ||
                                     std::any_of(workers_.begin(), workers_.end(), [](const Worker& w) { return !w.idle; });
    if (!waiting_for_someone) throw std::logic_error("MPI coordinator: runs left but nothing in flight");
    const Message message = receive(MPI_ANY_SOURCE);
    if (message.tag != kReadyTag) throw OutputError("MPI: unexpected message from rank " + std::to_string(message.source));
    std::size_t at = 0;
    Worker& worker = workers_[static_cast<std::size_t>(message.source - 1)];
    worker.wanted = std::max<std::uint32_t>(take_value<std::uint32_t>(message.bytes, at), 1);
    worker.idle = true;
    round.store_results(message.bytes, at);
  }
  return round.failed();
}

void serve_runs(const RunFunction& run, std::size_t summary_size, std::size_t series_size, std::size_t threads) {
  oneapi::tbb::global_control limit(oneapi::tbb::global_control::max_allowed_parallelism, threads);
  oneapi::tbb::task_arena arena(static_cast<int>(threads));
  std::vector<std::string> records;
  while (true) {
    send(ready_message(static_cast<std::uint32_t>(threads), records), 0, kReadyTag);
    const Message message = receive(0);
    if (message.tag == kStopTag) return;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> batch;
    for (std::size_t at = 0; at < message.bytes.size();) {
      const auto entry = take_value<std::uint64_t>(message.bytes, at);
      batch.emplace_back(entry, take_value<std::uint64_t>(message.bytes, at));
    }
    records.assign(batch.size(), {});
    const char handoff = 0;  // see sim/thread_handoff.hpp
    release_handoff(&handoff);
    arena.execute([&] {
      // One run per task, so a slow run does not hold others back on its thread.
      oneapi::tbb::parallel_for(
          std::size_t{0}, batch.size(),
          [&](std::size_t i) {
            acquire_handoff(&handoff);
            const auto [entry, replicate] = batch[i];
            records[i] =
                encode_run_record(entry, replicate, run_isolated(summary_size, series_size, run, entry, replicate));
            release_handoff(&handoff);
          },
          oneapi::tbb::simple_partitioner());
    });
    acquire_handoff(&handoff);
  }
}

void broadcast_from_coordinator(std::vector<double>& values) {
  std::uint64_t count = values.size();
  check_mpi(MPI_Bcast(&count, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD), "broadcasting a size");
  values.resize(count);
  if (count == 0) return;
  check_mpi(MPI_Bcast(values.data(), static_cast<int>(count), MPI_DOUBLE, 0, MPI_COMM_WORLD), "broadcasting values");
}

}  // namespace alignsim::sim

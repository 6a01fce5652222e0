// alignsim_bench: measures one scenario end to end through the call path of `alignsim
// run` (experiment layer: run table, journal, replication rounds, HDF5 writer,
// statistics), at one thread and at all cores, plus the "floor": a loop that does only
// the unavoidable work of a simulated day (touch every prospect, draw one random
// number). Prints one CSV row (or the header with --header). scripts/bench runs it per
// scenario and size.
#include <oneapi/tbb/task_arena.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "experiment/durable_output.hpp"
#include "experiment/run_identity.hpp"
#include "experiment/run_table.hpp"
#include "experiment/variant_experiment.hpp"
#include "models/metric_catalog.hpp"
#include "models/parameter_catalog.hpp"
#include "models/simulation.hpp"
#include "sim/random/random.hpp"
#include "sim/run/runner.hpp"

namespace {

using Clock = std::chrono::steady_clock;
namespace experiment = alignsim::experiment;
namespace sim = alignsim::sim;

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec); };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Resident memory now, from /proc (getrusage only knows the peak).
double current_rss_mib() {
  std::FILE* status = std::fopen("/proc/self/status", "r");
  if (status == nullptr) return 0.0;
  char line[256];
  double kib = 0.0;
  while (std::fgets(line, sizeof line, status) != nullptr) {
    if (std::strncmp(line, "VmRSS:", 6) == 0) kib = std::strtod(line + 6, nullptr);
  }
  std::fclose(status);
  return kib / 1024.0;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

struct Measurement {
  // write: time the writer thread spent in ResultsFile calls (write_run, commit), which
  // the ordered pipeline stage serialises; compression: CPU time of the background tasks
  // that compress time-series chunks in parallel with the runs.
  double wall = 0, cpu = 0, write = 0, compression = 0;
  std::size_t runs = 0;
};

// Runs every variant and replicate as `alignsim run -o out --overwrite` does (journal
// included), without printing.
Measurement measure(const experiment::Experiment& loaded, std::size_t threads, const std::filesystem::path& out) {
  Measurement m;
  const double cpu0 = cpu_seconds();
  const auto t0 = Clock::now();
  const experiment::RunTable runs(loaded);
  const std::string identity = experiment::RunIdentity::of(loaded, {}, std::nullopt).text();
  experiment::DurableOutput durable(out, identity, {true, false, true, experiment::kJournalSyncInterval, {}});
  const experiment::VariantResults results =
      experiment::run_variants({loaded, runs, out, std::nullopt, {threads, false, nullptr}, durable.hooks(), {}});
  durable.finish();
  m.write = results.writer_seconds;
  m.compression = results.compression_seconds;
  m.wall = std::chrono::duration<double>(Clock::now() - t0).count();
  m.cpu = cpu_seconds() - cpu0;
  m.runs = results.total_runs();
  return m;
}

// Costs per event of the sales-marketing model (issue 17 item 4): runs of the first
// variant on this thread with their time split by phase (models/run_phase_costs.hpp),
// divided by what each phase handles on reported days. NaN for another model.
struct EventCosts {
  double setup_ns_per_prospect = NAN, ns_per_inquiry = NAN, ns_per_mql = NAN, ns_per_opportunity = NAN;
  double setup_share = NAN;  // of the model's time per run
  double seconds_per_run = NAN;
};

// The first variant's parameters of the sales-marketing model; null for another model.
std::shared_ptr<const alignsim::model::ModelParameters> first_variant_parameters(const experiment::Experiment& loaded) {
  if (!loaded.spec.model.empty() && loaded.spec.model != "sales_marketing") return nullptr;
  return std::make_shared<const alignsim::model::ModelParameters>(
      alignsim::model::model_parameters_from(loaded.spec.variants[0].resolved));
}

EventCosts measure_event_costs(const experiment::Experiment& loaded, std::size_t replicates) {
  EventCosts c;
  const auto p = first_variant_parameters(loaded);
  if (p == nullptr) return c;
  namespace model = alignsim::model;
  model::RunPhaseCosts costs;
  double inquiries = 0, mqls = 0, opportunities = 0;
  for (std::uint32_t r = 0; r < replicates; ++r) {
    const sim::RunOutput out = model::run_model_measured(p, r, costs);
    const auto total = [&](model::Summary m) { return out.summary[static_cast<std::size_t>(m)]; };
    inquiries += total(model::Summary::inquiries);
    mqls += total(model::Summary::mqls);
    opportunities += total(model::Summary::qualified);
  }
  const double n = static_cast<double>(replicates);
  c.setup_ns_per_prospect = 1e9 * costs.setup_seconds / (n * static_cast<double>(p->population.prospects));
  c.ns_per_inquiry = 1e9 * costs.demand_seconds / inquiries;
  c.ns_per_mql = 1e9 * costs.leads_seconds / mqls;
  c.ns_per_opportunity = 1e9 * costs.opportunities_seconds / opportunities;
  c.setup_share = costs.setup_seconds / costs.total_seconds();
  c.seconds_per_run = costs.total_seconds() / n;
  std::fprintf(stderr,
               "per run (%zu runs, one thread): %.2f ms = set-up %.2f + warm-up %.2f + demand %.2f + leads %.2f + "
               "opportunities %.2f + other %.2f + output %.2f\n",
               replicates, 1e3 * c.seconds_per_run, 1e3 * costs.setup_seconds / n, 1e3 * costs.warmup_seconds / n,
               1e3 * costs.demand_seconds / n, 1e3 * costs.leads_seconds / n, 1e3 * costs.opportunities_seconds / n,
               1e3 * costs.other_seconds / n, 1e3 * costs.output_seconds / n);
  return c;
}

// One run of the first variant on `threads` threads, in milliseconds: the parallel work
// inside a single run (issue 17 item 3), best of three. NaN for another model.
double one_run_ms(const experiment::Experiment& loaded, std::size_t threads) {
  const auto p = first_variant_parameters(loaded);
  if (p == nullptr) return NAN;
  oneapi::tbb::task_arena arena(static_cast<int>(threads));
  double best = INFINITY;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto t0 = Clock::now();
    arena.execute([&] { (void)alignsim::model::run_model(p, 0); });
    best = std::min(best, 1e3 * std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return best;
}

// The floor: one pass over every prospect per day, one counter-based draw each.
double floor_prospect_days_per_second(std::uint64_t prospects, std::uint32_t days) {
  const sim::RandomStreams random(1, 0);
  std::uint64_t engaged = 0;
  const auto t0 = Clock::now();
  for (std::uint32_t day = 0; day < days; ++day) {
    for (std::uint64_t i = 0; i < prospects; ++i) engaged += random.uniform({i, day, 3, 0}) < 0.0015 ? 1 : 0;
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  std::fprintf(stderr, "floor: %llu engagements\n", static_cast<unsigned long long>(engaged));  // keeps the loop
  return static_cast<double>(prospects) * days / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--header") == 0) {
    std::puts("scenario,prospects,days,runs,threads,wall_s,cpu_s,runs_per_s,prospect_days_per_cpu_s,"
              "efficiency,peak_rss_mib,bytes_per_prospect,hdf5_share,output_cpu_share,floor_prospect_days_per_s,"
              "ms_per_run,setup_ns_per_prospect,ns_per_inquiry,ns_per_mql,ns_per_opportunity,setup_share,"
              "process_share,one_run_ms");
    return 0;
  }
  if (argc < 3) {
    std::fprintf(stderr, "usage: alignsim_bench SCENARIO.yaml THREADS [--replicates N]\n       alignsim_bench --header\n");
    return 2;
  }
  try {
    experiment::ScenarioRequest request;
    request.file = argv[1];
    if (argc > 4 && std::strcmp(argv[3], "--replicates") == 0) request.replicates = std::stoll(argv[4]);
    const experiment::Experiment loaded = experiment::load_experiment(request);
    const sim::ScenarioSpec& scenario = loaded.spec;
    const std::size_t threads = sim::resolve_thread_count(std::stoul(argv[2]));
    const double rss_before_runs = current_rss_mib();
    const auto out = std::filesystem::temp_directory_path() / ("alignsim-bench-" + std::to_string(::getpid()) + ".h5");
    const Measurement one = measure(loaded, 1, out);
    // Peak after the one-thread pass: one run in memory at a time (the all-core pass
    // holds one run per thread).
    const double rss_one_run = peak_rss_mib();
    const Measurement all = threads > 1 ? measure(loaded, threads, out) : one;
    std::filesystem::remove(out);
    const auto prospects = static_cast<double>(sim::get_integer(scenario.variants[0].resolved, "population.prospects"));
    const double prospect_days = prospects * static_cast<double>(scenario.warmup_days + scenario.horizon_days) *
                                 static_cast<double>(one.runs);  // simulated days
    // At most 20 runs: per-event costs settle well before, and 10^6 prospects stay quick.
    const EventCosts events = measure_event_costs(loaded, std::min<std::size_t>(20, one.runs));
    // Process overhead: the one-thread pass's wall time not spent inside model runs
    // (loading, the HDF5 file, statistics, the journal).
    const double process_share = 1.0 - events.seconds_per_run * static_cast<double>(one.runs) / one.wall;
    const double floor = floor_prospect_days_per_second(static_cast<std::uint64_t>(std::min(prospects, 1e5)), 100);
    // Memory one run adds on top of the loaded program, per prospect.
    const double rss = peak_rss_mib();
    const double bytes_per_prospect = (rss_one_run - rss_before_runs) * 1048576.0 / prospects;
    for (const auto* m : {&one, &all}) {
      const std::size_t t = m == &one ? 1 : threads;
      if (m == &all && threads == 1) break;
      // hdf5_share: the writer thread's HDF5 time as a share of wall time. output_cpu_share:
      // everything spent on output (writer plus background compression) as a share of
      // all CPU time, i.e. of thread-seconds.
      std::printf("%s,%.0f,%lld,%zu,%zu,%.3f,%.3f,%.1f,%.3g,%.3f,%.1f,%.1f,%.4f,%.4f,%.3g,%.3f,%.0f,%.0f,%.0f,%.0f,%.3f,%.3f,%.2f\n",
                  scenario.name.c_str(), prospects, static_cast<long long>(scenario.horizon_days), m->runs, t, m->wall,
                  m->cpu, static_cast<double>(m->runs) / m->wall, prospect_days / m->cpu,
                  one.wall / (static_cast<double>(t) * m->wall), rss, bytes_per_prospect, m->write / m->wall,
                  (m->write + m->compression) / m->cpu, floor, 1e3 * events.seconds_per_run,
                  events.setup_ns_per_prospect, events.ns_per_inquiry, events.ns_per_mql, events.ns_per_opportunity,
                  events.setup_share, process_share, one_run_ms(loaded, t));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "alignsim_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}

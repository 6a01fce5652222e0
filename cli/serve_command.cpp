// `alignsim serve SCENARIO`: the live workshop explorer (docs/explorer.md). Serves a page
// with the scenario's levers on a local web server; each change runs base and what-if as
// paired replicates on all cores and streams the answer as it refines. Stops cleanly on
// SIGINT or SIGTERM: both are blocked in every thread and taken by one waiting thread,
// which stops the work and the server (nothing runs inside a signal handler).
#include <pthread.h>
#include <signal.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <fstream>
#include <thread>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_options.hpp"
#include "cli/thread_option.hpp"
#include "experiment/target_ci.hpp"
#include "explorer/explorer_server.hpp"
#include "explorer/levers.hpp"
#include "explorer/snapshot_json.hpp"
#include "sim/errors.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

struct ServeOptions {
  experiment::ScenarioRequest scenario;
  explorer::ServerOptions server;
  std::size_t threads = 0;
  std::size_t first = 8;
  std::string target_ci;
};

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

// Beyond this machine a page needs the token printed at start (16 random bytes, hex).
std::string new_token() {
  std::ifstream random("/dev/urandom", std::ios::binary);
  unsigned char bytes[16] = {};
  if (!random.read(reinterpret_cast<char*>(bytes), sizeof bytes)) throw OutputError("cannot read /dev/urandom for a token");
  std::string token;
  for (const unsigned char b : bytes) {
    static const char digits[] = "0123456789abcdef";
    token += digits[b >> 4];
    token += digits[b & 15];
  }
  return token;
}

explorer::ServedScenario checked_scenario(const ServeOptions& options, const experiment::Experiment& loaded) {
  if (loaded.spec.sweep) throw UsageError("serve explores variants, not sweeps: give a scenario without a sweep: section");
  explorer::ServedScenario served = explorer::served_scenario(options.scenario, loaded);
  if (served.levers.empty()) {
    throw UsageError("the scenario has no levers: add a levers: section listing parameters (docs/explorer.md)");
  }
  return served;
}

explorer::ProgressPlan progress_plan(const ServeOptions& options, const experiment::Experiment& loaded) {
  explorer::ProgressPlan plan;
  plan.max_replicates = static_cast<std::size_t>(loaded.spec.replicates);
  plan.first_replicates = std::min(options.first, plan.max_replicates);
  experiment::ExperimentOptions target;
  target.target_ci = options.target_ci;
  plan.target = experiment::parse_target_ci(target, loaded.model->outputs(), plan.max_replicates);
  if (plan.target) plan.target->max_replicates = plan.max_replicates;
  return plan;
}

int serve(const ServeOptions& options, const sigset_t& stop_signals) {
  const experiment::Experiment loaded = experiment::load_experiment(options.scenario);
  explorer::ServedScenario served = checked_scenario(options, loaded);
  const explorer::ProgressPlan plan = progress_plan(options, loaded);
  const std::string setup = explorer::page_setup_json(loaded, served.levers, plan);
  explorer::EventHub hub;
  explorer::ExplorerSession session(std::move(served), plan, {sim::resolve_thread_count(options.threads), false, nullptr},
                                    hub);
  (void)session.change({});  // the page opens on the base against itself: no lever moved yet
  explorer::ExplorerServer server(session, hub, setup, options.server);
  const int port = server.bind();
  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    hub.close();
    session.stop();
    server.stop();
  });
  const std::string token = options.server.token.empty() ? "" : "?token=" + options.server.token;
  std::printf("alignsim serve: %s, %zu levers, up to %zu paired replicates (seed %llu)\n", loaded.spec.name.c_str(),
              session.served().levers.size(), plan.max_replicates, static_cast<unsigned long long>(loaded.spec.seed));
  std::printf("Open http://%s:%d/%s in a browser; Ctrl-C stops.\n", options.server.host.c_str(), port, token.c_str());
  std::fflush(stdout);
  const bool served_well = server.serve();
  pthread_kill(stopper.native_handle(), SIGTERM);  // pending until its sigwait takes it
  stopper.join();
  std::printf("alignsim serve: stopped\n");
  return served_well ? kExitOk : kExitFailure;
}

}  // namespace

int serve_command(const Arguments& args) {
  ServeOptions options;
  po::options_description description("Usage: alignsim serve SCENARIO.yaml [options]\n\n"
                                      "Serves the live what-if explorer: a page with the scenario's levers; each change\n"
                                      "runs base and what-if as paired replicates and streams the answer as it refines.\n\n"
                                      "Options");
  description.add_options()("help,h", "show this help")
      ("port", po::value(&options.server.port)->default_value(8080), "port to listen on (0: any free port)")
      ("host", po::value(&options.server.host)->default_value("127.0.0.1"),
       "address to listen on; beyond 127.0.0.1 the page needs the printed token")
      ("first", po::value(&options.first)->default_value(8), "paired replicates of the first estimate")
      ("target-ci", po::value(&options.target_ci), "METRIC=HALFWIDTH: stop refining once every paired 95% CI "
                                                   "half-width of METRIC is below HALFWIDTH");
  const auto parsed = parse_scenario_command(args, description, options.scenario);
  if (!parsed) return kExitOk;
  const po::variables_map& vm = *parsed;
  if (!options.scenario.file) throw UsageError("give the scenario file to serve");
  options.threads = thread_count(vm);
  if (options.server.port < 0 || options.server.port > 65535) throw UsageError("--port must be in [0, 65535]");
  if (!is_loopback(options.server.host)) options.server.token = new_token();
  // Blocked before any thread starts, so every thread inherits the mask and only sigwait sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  return serve(options, stop_signals);
}

}  // namespace alignsim::cli

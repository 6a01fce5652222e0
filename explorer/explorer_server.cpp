#include "explorer/explorer_server.hpp"

#include <httplib.h>

#include <chrono>
#include <regex>

#include "explorer/embedded_assets.hpp"
#include "explorer/snapshot_json.hpp"
#include "sim/errors.hpp"

namespace alignsim::explorer {
namespace {

std::string content_type_of(const std::string& path) {
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".js") == 0) return "text/javascript; charset=utf-8";
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".css") == 0) return "text/css; charset=utf-8";
  return "text/html; charset=utf-8";
}

void send_json(httplib::Response& res, int status, const std::string& json) {
  res.status = status;
  res.set_content(json, "application/json");
}

// A comment line keeps an idle stream open through proxies and shows a closed page.
constexpr auto kKeepAliveInterval = std::chrono::seconds(15);
constexpr auto kWaitSlice = std::chrono::milliseconds(250);

}  // namespace

struct ExplorerServer::Impl {
  Impl(ExplorerSession& s, EventHub& h, std::string setup, ServerOptions o)
      : session(s), hub(h), setup_json(std::move(setup)), options(std::move(o)) {}

  ExplorerSession& session;
  EventHub& hub;
  std::string setup_json;
  ServerOptions options;
  httplib::Server server;

  bool authorised(const httplib::Request& req) const {
    return options.token.empty() || (req.has_param("token") && req.get_param_value("token") == options.token);
  }

  void serve_asset(const httplib::Request& req, httplib::Response& res) const {
    const std::string path = req.path == "/" ? "/index.html" : req.path;
    const auto& assets = embedded_assets();
    const auto found = assets.find(path);
    if (found == assets.end()) {
      res.status = 404;
      res.set_content("not found", "text/plain");
      return;
    }
    res.set_content(std::string(found->second), content_type_of(path).c_str());
    res.set_header("Cache-Control", "no-store");
  }

  // The form's lever values: every field but the token and (for a save) the replicates.
  static LeverValues lever_values(const httplib::Request& req) {
    LeverValues values;
    for (const auto& [key, value] : req.params) {
      if (key != "token" && key != "replicates") values[key] = value;
    }
    return values;
  }

  // A form's count field (replicates, what_ifs): digits only, at least 1.
  static std::int64_t count_field(const httplib::Request& req, const std::string& name, const std::string& meaning) {
    const std::string text = req.has_param(name) ? req.get_param_value(name) : "";
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos ||
        std::stoll(text) < 1) {
      throw UsageError(name + ": give " + meaning);
    }
    return std::stoll(text);
  }

  // "Add to report"'s form: what_ifs=N, replicates, and what_if_K.LEVER=VALUE for each
  // lever the K-th collected what-if moved (a what-if may move none). Any other field
  // is refused as no lever; the lever keys and values are checked by whatif_scenario.
  static std::vector<NamedWhatIf> report_what_ifs(const httplib::Request& req) {
    const std::int64_t count = count_field(req, "what_ifs", "the count of collected what-ifs");
    if (count > kMaxReportWhatIfs) {
      throw UsageError("what_ifs: at most " + std::to_string(kMaxReportWhatIfs) + " what-ifs go into one report");
    }
    std::vector<NamedWhatIf> what_ifs;
    for (std::int64_t k = 1; k <= count; ++k) what_ifs.push_back({"what_if_" + std::to_string(k), {}});
    static const std::regex field(R"(what_if_([1-9][0-9]{0,2})\.(.+))");
    for (const auto& [key, value] : req.params) {
      if (key == "token" || key == "replicates" || key == "what_ifs") continue;
      std::smatch parts;
      if (!std::regex_match(key, parts, field) || std::stoll(parts[1].str()) > count) {
        throw UsageError("'" + key.substr(0, 80) + "' is not a lever of this page");
      }
      what_ifs[std::stoull(parts[1].str()) - 1].values[parts[2].str()] = value;
    }
    return what_ifs;
  }

  void send_scenario(httplib::Response& res, const std::vector<NamedWhatIf>& what_ifs, std::int64_t replicates) {
    res.set_content(saved_scenario_text(session.served(), what_ifs, replicates), "text/yaml; charset=utf-8");
  }

  void save(const httplib::Request& req, httplib::Response& res) {
    try {
      const std::int64_t replicates = count_field(req, "replicates", "the count of paired replicates shown");
      send_scenario(res, {NamedWhatIf{kWhatIfVariant, lever_values(req)}}, replicates);
    } catch (const Error& e) {
      send_json(res, 400, error_json(0, e.what()));
    }
  }

  void report(const httplib::Request& req, httplib::Response& res) {
    try {
      const std::int64_t replicates = count_field(req, "replicates", "the count of paired replicates shown");
      send_scenario(res, report_what_ifs(req), replicates);
    } catch (const Error& e) {
      send_json(res, 400, error_json(0, e.what()));
    }
  }

  void change(const httplib::Request& req, httplib::Response& res) {
    const LeverValues values = lever_values(req);
    try {
      send_json(res, 200, "{\"generation\":" + std::to_string(session.change(values)) + "}");
    } catch (const ScenarioError& e) {
      send_json(res, 400, error_json(0, e.what()));
    } catch (const UsageError& e) {
      send_json(res, 400, error_json(0, e.what()));
    }
  }

  void events(httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    res.set_chunked_content_provider("text/event-stream", [this, seen = std::uint64_t{0},
                                                            quiet = std::chrono::steady_clock::duration{}](
                                                               std::size_t, httplib::DataSink& sink) mutable {
      if (hub.closed()) return false;
      if (const auto event = hub.wait_newer(seen, kWaitSlice)) {
        seen = event->number;
        quiet = {};
        const std::string text = "data: " + event->data + "\n\n";
        return sink.write(text.data(), text.size());
      }
      quiet += kWaitSlice;
      if (quiet < kKeepAliveInterval) return !hub.closed();
      quiet = {};
      return sink.write(":\n\n", 3);
    });
  }

  void routes() {
    server.set_payload_max_length(kMaxRequestBytes);
    server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (authorised(req)) return httplib::Server::HandlerResponse::Unhandled;
      res.status = 403;
      res.set_content("this explorer needs the token printed when it started", "text/plain");
      return httplib::Server::HandlerResponse::Handled;
    });
    server.Get("/api/setup", [this](const httplib::Request&, httplib::Response& res) { send_json(res, 200, setup_json); });
    server.Post("/api/whatif", [this](const httplib::Request& req, httplib::Response& res) { change(req, res); });
    server.Post("/api/scenario", [this](const httplib::Request& req, httplib::Response& res) { save(req, res); });
    server.Post("/api/report", [this](const httplib::Request& req, httplib::Response& res) { report(req, res); });
    server.Get("/api/events", [this](const httplib::Request&, httplib::Response& res) { events(res); });
    server.Get(R"(/[a-z]*(\.[a-z]+)?)", [this](const httplib::Request& req, httplib::Response& res) { serve_asset(req, res); });
  }
};

ExplorerServer::ExplorerServer(ExplorerSession& session, EventHub& hub, std::string setup_json, ServerOptions options)
    : impl_(std::make_unique<Impl>(session, hub, std::move(setup_json), std::move(options))) {
  impl_->routes();
}

ExplorerServer::~ExplorerServer() = default;

int ExplorerServer::bind() {
  const ServerOptions& o = impl_->options;
  const int port = o.port == 0 ? impl_->server.bind_to_any_port(o.host) : (impl_->server.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) throw OutputError("cannot listen on " + o.host + ":" + std::to_string(o.port) + " (in use, or not an address of this machine)");
  return port;
}

bool ExplorerServer::serve() { return impl_->server.listen_after_bind(); }

void ExplorerServer::stop() { impl_->server.stop(); }

}  // namespace alignsim::explorer

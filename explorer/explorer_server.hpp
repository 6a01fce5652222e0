#pragma once
// The local web server of `alignsim serve`: the embedded page, the page's setup
// (GET /api/setup), lever changes (POST /api/whatif, form-encoded key=value pairs) and
// the stream of updates (GET /api/events, server-sent events), "save as scenario"
// (POST /api/scenario) and "add to report"'s scenario of the collected what-ifs
// (POST /api/report). Only the embedded assets are served: no request path reaches
// the file system. Requests are capped at kMaxRequestBytes; with a token (set when listening beyond 127.0.0.1) every request
// must carry ?token=. Thread-safe: stop() may be called from any thread.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "explorer/event_hub.hpp"
#include "explorer/explorer_session.hpp"

namespace alignsim::explorer {

inline constexpr std::size_t kMaxRequestBytes = 64 * 1024;
// The most what-ifs one report scenario collects (a workshop explores a handful).
inline constexpr std::int64_t kMaxReportWhatIfs = 50;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;     // 0: any free port
  std::string token;   // empty: none required
};

class ExplorerServer {
 public:
  ExplorerServer(ExplorerSession& session, EventHub& hub, std::string setup_json, ServerOptions options);
  ~ExplorerServer();
  ExplorerServer(const ExplorerServer&) = delete;
  ExplorerServer& operator=(const ExplorerServer&) = delete;

  // Binds the address; returns the port (the chosen one for port 0). Throws OutputError
  // if the address cannot be bound.
  int bind();
  // Serves until stop(); returns false if the server failed.
  bool serve();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace alignsim::explorer

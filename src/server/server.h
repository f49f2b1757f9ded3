// `immstats serve`: a read-only HTTP server over the store (cpp-httplib), the JSON API and the dashboard.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "immstats/status.h"
#include "server/router.h"

namespace immstats::server {

struct ServeOptions {
  RouterOptions router;            // the store, the answer cache, the query gate
  std::string host = "127.0.0.1";
  int port = 8080;                 // 0: any free port (see Server::port())
  std::string cors_origin;         // empty: no CORS headers (the default)
  int threads = 0;                 // connection threads (one per open connection); 0: 64, or 16 per core when more
  std::chrono::seconds io_timeout{10};             // read and write timeouts per connection
  std::function<void(const std::string&)> log;     // one line per request; empty: stderr
};

class Server {
 public:
  explicit Server(ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  Status Bind();  // binds the host and port; port() tells which when 0 was asked
  int port() const;
  Status Run();   // serves until Stop(); call after Bind()
  void Stop();

  // True for addresses only this machine reaches (127.0.0.0/8, ::1, localhost).
  static bool IsLoopback(const std::string& host);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace immstats::server

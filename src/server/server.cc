// The cpp-httplib binding of the router: limits, a gate on concurrent queries, CORS when asked, a request log.
#include "server/server.h"

#include <httplib.h>
#include <netinet/tcp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "base/civil_date.h"

namespace immstats::server {

namespace {

constexpr size_t kMaxBodyBytes = 1024 * 1024;  // an article for POST /api/check, HTML included


// What the request log needs that httplib does not keep: when the request began and whether the cache answered.
struct RequestTrace {
  std::chrono::steady_clock::time_point start;
  bool cache_hit = false;
};
thread_local RequestTrace t_trace;

}  // namespace

struct Server::Impl {
  explicit Impl(ServeOptions o) : options(std::move(o)), router(options.router) {}
  ServeOptions options;
  Router router;
  httplib::Server http;
  int port = 0;
  // Stop() may come before Run() has started listening (httplib's stop() would then do nothing).
  std::atomic<bool> run_entered{false}, run_done{false}, stop_requested{false};
};

Server::Server(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  Impl* impl = impl_.get();
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  // httplib keeps a thread per open connection (keep-alive): enough for many browsers and load testers at once;
  // the query gate, not this, bounds the CPU work.
  const int threads = impl->options.threads > 0 ? impl->options.threads : static_cast<int>(std::max(64u, 16 * cores));
  impl->http.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  impl->http.set_payload_max_length(kMaxBodyBytes);
  impl->http.set_read_timeout(impl->options.io_timeout);
  impl->http.set_write_timeout(impl->options.io_timeout);
  impl->http.set_keep_alive_max_count(1000);
  // httplib's default adds SO_REUSEPORT, which would let a second `immstats serve` share the port silently.
  // TCP_NODELAY (inherited by accepted sockets): headers and body go out as two writes, and Nagle's algorithm
  // with the client's delayed ACK would hold the second for 40 ms.
  impl->http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  });

  impl->http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    t_trace = {std::chrono::steady_clock::now(), false};
    return httplib::Server::HandlerResponse::Unhandled;
  });
  const auto handle = [impl](const httplib::Request& req, httplib::Response& res) {
    Answer a = impl->router.Handle(req.method, req.path, req.params, req.get_header_value("If-None-Match"), req.body);
    t_trace.cache_hit = a.cache_hit;
    res.status = a.status;
    for (const auto& [k, v] : a.headers) res.set_header(k.c_str(), v);
    if (!impl->options.cors_origin.empty()) res.set_header("Access-Control-Allow-Origin", impl->options.cors_origin);
    if (a.status != 304) res.set_content(std::move(a.body), a.content_type.c_str());
  };
  // Every path and method goes to the router, which answers 404 and 405 itself (HEAD is served as GET).
  const char* const every_path = R"(/.*)";
  impl->http.Get(every_path, handle);
  impl->http.Post(every_path, handle);
  impl->http.Put(every_path, handle);
  impl->http.Delete(every_path, handle);
  impl->http.Patch(every_path, handle);
  impl->http.set_logger([impl](const httplib::Request& req, const httplib::Response& res) {
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_trace.start).count();
    std::string target = req.path;
    if (!req.params.empty()) {
      std::string query;
      for (const auto& [k, v] : req.params) query += (query.empty() ? "?" : "&") + k + "=" + v;
      target += query;
    }
    const std::string line = fmt::format("{} {} {} {} {} {}B {:.1f}ms{}", base::UtcTimestampNow(), req.remote_addr,
                                         req.method, target, res.status, res.body.size(), ms,
                                         t_trace.cache_hit ? " cached" : "");
    if (impl->options.log) {
      impl->options.log(line);
    } else {
      std::fprintf(stderr, "%s\n", line.c_str());
    }
  });
}

Server::~Server() = default;

bool Server::IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

Status Server::Bind() {
  const auto& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
    if (impl_->port < 0) return Status::IoError("cannot bind " + o.host + " on any port");
  } else {
    if (!impl_->http.bind_to_port(o.host, o.port)) {
      return Status::IoError(fmt::format("cannot bind {}:{}: the port is taken or the address is not this machine's; "
                                         "choose another with --port or --host",
                                         o.host, o.port));
    }
    impl_->port = o.port;
  }
  return Status::Ok();
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  impl_->run_entered = true;
  if (impl_->stop_requested) return Status::Ok();
  const bool clean = impl_->http.listen_after_bind();
  impl_->run_done = true;
  if (!clean && !impl_->stop_requested) return Status::IoError("the server stopped listening unexpectedly");
  return Status::Ok();
}

void Server::Stop() {
  impl_->stop_requested = true;
  if (!impl_->run_entered) return;  // Run() sees the request and returns at once
  while (!impl_->http.is_running() && !impl_->run_done) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->http.stop();
}

}  // namespace immstats::server

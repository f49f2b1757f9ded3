// The cpp-httplib binding of the router: limits, a gate on concurrent queries, CORS when asked, a request log.
#include "server/server.h"

#include <httplib.h>
#include <netinet/tcp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "base/civil_date.h"

namespace immstats::server {

namespace {

constexpr size_t kMaxBodyBytes = 64 * 1024;


// What the request log needs that httplib does not keep: when the request began and whether the cache answered.
struct RequestTrace {
  std::chrono::steady_clock::time_point start;
  bool cache_hit = false;
};
thread_local RequestTrace t_trace;

// At most `slots` queries computed at once, admitted first come, first served (a semaphore would let late
// arrivals overtake and starve early ones); a request that waits past its deadline gives its turn up.
class FairGate {
 public:
  explicit FairGate(int slots) : granted_(static_cast<uint64_t>(slots)) {}
  bool Enter(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mu_);
    const uint64_t ticket = next_++;
    if (cv_.wait_for(lock, timeout, [&] { return ticket < granted_; })) return true;
    abandoned_.insert(ticket);
    return false;
  }
  void Leave() {
    std::lock_guard lock(mu_);
    ++granted_;
    while (abandoned_.erase(granted_ - 1) != 0) ++granted_;  // a ticket given up passes its turn on
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  uint64_t next_ = 0, granted_;  // tickets below granted_ may run
  std::set<uint64_t> abandoned_;
};

}  // namespace

struct Server::Impl {
  explicit Impl(ServeOptions o)
      : options(std::move(o)),
        router(options.router),
        gate(std::max(1, options.max_running_queries > 0 ? options.max_running_queries
                                                         : static_cast<int>(std::thread::hardware_concurrency()))) {}
  ServeOptions options;
  Router router;
  FairGate gate;
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
    const bool is_query = req.path == "/api/asylum" || req.path == "/api/backlog" || req.path == "/api/wait-times";
    if (is_query && !impl->gate.Enter(impl->options.queue_timeout)) {
      const Answer busy = ErrorAnswer(503, "the server is busy: every query slot stayed taken; retry shortly");
      res.status = busy.status;
      res.set_content(busy.body, busy.content_type.c_str());
      res.set_header("Retry-After", "1");
      return;
    }
    Answer a = impl->router.Handle(req.method, req.path, req.params, req.get_header_value("If-None-Match"));
    if (is_query) impl->gate.Leave();
    t_trace.cache_hit = a.cache_hit;
    res.status = a.status;
    for (const auto& [k, v] : a.headers) res.set_header(k.c_str(), v);
    if (!impl->options.cors_origin.empty()) res.set_header("Access-Control-Allow-Origin", impl->options.cors_origin);
    if (a.status != 304) res.set_content(std::move(a.body), a.content_type.c_str());
  };
  for (const char* pattern : {R"(/.*)"}) {
    impl->http.Get(pattern, handle);
    impl->http.Post(pattern, handle);
    impl->http.Put(pattern, handle);
    impl->http.Delete(pattern, handle);
    impl->http.Patch(pattern, handle);
  }
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

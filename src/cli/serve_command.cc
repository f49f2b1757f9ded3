// `immstats serve`: the dashboard and the JSON API over the store, until Ctrl-C.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "server/server.h"
#include "store/bulk_allocator.h"
#include "store/snapshot.h"
#include "store/warm_cache.h"

namespace immstats::cli {

namespace {

struct ServeArgs {
  std::string store, host = "127.0.0.1", cors;
  int port = 8080, threads = 0, block_cache_mb = 1024;
  bool no_cache = false, quiet = false;
};

int Serve(const ServeArgs& a) {
  // Before any query: buffers from a heap that keeps its pages warm, column files kept open, decoded blocks kept.
  store::BulkArena::UseWarmHeap();
  if (a.block_cache_mb > 0) store::WarmCache::Enable(static_cast<size_t>(a.block_cache_mb) << 20);
  server::ServeOptions o;
  o.router.store_dir = a.store.empty() ? store::DefaultStoreDir() : std::filesystem::path(a.store);
  if (a.no_cache) o.router.cache_bytes = 0;
  o.host = a.host;
  o.port = a.port;
  o.cors_origin = a.cors;
  o.threads = a.threads;
  if (a.quiet) o.log = [](const std::string&) {};
  auto latest = store::Store(o.router.store_dir).Get("latest");
  if (!latest.ok()) {
    std::fprintf(stderr, "immstats serve: %s\n", latest.status().message().c_str());
    return latest.status().ExitCode();
  }
  // SIGINT and SIGTERM go to one waiting thread, which stops the server; the server's threads never see them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  server::Server server(o);
  const Status bound = server.Bind();
  if (!bound.ok()) {
    std::fprintf(stderr, "immstats serve: %s\n", bound.message().c_str());
    return bound.ExitCode();
  }
  if (!server::Server::IsLoopback(a.host)) {
    std::fprintf(stderr,
                 "immstats serve: WARNING: listening on %s, so other machines can reach this server; use "
                 "--host 127.0.0.1 to keep it to this machine\n",
                 a.host.c_str());
  }
  const std::string shown_host = a.host == "0.0.0.0" || a.host == "::" ? "127.0.0.1" : a.host;
  std::printf("immstats serve: snapshot '%s' of %s\n  dashboard  http://%s:%d/\n  API        http://%s:%d/api "
              "(docs/api.md)\nCtrl-C stops.\n",
              latest->id.c_str(), o.router.store_dir.string().c_str(), shown_host.c_str(), server.port(),
              shown_host.c_str(), server.port());
  std::fflush(stdout);
  std::thread waiter([&server, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.Stop();
  });
  const Status ran = server.Run();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter when the server stopped on its own
  waiter.join();
  if (!ran.ok()) {
    std::fprintf(stderr, "immstats serve: %s\n", ran.message().c_str());
    return ran.ExitCode();
  }
  std::printf("immstats serve: stopped\n");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the dashboard and the JSON API over the store (read-only), on this machine only unless told.\n\n"
      "Examples:\n"
      "  immstats serve                         # http://127.0.0.1:8080/\n"
      "  immstats serve --store out/demo/store --port 9000\n"
      "  curl 'http://127.0.0.1:8080/api/asylum?nationality=HO&from=2023-09&to=2024-08'\n"
      "The API takes the CLI's options as parameters and answers with its --format json (docs/api.md).");
  auto a = std::make_shared<ServeArgs>();
  cmd->add_option("--store", a->store, "Store folder (default: $IMMSTATS_STORE, else ~/.local/share/immstats/store)");
  cmd->add_option("--host", a->host, "Address to listen on; anything but 127.0.0.1/localhost is reachable by others")
      ->capture_default_str();
  cmd->add_option("--port", a->port, "Port; 0 picks a free one (printed)")->capture_default_str();
  cmd->add_option("--cors", a->cors, "Allow this origin to call the API from another site's pages (default: none)");
  cmd->add_option("--threads", a->threads, "Connection threads, one per open connection (default: 64, or 16 per core when more)");
  cmd->add_option("--block-cache-mb", a->block_cache_mb,
                  "Memory for decoded column blocks kept between queries, in MiB (0: decode every time)")
      ->capture_default_str();
  cmd->add_flag("--no-cache", a->no_cache, "Compute every answer, even one asked before (for load tests)");
  cmd->add_flag("--quiet", a->quiet, "No request log on stderr");
  cmd->callback([a, exit_code] { *exit_code = Serve(*a); });
}

}  // namespace immstats::cli

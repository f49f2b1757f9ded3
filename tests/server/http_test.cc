// The real HTTP server on a free port: the wire answers equal the router's, CORS only when asked, one log line per
// request, many clients at once, oversized requests refused, and a clean stop.
#include "server/server.h"

#include <httplib.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/release_files.h"
#include "support/test_store.h"

namespace immstats {
namespace {

class RunningServer {
 public:
  explicit RunningServer(server::ServeOptions o) {
    o.router.store_dir = testing::ServerTestStore();
    o.port = 0;
    o.log = [this](const std::string& line) {
      std::lock_guard lock(mu_);
      log_.push_back(line);
    };
    server_ = std::make_unique<server::Server>(std::move(o));
    const Status st = server_->Bind();
    EXPECT_TRUE(st.ok()) << st.message();
    thread_ = std::thread([this] { run_status_ = server_->Run(); });
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  httplib::Client Client() const { return httplib::Client("127.0.0.1", server_->port()); }
  int port() const { return server_->port(); }
  std::vector<std::string> Log() {
    std::lock_guard lock(mu_);
    return log_;
  }

 private:
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  Status run_status_;
  std::mutex mu_;
  std::vector<std::string> log_;
};

TEST(Http, AnswersOverTheWireAsTheRouterDoes) {
  RunningServer s({});
  auto client = s.Client();
  const auto res = client.Get("/api/asylum?nationality=Honduras&from=2023-09&to=2024-08");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
  int rc = -1;
  EXPECT_EQ(res->body, testing::RunCli("asylum --nationality Honduras --from 2023-09 --to 2024-08 --format json", &rc));
  const auto csv = client.Get("/api/backlog?by=custody&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body.rfind("custody,pending", 0), 0u) << csv->body;
  const auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<title>immstats</title>"), std::string::npos);
  const auto bad = client.Get("/api/asylum?nationality=Hondras");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  const auto posted = client.Post("/api/asylum", "x=1", "application/x-www-form-urlencoded");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 405);
  EXPECT_EQ(posted->get_header_value("Allow"), "GET, HEAD");
  // One line per request: time, address, method, target, status, size, duration. Each is written after its
  // answer went out (an error answer closes the connection, so the next request may be logged first).
  for (int i = 0; i < 500 && s.Log().size() < 5; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  const auto log = s.Log();
  ASSERT_EQ(log.size(), 5u);
  const auto logged = [&log](const std::string& request, const std::string& status) {
    return std::count_if(log.begin(), log.end(), [&](const std::string& line) {
      return line.find(" 127.0.0.1 " + request) != std::string::npos &&
             line.find(" " + status + " ") != std::string::npos && line.find("ms") != std::string::npos;
    });
  };
  EXPECT_EQ(logged("GET /api/asylum?from=2023-09&nationality=Honduras&to=2024-08", "200"), 1) << log[0];
  EXPECT_EQ(logged("GET /api/backlog?by=custody&format=csv", "200"), 1);
  EXPECT_EQ(logged("GET / ", "200"), 1);
  EXPECT_EQ(logged("GET /api/asylum?nationality=Hondras", "400"), 1);
  EXPECT_EQ(logged("POST /api/asylum", "405"), 1);
}

TEST(Http, CorsHeadersOnlyWhenAsked) {
  server::ServeOptions o;
  o.cors_origin = "https://newsroom.example";
  RunningServer s(o);
  auto client = s.Client();
  const auto res = client.Get("/api/health");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "https://newsroom.example");
}

TEST(Http, ManyClientsAtOnceGetTheSameAnswer) {
  server::ServeOptions o;
  o.router.cache_bytes = 0;  // every request computes
  RunningServer s(o);
  std::string expected;
  {
    auto client = s.Client();
    const auto res = client.Get("/api/asylum?by=court&fy=2024");
    ASSERT_TRUE(res);
    expected = res->body;
  }
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&] {
      auto client = s.Client();
      for (int i = 0; i < 10; ++i) {
        const auto res = client.Get("/api/asylum?by=court&fy=2024");
        if (res && res->status == 200 && res->body == expected) ++ok;
      }
    });
  }
  for (auto& c : clients) c.join();
  EXPECT_EQ(ok.load(), 80);
}

TEST(Http, OversizedRequestsAreRefused) {
  RunningServer s({});
  auto client = s.Client();
  const auto long_uri = client.Get("/api/asylum?nationality=" + std::string(9000, 'A'));
  ASSERT_TRUE(long_uri);
  EXPECT_EQ(long_uri->status, 414);
  const auto big_body = client.Post("/api/check", std::string(2 * 1024 * 1024, 'x'), "text/plain");
  ASSERT_TRUE(big_body);
  EXPECT_EQ(big_body->status, 413);
}

TEST(Http, BindingATakenPortSaysWhatToDo) {
  RunningServer first({});
  server::ServeOptions o;
  o.router.store_dir = testing::ServerTestStore();
  o.port = first.port();
  server::Server second(o);
  const Status st = second.Bind();
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("--port"), std::string::npos) << st.message();
}

TEST(Http, LoopbackAddressesAreRecognised) {
  EXPECT_TRUE(server::Server::IsLoopback("127.0.0.1"));
  EXPECT_TRUE(server::Server::IsLoopback("localhost"));
  EXPECT_TRUE(server::Server::IsLoopback("::1"));
  EXPECT_FALSE(server::Server::IsLoopback("0.0.0.0"));
  EXPECT_FALSE(server::Server::IsLoopback("192.168.1.4"));
}

}  // namespace
}  // namespace immstats

namespace immstats {
namespace {

// POST /api/check: the article in the body, the same report as `immstats check --format json` (less the store's
// folder); GET is refused with Allow: POST; an empty body and unknown parameters are 400s.
TEST(Http, CheckTakesAnArticleAndAnswersAsTheCli) {
  RunningServer s({});
  auto client = s.Client();
  const std::string article =
      "Immigration judges decided 12 asylum cases in fiscal 2024, and the backlog stood at 3,332 cases in "
      "September 2024.";
  const auto res = client.Post("/api/check?date=2024-12-01", article, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
  const auto j = nlohmann::json::parse(res->body);
  EXPECT_EQ(j["claims"].size(), 2u) << res->body;
  EXPECT_EQ(j["summary"]["claims"], 2);
  EXPECT_FALSE(j.contains("store"));
  testing::ScratchDir dir("http-check");
  std::ofstream(dir.path() / "a.txt") << article;
  int rc = -1;
  auto cli = nlohmann::json::parse(testing::RunCli("check '" + (dir.path() / "a.txt").string() + "' --date 2024-12-01 --format json", &rc));
  ASSERT_EQ(rc, 0);
  cli.erase("store");
  EXPECT_EQ(j, cli);
  const auto html = client.Post("/api/check?format=html&date=2024-12-01", article, "text/plain");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->body.find("<mark class="), std::string::npos);
  const auto get = client.Get("/api/check");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  const auto empty = client.Post("/api/check", "  \n", "text/plain");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  EXPECT_NE(empty->body.find("body is empty"), std::string::npos);
  const auto unknown = client.Post("/api/check?nationality=HO", article, "text/plain");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 400);
  const auto bad_date = client.Post("/api/check?date=yesterday", article, "text/plain");
  ASSERT_TRUE(bad_date);
  EXPECT_EQ(bad_date->status, 400);
}

}  // namespace
}  // namespace immstats

// The API's routes without HTTP: answers equal to the CLI's bytes, goldens for each endpoint and error path,
// limits, the answer cache and ETags, "latest" following a new ingest, static files only from the bundle.
#include "server/router.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/test_store.h"
#include "support/golden.h"
#include "support/release_files.h"

namespace immstats {
namespace {

using server::Answer;
using server::Params;
using server::Router;
using server::RouterOptions;
using testing::ExpectGolden;
using testing::RunCli;
using testing::ServerTestStore;

Router MakeRouter() {
  RouterOptions o;
  o.store_dir = ServerTestStore();
  return Router(o);
}

std::string Header(const Answer& a, const std::string& name) {
  for (const auto& [k, v] : a.headers) {
    if (k == name) return v;
  }
  return "";
}

struct SameAsCli {
  std::string path;
  Params params;
  std::string cli;
};

TEST(Router, AnswersAreTheClisBytes) {
  Router router = MakeRouter();
  const std::vector<SameAsCli> cases = {
      {"/api/asylum", {{"nationality", "Honduras"}, {"from", "2023-09"}, {"to", "2024-08"}},
       "asylum --nationality Honduras --from 2023-09 --to 2024-08 --format json"},
      {"/api/asylum", {{"by", "nationality"}, {"fy", "2024"}, {"definition", "trac,eoir"}, {"format", "csv"}},
       "asylum --by nationality --fy 2024 --definition trac,eoir --format csv"},
      {"/api/asylum",
       {{"court", "SEA"}, {"by", "judge"}, {"from", "2021-10"}, {"to", "2024-09"}, {"definition", "trac"}, {"receipt", "1"}},
       "asylum --court SEA --by judge --from 2021-10 --to 2024-09 --definition trac --format json --receipt"},
      {"/api/asylum", {{"by", "fy"}, {"by", "custody"}, {"sort", "decisions_TRAC"}, {"limit", "5"}},
       "asylum --by fy,custody --sort decisions_TRAC --limit 5 --format json"},
      {"/api/asylum", {{"nationality_from", "proceeding"}, {"fy", "2023"}, {"format", "table"}},
       "asylum --nationality-from proceeding --fy 2023"},
      {"/api/backlog", {{"by", "court"}, {"as-of", "2024-09-30"}, {"sort", "pending"}, {"limit", "10"}},
       "backlog --by court --as-of 2024-09-30 --sort pending --limit 10 --format json"},
      {"/api/wait-times", {{"fy", "2024"}, {"by", "asylum-type"}, {"start", "osc"}, {"universe", "completed"}},
       "wait-times --fy 2024 --by asylum-type --start osc --universe completed --format json"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.cli);
    const Answer a = router.Handle("GET", c.path, c.params);
    ASSERT_EQ(a.status, 200) << a.body;
    int rc = -1;
    const std::string cli = RunCli(c.cli, &rc);
    ASSERT_EQ(rc, 0);
    EXPECT_EQ(a.body, cli);
  }
}

TEST(Router, EndpointsAreGolden) {
  Router router = MakeRouter();
  const Answer asylum = router.Handle("GET", "/api/asylum", {{"nationality", "HO"}, {"from", "2023-09"}, {"to", "2024-08"}});
  EXPECT_EQ(asylum.content_type, "application/json");
  ExpectGolden("api_asylum.json", asylum.body);
  ExpectGolden("api_backlog.json", router.Handle("GET", "/api/backlog", {{"by", "custody"}}).body);
  ExpectGolden("api_wait_times.json", router.Handle("GET", "/api/wait-times", {{"fy", "2024"}, {"by", "asylum-type"}}).body);
  ExpectGolden("api_store.json", testing::WithoutCreated(router.Handle("GET", "/api/store", {}).body));
  ExpectGolden("api_names_court.json", router.Handle("GET", "/api/names", {{"kind", "court"}}).body);
  const Answer csv = router.Handle("GET", "/api/asylum", {{"by", "court"}, {"fy", "2024"}, {"format", "csv"}});
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(Header(csv, "Content-Disposition"), "attachment; filename=\"immstats-asylum.csv\"");
}

TEST(Router, EveryErrorPathHasItsStatusAndMessage) {
  Router router = MakeRouter();
  struct Bad {
    std::string method, path;
    Params params;
  };
  Params many;
  for (int i = 0; i < 65; ++i) many.emplace("nationality", "HO");
  const std::vector<Bad> cases = {
      {"GET", "/api/asylum", {{"bogus", "1"}}},
      {"GET", "/api/asylum", {{"judge-aliases", "/etc/passwd"}}},
      {"GET", "/api/asylum", {{"fy", "20x4"}}},
      {"GET", "/api/asylum", {{"format", "xml"}}},
      {"GET", "/api/asylum", {{"custody", "Q"}}},
      {"GET", "/api/asylum", {{"nationality", "Hondras"}}},
      {"GET", "/api/asylum", {{"snapshot", "nope"}}},
      {"GET", "/api/asylum", {{"fy", "2024"}, {"month", "2024-01"}}},
      {"GET", "/api/asylum", {{"from", "2024-13-01"}}},
      {"GET", "/api/asylum", {{"by", "color"}}},
      {"GET", "/api/asylum", {{"by", "nationality,court,judge,fy,month"}}},
      {"GET", "/api/asylum", {{"receipt", "maybe"}}},
      {"GET", "/api/asylum", {{"unit", "person"}}},
      {"GET", "/api/asylum", {{"sort", "color"}}},
      {"GET", "/api/asylum", {{"definition", "unhcr"}}},
      {"GET", "/api/backlog", {{"as-of", "yesterday"}}},
      {"GET", "/api/backlog", {{"from", "2024-01"}}},
      {"GET", "/api/wait-times", {{"universe", "all"}}},
      {"GET", "/api/names", {{"kind", "planet"}}},
      {"GET", "/api/names", {{"nationality", "HO"}}},
      {"GET", "/api/nothing", {}},
      {"POST", "/api/asylum", {}},
      {"GET", "/api/asylum", many},
      {"GET", "/api/asylum", {{"nationality", std::string(2000, 'x')}}},
  };
  std::string all;
  for (const auto& c : cases) {
    const Answer a = router.Handle(c.method, c.path, c.params);
    std::string query;
    for (const auto& [k, v] : c.params) query += (query.empty() ? "?" : "&") + k + "=" + v.substr(0, 40);
    if (c.params.size() > 10) query = "?nationality=HO (x" + std::to_string(c.params.size()) + ")";
    all += c.method + " " + c.path + query + " -> " + std::to_string(a.status) + "\n" + a.body + "\n";
    EXPECT_GE(a.status, 400) << c.path << query;
    EXPECT_LT(a.status, 500) << c.path << query;
    const auto j = nlohmann::json::parse(a.body);
    EXPECT_EQ(j["error"]["status"], a.status);
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }
  // The store's folder is a temporary one: the message names it, the golden says <store>.
  const std::string store = ServerTestStore().string();
  for (size_t at = all.find(store); at != std::string::npos; at = all.find(store, at)) all.replace(at, store.size(), "<store>");
  ExpectGolden("api_errors.txt", all);
}

TEST(Router, RepeatsComeFromTheCacheAndEtagsAnswer304) {
  Router router = MakeRouter();
  const Params p = {{"nationality", "GT"}, {"fy", "2023"}};
  const Answer first = router.Handle("GET", "/api/asylum", p);
  ASSERT_EQ(first.status, 200);
  EXPECT_FALSE(first.cache_hit);
  const Params reordered = {{"fy", "2023"}, {"nationality", "GT"}};
  const Answer second = router.Handle("GET", "/api/asylum", reordered);
  EXPECT_TRUE(second.cache_hit);
  EXPECT_EQ(second.body, first.body);
  const std::string etag = Header(first, "ETag");
  ASSERT_FALSE(etag.empty());
  const Answer not_modified = router.Handle("GET", "/api/asylum", p, etag);
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_TRUE(not_modified.body.empty());
  EXPECT_EQ(router.Handle("GET", "/api/asylum", p, "\"other\"").status, 200);

  RouterOptions no_cache;
  no_cache.store_dir = ServerTestStore();
  no_cache.cache_bytes = 0;
  Router uncached(no_cache);
  uncached.Handle("GET", "/api/asylum", p);
  const Answer again = uncached.Handle("GET", "/api/asylum", p);
  EXPECT_FALSE(again.cache_hit);
  EXPECT_EQ(again.body, first.body);
}

TEST(Router, LatestFollowsANewIngest) {
  testing::ScratchDir dir("router-latest");
  const std::string rel = (ServerTestStore().parent_path() / "rel").string();
  const std::string store = (dir.path() / "store").string();
  std::string out;
  ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " ingest eoir '" + rel + "' --store '" + store +
                                    "' --release-id one --quiet 2>&1",
                                &out),
            0)
      << out;
  RouterOptions o;
  o.store_dir = store;
  Router router(o);
  const auto snapshot_of = [&router] {
    const Answer a = router.Handle("GET", "/api/asylum", {{"fy", "2024"}, {"receipt", "1"}});
    return nlohmann::json::parse(a.body)["receipt"]["snapshot"].get<std::string>();
  };
  EXPECT_EQ(snapshot_of(), "one");
  ASSERT_EQ(testing::RunCommand(testing::ImmstatsBinary() + " ingest eoir '" + rel + "' --store '" + store +
                                    "' --release-id two --quiet 2>&1",
                                &out),
            0)
      << out;
  EXPECT_EQ(snapshot_of(), "two");
  EXPECT_EQ(nlohmann::json::parse(router.Handle("GET", "/api/store", {}).body)["latest"], "two");
  const Answer pinned = router.Handle("GET", "/api/asylum", {{"fy", "2024"}, {"receipt", "1"}, {"snapshot", "one"}});
  EXPECT_EQ(nlohmann::json::parse(pinned.body)["receipt"]["snapshot"], "one");
}

TEST(Router, StaticFilesComeOnlyFromTheEmbeddedBundle) {
  Router router = MakeRouter();
  const Answer index = router.Handle("GET", "/", {});
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_NE(index.body.find("/assets/app.js"), std::string::npos);
  EXPECT_NE(Header(index, "Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  const Answer js = router.Handle("GET", "/assets/app.js", {});
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_GT(js.body.size(), 1000u);
  EXPECT_EQ(router.Handle("GET", "/assets/app.css", {}).status, 200);
  for (const char* path : {"/etc/passwd", "/assets/../../etc/passwd", "/assets/", "/CMakeLists.txt", "/index.htm"}) {
    EXPECT_EQ(router.Handle("GET", path, {}).status, 404) << path;
  }
}

}  // namespace
}  // namespace immstats

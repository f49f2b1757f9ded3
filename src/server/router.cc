// Routes: /api/* answers as the CLI's --format json (or csv/table), / and /assets/* from the embedded bundle.
#include "server/router.h"

#include <algorithm>
#include <system_error>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xxhash.h>

#include "immstats/version.h"
#include "server/assets.h"
#include "store/snapshot.h"
#include "verify/verify.h"

namespace immstats::server {

namespace {

const char* const kEndpoints[] = {"/api/asylum", "/api/backlog", "/api/wait-times", "/api/store", "/api/names",
                                  "/api/health", "/api/check (POST)"};

// 400 for what the request got wrong; 404 only for a snapshot that is not there; 500 for the store's faults.
int HttpStatusOf(const Status& st, bool snapshot_lookup) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return snapshot_lookup ? 404 : 400;
    default: return 500;
  }
}

std::string ContentTypeOf(const std::string& format) {
  if (format == "csv") return "text/csv; charset=utf-8";
  if (format == "table") return "text/plain; charset=utf-8";
  return "application/json";
}

std::string ETagOf(const std::string& key) {
  return fmt::format("\"{:016x}\"", XXH64(key.data(), key.size(), 0));
}

Answer Json(const nlohmann::ordered_json& j) {
  Answer a;
  a.body = j.dump(2) + "\n";
  return a;
}

}  // namespace

Answer ErrorAnswer(int status, const std::string& message) {
  nlohmann::ordered_json j;
  j["error"]["status"] = status;
  j["error"]["message"] = message;
  Answer a = Json(j);
  a.status = status;
  return a;
}

bool FairGate::Enter(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  const uint64_t ticket = next_++;
  if (cv_.wait_for(lock, timeout, [&] { return ticket < granted_; })) return true;
  abandoned_.insert(ticket);
  return false;
}

void FairGate::Leave() {
  std::lock_guard lock(mu_);
  ++granted_;
  while (abandoned_.erase(granted_ - 1) != 0) ++granted_;  // a ticket given up passes its turn on
  cv_.notify_all();
}

Router::Router(RouterOptions options)
    : options_(std::move(options)),
      gate_(std::max(1, options_.max_running_queries > 0 ? options_.max_running_queries
                                                         : static_cast<int>(std::thread::hardware_concurrency()))) {}

Answer Router::Handle(const std::string& method, const std::string& path, const Params& params,
                      const std::string& if_none_match, const std::string& body) {
  if (path == "/api/check") {
    if (method != "POST") {
      Answer a = ErrorAnswer(405, "/api/check takes the article as the body of a POST; " + method + " is not served");
      a.headers.emplace_back("Allow", "POST");
      return a;
    }
    for (const auto& [name, value] : params) {
      if (value.size() > options_.max_param_bytes) return ErrorAnswer(400, "parameter '" + name + "' is too long");
    }
    return Check(params, body);
  }
  if (method != "GET" && method != "HEAD") {
    Answer a = ErrorAnswer(405, "only GET is served here; " + method + " is not");
    a.headers.emplace_back("Allow", "GET, HEAD");
    return a;
  }
  if (path.rfind("/api", 0) != 0) return Static(path);
  if (params.size() > options_.max_params) {
    return ErrorAnswer(400, fmt::format("too many parameters ({}, at most {})", params.size(), options_.max_params));
  }
  for (const auto& [name, value] : params) {
    if (value.size() > options_.max_param_bytes) {
      return ErrorAnswer(400, fmt::format("parameter '{}' is {} bytes long (at most {})", name, value.size(),
                                          options_.max_param_bytes));
    }
  }
  if (path == "/api/asylum") return Query(api::Family::kAsylum, params, if_none_match);
  if (path == "/api/backlog") return Query(api::Family::kBacklog, params, if_none_match);
  if (path == "/api/wait-times") return Query(api::Family::kWaitTimes, params, if_none_match);
  if (path == "/api/store") return StoreInfo();
  if (path == "/api/names") return NamesOf(params);
  if (path == "/api/health") return Json({{"status", "ok"}, {"immstats", kVersion}});
  if (path == "/api" || path == "/api/") {
    nlohmann::ordered_json j;
    j["immstats"] = kVersion;
    j["endpoints"] = kEndpoints;
    j["documentation"] = "docs/api.md";
    return Json(j);
  }
  std::string list;
  for (const char* e : kEndpoints) list += (list.empty() ? "" : ", ") + std::string(e);
  return ErrorAnswer(404, "no endpoint " + path + ": the API serves " + list);
}

Answer Router::Check(const Params& params, const std::string& article) {
  std::string format = "json";
  std::optional<int32_t> date;
  for (const auto& [name, value] : params) {
    if (name == "format") {
      if (value != "json" && value != "html") return ErrorAnswer(400, "format takes json or html, not '" + value + "'");
      format = value;
    } else if (name == "date") {
      auto d = query::ParseWindowDate(value, false);
      if (!d.ok() || value.size() != 10) return ErrorAnswer(400, "date takes the article's date as YYYY-MM-DD, not '" + value + "'");
      date = *d;
    } else {
      return ErrorAnswer(400, "unknown parameter '" + name + "': /api/check takes date and format (json | html)");
    }
  }
  if (article.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ErrorAnswer(400, "the body is empty: POST the article's text or HTML as the request body");
  }
  if (!gate_.Enter(options_.queue_timeout)) {
    Answer busy = ErrorAnswer(503, "the server is busy: every query slot stayed taken; retry shortly");
    busy.headers.emplace_back("Retry-After", "1");
    return busy;
  }
  const verify::ArticleCheck check = verify::CheckArticle(claims::ReadArticle(article), date, options_.store_dir);
  gate_.Leave();
  Answer a;
  if (format == "html") {
    a.content_type = "text/html; charset=utf-8";
    a.body = verify::CheckHtml(check);
  } else {
    nlohmann::ordered_json j = verify::CheckJson(check);
    j.erase("store");  // the server's folder is not the client's business
    a.body = j.dump(2) + "\n";
  }
  return a;
}

Answer Router::Query(api::Family family, const Params& params, const std::string& if_none_match) {
  api::Request r;
  r.family = family;
  r.format = "json";  // the API's default; the CLI's is table
  for (const auto& [name, value] : params) {
    const Status st = api::SetParam(&r, name, value);
    if (!st.ok()) return ErrorAnswer(400, st.message());
  }
  auto snapshot = Snapshot(r.snapshot);
  if (!snapshot.ok()) return ErrorAnswer(HttpStatusOf(snapshot.status(), true), snapshot.status().message());
  // The key: the snapshot as published, the immstats version and the parameters in a canonical order.
  std::string key = fmt::format("{}\n{}\n{}\n{}\n", (*snapshot)->info.id, (*snapshot)->info.created, kVersion,
                                api::FamilyName(family));
  for (const auto& [name, value] : params) key += name + "=" + value + "\n";  // a multimap iterates in name order
  const std::string etag = ETagOf(key);
  if (!if_none_match.empty() && if_none_match == etag) {
    Answer a;
    a.status = 304;
    a.headers.emplace_back("ETag", etag);
    return a;
  }
  Answer a;
  if (CachedAnswer(key, &a)) return a;
  if (!gate_.Enter(options_.queue_timeout)) {
    Answer busy = ErrorAnswer(503, "the server is busy: every query slot stayed taken; retry shortly");
    busy.headers.emplace_back("Retry-After", "1");
    return busy;
  }
  auto text = api::RunAndFormat(**snapshot, r);
  gate_.Leave();
  if (!text.ok()) return ErrorAnswer(HttpStatusOf(text.status(), false), text.status().message());
  a.body = std::move(text).value();
  a.content_type = ContentTypeOf(r.format);
  a.headers.emplace_back("ETag", etag);
  if (r.format == "csv") {
    a.headers.emplace_back("Content-Disposition",
                           fmt::format("attachment; filename=\"immstats-{}.csv\"", api::FamilyName(family)));
  }
  Remember(key, a);
  return a;
}

Answer Router::StoreInfo() {
  auto all = store::Store(options_.store_dir).List();
  if (!all.ok()) return ErrorAnswer(500, all.status().message());
  nlohmann::ordered_json j;
  j["immstats"] = kVersion;
  j["snapshots"] = nlohmann::ordered_json::array();
  for (const auto& s : *all) {
    nlohmann::ordered_json o;
    o["id"] = s.id;
    o["created"] = s.created;
    o["immstats_version"] = s.immstats_version;
    o["format_version"] = s.format_version;
    for (const auto& [k, v] : s.attributes) o[k] = v;
    o["sources"] = nlohmann::ordered_json::array();
    for (const auto& src : s.sources) o["sources"].push_back({{"name", src.name}, {"size", src.size}, {"xxh64", src.xxh64}});
    o["tables"] = nlohmann::ordered_json::array();
    for (const auto& t : s.tables) o["tables"].push_back({{"name", t.name}, {"rows", t.rows}});
    j["snapshots"].push_back(std::move(o));
  }
  auto latest = store::Store(options_.store_dir).Get("latest");
  j["latest"] = latest.ok() ? nlohmann::ordered_json(latest->id) : nlohmann::ordered_json();
  return Json(j);
}

Answer Router::NamesOf(const Params& params) {
  static const std::pair<const char*, query::CodeKind> kKinds[] = {
      {"nationality", query::CodeKind::kNationality}, {"court", query::CodeKind::kCourt},
      {"judge", query::CodeKind::kJudge},             {"hearing-location", query::CodeKind::kHearingLocation},
      {"case-type", query::CodeKind::kCaseType},      {"custody", query::CodeKind::kCustody},
      {"asylum-type", query::CodeKind::kAsylumType}};
  std::string kind_name = "nationality", snapshot_id = "latest";
  for (const auto& [name, value] : params) {
    if (name == "kind") {
      kind_name = value;
    } else if (name == "snapshot") {
      snapshot_id = value;
    } else {
      return ErrorAnswer(400, "unknown parameter '" + name + "': names takes kind, snapshot");
    }
  }
  const query::CodeKind* kind = nullptr;
  std::string kinds;
  for (const auto& [n, k] : kKinds) {
    if (kind_name == n) kind = &k;
    kinds += (kinds.empty() ? "" : " | ") + std::string(n);
  }
  if (kind == nullptr) return ErrorAnswer(400, "kind takes " + kinds + ", not '" + kind_name + "'");
  auto snapshot = Snapshot(snapshot_id);
  if (!snapshot.ok()) return ErrorAnswer(HttpStatusOf(snapshot.status(), true), snapshot.status().message());
  nlohmann::ordered_json j;
  j["kind"] = kind_name;
  j["names"] = nlohmann::ordered_json::array();
  for (const auto& [code, name] : (*snapshot)->names.List(*kind)) {
    j["names"].push_back({{"code", code}, {"name", name}, {"ranked", !(*snapshot)->names.IsPseudo(*kind, code)}});
  }
  return Json(j);
}

Answer Router::Static(const std::string& path) const {
  const std::string want = path == "/index.html" ? "/" : path;
  for (const auto& asset : DashboardAssets()) {
    if (asset.path != want) continue;
    Answer a;
    a.content_type = std::string(asset.content_type);
    a.body = std::string(asset.body);
    a.headers.emplace_back("Cache-Control", "no-cache");
    a.headers.emplace_back("X-Content-Type-Options", "nosniff");
    a.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'");
    return a;
  }
  Answer a;
  a.status = 404;
  a.content_type = "text/plain; charset=utf-8";
  a.body = "Not found: " + path + " (the dashboard is at /, the API under /api)\n";
  return a;
}

Result<std::shared_ptr<const api::LoadedSnapshot>> Router::Snapshot(const std::string& requested) {
  std::unique_lock lock(mu_);
  std::string id = requested;
  if (requested == "latest") {
    // A new ingest publishes by renaming into snapshots/: the folder's time says when to look again.
    std::error_code ec;
    const auto stamp = std::filesystem::last_write_time(options_.store_dir / "snapshots", ec);
    if (latest_id_.empty() || ec || stamp != latest_seen_) {
      lock.unlock();
      auto latest = store::Store(options_.store_dir).Get("latest");
      if (!latest.ok()) return latest.status();
      lock.lock();
      latest_id_ = latest->id;
      latest_seen_ = stamp;
    }
    id = latest_id_;
  }
  if (const auto it = snapshots_.find(id); it != snapshots_.end()) return it->second;
  lock.unlock();
  auto loaded = api::LoadSnapshot(options_.store_dir, id);  // outside the lock: other snapshots stay served
  if (!loaded.ok()) return loaded.status();
  lock.lock();
  return snapshots_.emplace(id, *loaded).first->second;
}

bool Router::CachedAnswer(const std::string& key, Answer* out) {
  if (options_.cache_bytes == 0) return false;
  std::lock_guard lock(mu_);
  const auto it = cache_.find(key);
  if (it == cache_.end()) return false;
  lru_.splice(lru_.begin(), lru_, it->second);
  *out = it->second->second;
  out->cache_hit = true;
  return true;
}

void Router::Remember(const std::string& key, const Answer& answer) {
  const size_t bytes = key.size() + answer.body.size();
  if (options_.cache_bytes == 0 || bytes > options_.cache_bytes / 4) return;
  std::lock_guard lock(mu_);
  if (cache_.count(key) != 0) return;
  lru_.emplace_front(key, answer);
  cache_[key] = lru_.begin();
  cached_bytes_ += bytes;
  while (cached_bytes_ > options_.cache_bytes) {
    cached_bytes_ -= lru_.back().first.size() + lru_.back().second.body.size();
    cache_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

}  // namespace immstats::server

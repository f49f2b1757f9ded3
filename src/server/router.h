// The HTTP API and the embedded dashboard as plain functions of (method, path, parameters): what the server
// answers, independent of the HTTP library, so that routing, validation and caching are tested directly.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "api/request.h"
#include "immstats/status.h"

namespace immstats::server {

using Params = std::multimap<std::string, std::string>;

struct Answer {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool cache_hit = false;  // for the request log
};

// At most `slots` queries computed at once, admitted first come, first served (a semaphore would let late
// arrivals overtake and starve early ones); a request that waits past its deadline gives its turn up.
class FairGate {
 public:
  explicit FairGate(int slots) : granted_(static_cast<uint64_t>(slots)) {}
  bool Enter(std::chrono::milliseconds timeout);
  void Leave();

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  uint64_t next_ = 0, granted_;  // tickets below granted_ may run
  std::set<uint64_t> abandoned_;
};

struct RouterOptions {
  std::filesystem::path store_dir;
  int max_running_queries = 0;     // queries computed at once (cached answers do not wait); 0: one per core
  std::chrono::milliseconds queue_timeout{10000};  // a query waiting longer for its turn gets 503
  size_t cache_bytes = size_t{64} << 20;  // answers kept by (snapshot, query), most recent first; 0 = no cache
  size_t max_params = 64;         // parameters per request
  size_t max_param_bytes = 1024;  // bytes per parameter value
};

class Router {
 public:
  explicit Router(RouterOptions options);
  // `if_none_match`: the request's If-None-Match header (a matching ETag answers 304).
  // `body`: a POST's body (only POST /api/check takes one: the article to check).
  Answer Handle(const std::string& method, const std::string& path, const Params& params,
                const std::string& if_none_match = "", const std::string& body = "");

 private:
  Answer Query(api::Family family, const Params& params, const std::string& if_none_match);
  Answer StoreInfo();
  Answer Check(const Params& params, const std::string& article);
  Answer NamesOf(const Params& params);
  Answer Static(const std::string& path) const;
  // The snapshot `id` ("latest" follows new ingests), loaded once and shared.
  Result<std::shared_ptr<const api::LoadedSnapshot>> Snapshot(const std::string& id);
  bool CachedAnswer(const std::string& key, Answer* out);
  void Remember(const std::string& key, const Answer& answer);

  RouterOptions options_;
  FairGate gate_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const api::LoadedSnapshot>> snapshots_;  // by id
  std::string latest_id_;
  std::filesystem::file_time_type latest_seen_{};
  std::list<std::pair<std::string, Answer>> lru_;  // most recent first
  size_t cached_bytes_ = 0;
  std::unordered_map<std::string, std::list<std::pair<std::string, Answer>>::iterator> cache_;
};

// A JSON error body: {"error": {"status": N, "message": "..."}}.
Answer ErrorAnswer(int status, const std::string& message);

}  // namespace immstats::server

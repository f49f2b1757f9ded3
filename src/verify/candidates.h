// The answers a claim could be checked against: every definition or source that publishes its measure, each run
// on the store with its receipt (internal to verify).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/request.h"
#include "claims/extract.h"
#include "store/snapshot.h"

namespace immstats::verify {

struct Candidate {
  std::string source;      // "EOIR court records", "CBP encounter files", "OHSS workbook" ...
  std::string definition;  // "TRAC", "EOIR", "all components", "U.S. Border Patrol only", "published table" ...
  // The subject's figures (rates as percentages) and the all-nationality ones for comparisons.
  std::optional<double> count, rate, numerator, denominator, all_count, all_rate;
  double rounding = 0;      // the unit the source publishes in (OHSS: 10)
  std::string unavailable;  // non-empty: no figure here, and why
  std::string command;      // the CLI command that answers it
  std::vector<std::string> notes;
  nlohmann::ordered_json receipt;
};

// What candidates run against: the store, and the court snapshot loaded once.
class StoreContext {
 public:
  explicit StoreContext(std::filesystem::path dir) : dir_(std::move(dir)), store_(dir_) {}
  const std::filesystem::path& dir() const { return dir_; }
  const store::Store& store() const { return store_; }
  // The latest court snapshot, or the error saying why there is none.
  Result<std::shared_ptr<const api::LoadedSnapshot>> Court();

 private:
  std::filesystem::path dir_;
  store::Store store_;
  std::optional<Result<std::shared_ptr<const api::LoadedSnapshot>>> court_;
};

// Every candidate for the claim's measure, in order of preference (the attributed source first). Empty when the
// measure has no source at all.
std::vector<Candidate> CandidatesFor(StoreContext* ctx, const claims::Claim& claim);

}  // namespace immstats::verify

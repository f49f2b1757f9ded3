// Asylum decision records spilled to disk between the derive's passes as sorted runs, then merged into one order.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

#include "immstats/status.h"

namespace immstats::derive {

// One row of derived.asylum_decisions: strings as codes of the build's shared dictionary, dates as day numbers,
// nulls as the store's null values. Fixed size with no implicit padding, so that rows are written as bytes.
struct AsylumRow {
  int64_t idnproceeding, idncase;
  int32_t decision_date, appl_recd_date, input_date, osc_date, case_start_date;
  uint32_t dec_code, other_comp, court, hearing_loc, judge, judge_last_hearing, nat_case, nat_proceeding, custody,
      case_type, asylum_type;
  int8_t class_asyl, class_asyw, class_wcat, conflict, other_relief, outcome, admin, represented, represented_ever,
      orphan, unknown_code;
  int8_t unused[5];
};
static_assert(sizeof(AsylumRow) == 96, "AsylumRow is written as bytes: keep it free of padding");

// The table's order: decision date (pending records, without one, last), then IDNPROCEEDING.
bool DecidedBefore(const AsylumRow& a, const AsylumRow& b);

// Sorted runs of rows in files under one folder, merged in order; the folder is removed with this object.
class AsylumRuns {
 public:
  explicit AsylumRuns(std::filesystem::path dir) : dir_(std::move(dir)) {}
  AsylumRuns(const AsylumRuns&) = delete;
  AsylumRuns& operator=(const AsylumRuns&) = delete;
  ~AsylumRuns();

  // Sorts `rows` and writes them as the next run.
  Status Add(std::vector<AsylumRow>* rows);
  uint64_t rows() const { return rows_; }
  // Every row of every run in order, handed over in batches of at most `batch` rows.
  Status Merge(size_t batch, const std::function<Status(const std::vector<AsylumRow>&)>& emit);

 private:
  std::filesystem::path dir_;
  std::vector<std::filesystem::path> files_;
  uint64_t rows_ = 0;
};

}  // namespace immstats::derive

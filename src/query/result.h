// A query's answer as rows of named values, printed as an aligned table, CSV or JSON with stable field names.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "immstats/status.h"

namespace immstats::query {

struct Value {
  enum class Kind { kNull, kText, kInt, kRate, kNumber, kBool } kind = Kind::kNull;
  std::string text;
  int64_t i = 0;
  double d = 0;  // kRate: a fraction in [0, 1]; kNumber: any number (days)
  static Value Text(std::string s) { return {Kind::kText, std::move(s), 0, 0}; }
  static Value Int(int64_t v) { return {Kind::kInt, {}, v, 0}; }
  static Value Rate(double v) { return {Kind::kRate, {}, 0, v}; }
  static Value Number(double v) { return {Kind::kNumber, {}, 0, v}; }
  static Value Bool(bool v) { return {Kind::kBool, {}, v ? 1 : 0, 0}; }
  static Value Null() { return {}; }
};

struct ResultTable {
  std::vector<std::string> columns;        // field names (JSON keys, CSV header)
  std::vector<std::vector<Value>> rows;
  std::vector<std::string> table_columns;  // what the human table shows (a rate's _ci_low/_ci_high join it)
  std::vector<std::string> notes;          // printed under the human table
  nlohmann::ordered_json query;            // the query as understood (filters, window, options)
  nlohmann::ordered_json receipt;          // how the figure was obtained (empty: none asked)
};

enum class OutputFormat { kTable, kCsv, kJson };

// Orders rows by `field` (numbers and rates largest first, text A-Z; nulls last), keeping comparison rows after
// the others, then keeps the first `limit` non-comparison rows (0 = all). Unknown field: an error listing fields.
Status SortRows(ResultTable* t, const std::string& field, size_t limit);

std::string FormatTable(const ResultTable& t);
std::string FormatCsv(const ResultTable& t);
std::string FormatJson(const ResultTable& t);
std::string Format(const ResultTable& t, OutputFormat f);

// 95% Wilson score interval for k successes out of n (n > 0).
std::pair<double, double> WilsonInterval(int64_t k, int64_t n);
// Rounds a rate to six decimals so that JSON bytes are stable and short.
double RoundRate(double r);

}  // namespace immstats::query

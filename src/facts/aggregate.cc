// A single pass over a source table: filters by dictionary code, groups by composite keys, sums measures.
#include "facts/aggregate.h"

#include <climits>
#include <map>

#include "base/civil_date.h"
#include "geo/countries.h"

namespace immstats::facts {
namespace {

std::string MonthText(int32_t day) {
  const auto c = base::CivilFromDays(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
  return buf;
}

}  // namespace

bool WordPrefixMatch(const std::string& value, const std::string& filter) {
  const std::string v = geo::NormalizeName(value);
  const std::string f = geo::NormalizeName(filter);
  if (f.empty()) return false;
  return v == f || (v.size() > f.size() && v.compare(0, f.size(), f) == 0 && v[f.size()] == ' ');
}

std::string CountryDisplayName(const std::string& code) {
  if (code == "OTHER") return "Other (not itemized)";
  const geo::Country* c = geo::Countries::Get().ByCode(code);
  return c != nullptr ? c->name : code;
}

std::string DescribeMonths(const std::optional<int32_t>& from, const std::optional<int32_t>& to) {
  if (!from && !to) return "all months";
  return (from ? MonthText(*from) : std::string("the first month")) + " to " +
         (to ? MonthText(*to) : std::string("the last month"));
}

Result<AggregateResult> Aggregate(FactView* view, const Aggregation& a) {
  const size_t n = view->rows();
  // Per filter: which dictionary codes (text) or values pass.
  std::vector<std::vector<char>> allowed_codes;  // index by filter
  std::vector<const store::StringColumn*> filter_cols;
  std::vector<const store::Values<int64_t>*> filter_ints;
  std::vector<std::vector<int64_t>> filter_numbers;  // kFiscalYear filters: the values as numbers
  for (const Filter& f : a.filters) {
    filter_numbers.emplace_back();
    if (f.kind == DimKind::kFiscalYear) {
      auto col = view->Ints(f.column);
      if (!col.ok()) return col.status();
      for (const auto& v : f.values) filter_numbers.back().push_back(std::strtoll(v.c_str(), nullptr, 10));
      filter_ints.push_back(*col);
      filter_cols.push_back(nullptr);
      allowed_codes.emplace_back();
      continue;
    }
    auto col = view->Strings(f.column);
    if (!col.ok()) return col.status();
    std::vector<char> ok((*col)->dict.size(), 0);
    for (size_t c = 0; c < ok.size(); ++c) {
      for (const auto& v : f.values) {
        if (f.kind == DimKind::kCountry ? (*col)->dict[c] == v : WordPrefixMatch((*col)->dict[c], v)) ok[c] = 1;
      }
    }
    filter_cols.push_back(*col);
    filter_ints.push_back(nullptr);
    allowed_codes.push_back(std::move(ok));
  }
  const store::Values<int32_t>* months = nullptr;
  if ((a.from || a.to) && !a.month_column.empty()) {
    auto col = view->Dates(a.month_column);
    if (!col.ok()) return col.status();
    months = *col;
  }
  struct DimData {
    const store::StringColumn* s = nullptr;
    const store::Values<int64_t>* i = nullptr;
    const store::Values<int32_t>* d = nullptr;
  };
  std::vector<DimData> dims;
  for (const Dim& d : a.by) {
    DimData dd;
    if (d.kind == DimKind::kFiscalYear) {
      auto col = view->Ints(d.column);
      if (!col.ok()) return col.status();
      dd.i = *col;
    } else if (d.kind == DimKind::kMonth) {
      auto col = view->Dates(d.column);
      if (!col.ok()) return col.status();
      dd.d = *col;
    } else {
      auto col = view->Strings(d.column);
      if (!col.ok()) return col.status();
      dd.s = *col;
    }
    dims.push_back(dd);
  }
  std::vector<const store::Values<int64_t>*> measure_cols;
  for (const Measure& m : a.measures) {
    if (m.column.empty()) {
      measure_cols.push_back(nullptr);
      continue;
    }
    auto col = view->Ints(m.column);
    if (!col.ok()) return col.status();
    measure_cols.push_back(*col);
  }
  const int32_t from_month = a.from ? base::FirstOfMonth(*a.from) : INT32_MIN;
  const int32_t to = a.to ? *a.to : INT32_MAX;

  AggregateResult out;
  out.rows_read = static_cast<int64_t>(n);
  std::map<std::vector<int64_t>, std::vector<int64_t>> groups;  // raw key (codes/values) -> sums
  std::vector<int64_t> key(a.by.size());
  for (size_t r = 0; r < n; ++r) {
    bool pass = true;
    for (size_t f = 0; f < a.filters.size() && pass; ++f) {
      if (filter_ints[f] != nullptr) {
        const int64_t v = (*filter_ints[f])[r];
        pass = std::find(filter_numbers[f].begin(), filter_numbers[f].end(), v) != filter_numbers[f].end();
      } else {
        const uint32_t code = filter_cols[f]->codes[r];
        pass = code != store::kNullCode && allowed_codes[f][code];
      }
    }
    if (!pass) continue;
    if (months != nullptr) {
      const int32_t m = (*months)[r];
      if (m == INT32_MIN || m < from_month || m > to) continue;
    }
    if (a.keep && !a.keep(r)) continue;
    ++out.rows_matched;
    for (size_t d = 0; d < dims.size(); ++d) {
      if (dims[d].s != nullptr) {
        const uint32_t c = dims[d].s->codes[r];
        key[d] = c == store::kNullCode ? -1 : static_cast<int64_t>(c);
      } else if (dims[d].i != nullptr) {
        key[d] = (*dims[d].i)[r];
      } else {
        key[d] = (*dims[d].d)[r];
      }
    }
    auto& sums = groups[key];
    if (sums.empty()) sums.assign(a.measures.size(), 0);
    for (size_t m = 0; m < a.measures.size(); ++m) {
      if (measure_cols[m] == nullptr) {
        ++sums[m];
      } else if ((*measure_cols[m])[r] != INT64_MIN) {
        sums[m] += (*measure_cols[m])[r];
      }
    }
  }
  for (const auto& [raw, sums] : groups) {
    AggregateRow row;
    for (size_t d = 0; d < dims.size(); ++d) {
      if (dims[d].s != nullptr) {
        row.key.push_back(raw[d] < 0 ? std::string() : dims[d].s->dict[static_cast<size_t>(raw[d])]);
      } else if (dims[d].i != nullptr) {
        row.key.push_back(raw[d] == INT64_MIN ? std::string() : std::to_string(raw[d]));
      } else {
        row.key.push_back(raw[d] == INT32_MIN ? std::string() : MonthText(static_cast<int32_t>(raw[d])));
      }
    }
    row.sums = sums;
    out.rows.push_back(std::move(row));
  }
  std::sort(out.rows.begin(), out.rows.end(), [](const AggregateRow& x, const AggregateRow& y) { return x.key < y.key; });
  return out;
}

query::ResultTable ToResultTable(const Aggregation& a, const AggregateResult& r) {
  query::ResultTable t;
  for (const Dim& d : a.by) {
    t.columns.push_back(d.name);
    t.table_columns.push_back(d.name);
    if (d.kind == DimKind::kCountry) t.columns.push_back(d.name + "_code");
  }
  for (const Measure& m : a.measures) {
    t.columns.push_back(m.name);
    t.table_columns.push_back(m.name);
  }
  for (const AggregateRow& row : r.rows) {
    std::vector<query::Value> values;
    for (size_t d = 0; d < a.by.size(); ++d) {
      const std::string& k = row.key[d];
      if (a.by[d].kind == DimKind::kCountry) {
        values.push_back(query::Value::Text(k.empty() ? "(not mapped)" : CountryDisplayName(k)));
        values.push_back(k.empty() ? query::Value::Null() : query::Value::Text(k));
      } else if (a.by[d].kind == DimKind::kFiscalYear) {
        values.push_back(k.empty() ? query::Value::Null() : query::Value::Text(k));  // a year, not a quantity
      } else {
        values.push_back(k.empty() ? query::Value::Null() : query::Value::Text(k));
      }
    }
    for (int64_t s : row.sums) values.push_back(query::Value::Int(s));
    t.rows.push_back(std::move(values));
  }
  return t;
}

}  // namespace immstats::facts

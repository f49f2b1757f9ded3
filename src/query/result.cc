// Table, CSV and JSON printing of a ResultTable; Wilson intervals.
#include "query/result.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace immstats::query {

namespace {

std::string Thousands(int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}

std::string Human(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull: return "-";
    case Value::Kind::kText: return v.text;
    case Value::Kind::kInt: return Thousands(v.i);
    case Value::Kind::kRate: return fmt::format("{:.1f}%", v.d * 100);
    case Value::Kind::kNumber: return fmt::format("{:.1f}", v.d);
    case Value::Kind::kBool: return v.i != 0 ? "yes" : "";
  }
  return "";
}

std::string Plain(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull: return "";
    case Value::Kind::kText: return v.text;
    case Value::Kind::kInt: return std::to_string(v.i);
    case Value::Kind::kRate: return fmt::format("{}", RoundRate(v.d));
    case Value::Kind::kNumber: return fmt::format("{}", std::round(v.d * 10) / 10);
    case Value::Kind::kBool: return v.i != 0 ? "true" : "false";
  }
  return "";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

size_t Width(const std::string& s) {  // display width: UTF-8 continuation bytes take no column
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

double RoundRate(double r) { return std::round(r * 1e6) / 1e6; }

std::pair<double, double> WilsonInterval(int64_t k, int64_t n) {
  if (n <= 0) return {0, 0};
  const double z = 1.959963984540054, nn = static_cast<double>(n), p = static_cast<double>(k) / nn;
  const double denom = 1 + z * z / nn;
  const double center = (p + z * z / (2 * nn)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denom;
  return {std::max(0.0, center - half), std::min(1.0, center + half)};
}

Status SortRows(ResultTable* t, const std::string& field, size_t limit) {
  const auto comparison_at = std::find(t->columns.begin(), t->columns.end(), "comparison");
  const auto is_comparison = [&](const std::vector<Value>& row) {
    return comparison_at != t->columns.end() && row[static_cast<size_t>(comparison_at - t->columns.begin())].i != 0;
  };
  if (!field.empty()) {
    const auto at = std::find(t->columns.begin(), t->columns.end(), field);
    if (at == t->columns.end()) {
      std::string names;
      for (const auto& c : t->columns) names += (names.empty() ? "" : ", ") + c;
      return Status::InvalidArgument("cannot sort by '" + field + "': this answer's fields are " + names);
    }
    const auto c = static_cast<size_t>(at - t->columns.begin());
    std::stable_sort(t->rows.begin(), t->rows.end(), [&](const std::vector<Value>& a, const std::vector<Value>& b) {
      if (is_comparison(a) != is_comparison(b)) return is_comparison(b);
      const Value &x = a[c], &y = b[c];
      if ((x.kind == Value::Kind::kNull) != (y.kind == Value::Kind::kNull)) return y.kind == Value::Kind::kNull;
      if (x.kind == Value::Kind::kText) return x.text < y.text;
      if (x.kind == Value::Kind::kInt || x.kind == Value::Kind::kBool) return x.i > y.i;
      return x.d > y.d;
    });
  }
  if (limit > 0) {
    std::vector<std::vector<Value>> kept;
    size_t n = 0;
    for (auto& row : t->rows) {
      if (is_comparison(row) || n++ < limit) kept.push_back(std::move(row));
    }
    t->rows = std::move(kept);
  }
  return Status::Ok();
}

std::string FormatTable(const ResultTable& t) {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> cells(t.rows.size());
  std::vector<bool> right;
  auto index = [&](const std::string& name) -> int {
    auto it = std::find(t.columns.begin(), t.columns.end(), name);
    return it == t.columns.end() ? -1 : static_cast<int>(it - t.columns.begin());
  };
  for (const auto& name : t.table_columns) {
    const int c = index(name);
    if (c < 0) continue;
    const int lo = index(name + "_ci_low"), hi = index(name + "_ci_high");
    header.push_back(lo >= 0 ? name + " [95% CI]" : name);
    bool numeric = false;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      const Value& v = t.rows[r][static_cast<size_t>(c)];
      std::string s = Human(v);
      if (lo >= 0 && hi >= 0 && v.kind == Value::Kind::kRate) {
        s += fmt::format(" [{:.1f}, {:.1f}]", t.rows[r][static_cast<size_t>(lo)].d * 100, t.rows[r][static_cast<size_t>(hi)].d * 100);
      }
      numeric = numeric || v.kind == Value::Kind::kInt || v.kind == Value::Kind::kRate || v.kind == Value::Kind::kNumber;
      cells[r].push_back(std::move(s));
    }
    right.push_back(numeric);
  }
  std::vector<size_t> w(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    w[c] = Width(header[c]);
    for (const auto& row : cells) w[c] = std::max(w[c], Width(row[c]));
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& v) {
    std::string l;
    for (size_t c = 0; c < v.size(); ++c) {
      const std::string pad(w[c] - Width(v[c]), ' ');
      l += (c ? "  " : "") + (right[c] ? pad + v[c] : v[c] + pad);
    }
    while (!l.empty() && l.back() == ' ') l.pop_back();
    out += l + "\n";
  };
  line(header);
  std::vector<std::string> rule;
  for (size_t c = 0; c < header.size(); ++c) rule.emplace_back(w[c], '-');
  line(rule);
  for (const auto& row : cells) line(row);
  if (t.rows.empty()) out += "(no rows: nothing matches these filters in this window)\n";
  for (const auto& n : t.notes) out += n + "\n";
  if (!t.receipt.empty()) out += "\nReceipt\n" + t.receipt.dump(2) + "\n";
  return out;
}

std::string FormatCsv(const ResultTable& t) {
  std::string out;
  if (!t.receipt.empty()) {  // comment lines ahead of the header, one JSON document: `grep '^#' | cut -c3-`
    std::string r = t.receipt.dump(2);
    size_t pos = 0;
    while (pos < r.size()) {
      const size_t nl = r.find('\n', pos);
      out += "# " + r.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos) + "\n";
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
  }
  for (size_t c = 0; c < t.columns.size(); ++c) out += (c ? "," : "") + CsvField(t.columns[c]);
  out += "\n";
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + CsvField(Plain(row[c]));
    out += "\n";
  }
  return out;
}

// The same bytes as nlohmann's dump(2) of the whole document, but rows are written straight into the output
// instead of being built as a tree first (a by-nationality-by-year answer has thousands of rows).
std::string FormatJson(const ResultTable& t) {
  auto indented = [](const nlohmann::ordered_json& j, const std::string& pad) {
    std::string text = j.dump(2), out;
    out.reserve(text.size());
    for (char c : text) {
      out += c;
      if (c == '\n') out += pad;
    }
    return out;
  };
  std::string out;
  out.reserve(4096 + t.rows.size() * t.columns.size() * 48);  // one allocation for thousands of rows
  out += "{\n  \"query\": " + indented(t.query, "  ") + ",\n  \"rows\": [";
  std::vector<std::string> keys;
  for (const auto& c : t.columns) keys.push_back(nlohmann::ordered_json(c).dump());
  for (size_t r = 0; r < t.rows.size(); ++r) {
    out += r == 0 ? "\n    {" : ",\n    {";
    const auto& row = t.rows[r];
    for (size_t c = 0; c < row.size(); ++c) {
      out += c == 0 ? "\n      " : ",\n      ";
      out += keys[c];
      out += ": ";
      const Value& v = row[c];
      switch (v.kind) {
        case Value::Kind::kNull: out += "null"; break;
        case Value::Kind::kText: out += nlohmann::ordered_json(v.text).dump(); break;
        case Value::Kind::kInt: out += std::to_string(v.i); break;
        case Value::Kind::kRate: out += nlohmann::ordered_json(RoundRate(v.d)).dump(); break;
        case Value::Kind::kNumber: out += nlohmann::ordered_json(std::round(v.d * 10) / 10).dump(); break;
        case Value::Kind::kBool: out += v.i != 0 ? "true" : "false"; break;
      }
    }
    out += row.empty() ? "}" : "\n    }";
  }
  out += t.rows.empty() ? "]" : "\n  ]";
  if (!t.notes.empty()) out += ",\n  \"notes\": " + indented(nlohmann::ordered_json(t.notes), "  ");
  if (!t.receipt.empty()) out += ",\n  \"receipt\": " + indented(t.receipt, "  ");
  return out + "\n}\n";
}

std::string Format(const ResultTable& t, OutputFormat f) {
  switch (f) {
    case OutputFormat::kTable: return FormatTable(t);
    case OutputFormat::kCsv: return FormatCsv(t);
    case OutputFormat::kJson: return FormatJson(t);
  }
  return "";
}

}  // namespace immstats::query

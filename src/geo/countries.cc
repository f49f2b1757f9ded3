// Parses the crosswalk table and answers lookups by code, EOIR code and spelling.
#include "geo/countries.h"

#include <algorithm>
#include <cassert>

#include "geo/country_table.h"

namespace immstats::geo {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

CountryKind ParseKind(std::string_view k) {
  if (k == "territory") return CountryKind::kTerritory;
  if (k == "former") return CountryKind::kFormer;
  if (k == "region") return CountryKind::kRegion;
  if (k == "placeholder") return CountryKind::kPlaceholder;
  assert(k == "country");
  return CountryKind::kCountry;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

const Country* Find(const std::vector<std::pair<std::string, size_t>>& index, const std::vector<Country>& all,
                    const std::string& key) {
  auto it = std::lower_bound(index.begin(), index.end(), key,
                             [](const auto& a, const std::string& k) { return a.first < k; });
  if (it == index.end() || it->first != key) return nullptr;
  return &all[it->second];
}

size_t Distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

const char* CountryKindName(CountryKind k) {
  switch (k) {
    case CountryKind::kCountry: return "country";
    case CountryKind::kTerritory: return "territory";
    case CountryKind::kFormer: return "former state";
    case CountryKind::kRegion: return "region";
    case CountryKind::kPlaceholder: return "placeholder";
  }
  return "?";
}

std::string NormalizeName(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = true;
  auto put = [&](char c) {
    if (c == ' ') {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isalnum(c)) {
      put(static_cast<char>(std::toupper(c)));
    } else if (c == '&') {
      put(' ');
      for (char a : std::string_view("AND")) put(a);
      put(' ');
    } else if (c == 0xC3 && i + 1 < s.size()) {  // UTF-8 Latin-1 supplement letters: drop the accent
      const unsigned char d = static_cast<unsigned char>(s[++i]);
      static const char kBase[] = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
      const int idx = d - 0x80;
      if (idx >= 0 && idx < 64 && std::isalpha(static_cast<unsigned char>(kBase[idx]))) {
        put(static_cast<char>(std::toupper(static_cast<unsigned char>(kBase[idx]))));
      }
    } else if (c == '\'') {
      // D'IVOIRE and D IVOIRE alike; PEOPLE'S and PEOPLES alike
      if (i + 1 < s.size() && s[i + 1] == 's') continue;
      if (i + 1 < s.size() && s[i + 1] == 'S') continue;
      put(' ');
    } else {
      put(' ');
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.rfind("THE ", 0) == 0) out.erase(0, 4);
  return out;
}

Countries::Countries() {
  for (std::string_view line : Split(kCountryTable, '\n')) {
    if (line.empty()) continue;
    const auto f = Split(line, '|');
    assert(f.size() == 5 && "country table line must have 5 fields");
    Country c;
    c.code = std::string(f[0]);
    c.name = std::string(f[1]);
    c.kind = ParseKind(f[2]);
    for (auto code : Split(f[3], ' ')) {
      if (!code.empty()) c.eoir_codes.emplace_back(code);
    }
    const size_t idx = countries_.size();
    by_code_.emplace_back(Upper(c.code), idx);
    by_name_.emplace_back(NormalizeName(c.name), idx);
    for (const auto& e : c.eoir_codes) by_eoir_.emplace_back(e, idx);
    for (auto alias : Split(f[4], ';')) {
      if (!alias.empty()) by_name_.emplace_back(NormalizeName(alias), idx);
    }
    countries_.push_back(std::move(c));
  }
  for (std::string_view line : Split(kDemonymTable, '\n')) {
    if (line.empty()) continue;
    const auto f = Split(line, '|');
    assert(f.size() == 2 && "demonym table line must have 2 fields");
    auto it = std::find_if(by_code_.begin(), by_code_.end(), [&](const auto& e) { return e.first == Upper(f[0]); });
    assert(it != by_code_.end() && "demonym of an unknown code");
    if (it == by_code_.end()) continue;
    for (auto d : Split(f[1], ';')) {
      if (d.empty() || d.find('(') != std::string_view::npos) continue;  // "(Republic)" forms are ambiguous
      by_demonym_.emplace_back(NormalizeName(d), it->second);
    }
  }
  // "Dominican" names the Dominican Republic; Dominica's people are written with their country's name.
  for (auto* index : {&by_code_, &by_name_, &by_eoir_, &by_demonym_}) {
    std::sort(index->begin(), index->end());
    // A spelling listed twice must mean one country: a table error otherwise.
    for (size_t i = 1; i < index->size(); ++i) {
      assert(((*index)[i].first != (*index)[i - 1].first || (*index)[i].second == (*index)[i - 1].second) &&
             "a spelling or code maps to two countries");
    }
    index->erase(std::unique(index->begin(), index->end()), index->end());
  }
}

const Countries& Countries::Get() {
  static const Countries* const kInstance = new Countries();
  return *kInstance;
}

const Country* Countries::ByCode(std::string_view code) const { return Find(by_code_, countries_, Upper(code)); }

const Country* Countries::ByEoirCode(std::string_view nat) const {
  return Find(by_eoir_, countries_, std::string(nat));
}

const Country* Countries::ByName(std::string_view spelling) const {
  const std::string key = NormalizeName(spelling);
  if (key.empty()) return nullptr;
  return Find(by_name_, countries_, key);
}

const Country* Countries::ResolveCitizenship(std::string_view text) const {
  if (const Country* c = ByCode(text)) return c;
  if (const Country* c = ByName(text)) return c;
  return ByEoirCode(Upper(text));
}

const Country* Countries::ResolveNationality(std::string_view text) const {
  if (const Country* c = ByEoirCode(Upper(text))) return c;
  if (const Country* c = ByName(text)) return c;
  return ByCode(text);
}

const Country* Countries::ByDemonym(std::string_view word) const {
  const std::string key = NormalizeName(word);
  if (key.empty()) return nullptr;
  if (const Country* c = Find(by_demonym_, countries_, key)) return c;
  // Plurals: "Hondurans", "Filipinos", "Nepalis"; "-ese", "Swiss" and "Thai" stay as they are.
  if (key.size() > 3 && key.back() == 'S') return Find(by_demonym_, countries_, key.substr(0, key.size() - 1));
  return nullptr;
}

std::vector<std::string> Countries::Suggest(std::string_view text, size_t n) const {
  const std::string key = NormalizeName(text);
  std::vector<std::pair<size_t, size_t>> scored;  // distance, country
  for (const auto& [name, idx] : by_name_) scored.emplace_back(Distance(key, name), idx);
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [d, idx] : scored) {
    if (out.size() >= n || d > std::max<size_t>(3, key.size() / 3)) break;
    const std::string& name = countries_[idx].name;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

}  // namespace immstats::geo

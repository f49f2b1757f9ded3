// The country crosswalk: each source's spelling or code of a country mapped to one canonical entry.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace immstats::geo {

enum class CountryKind { kCountry, kTerritory, kFormer, kRegion, kPlaceholder };
const char* CountryKindName(CountryKind k);

struct Country {
  std::string code;  // ISO 3166-1 alpha-2; ISO 3166-3 alpha-4 for former states; XXA/XXX placeholders
  std::string name;  // display name
  CountryKind kind = CountryKind::kCountry;
  std::vector<std::string> eoir_codes;  // EOIR NAT codes that mean this entry
};

class Countries {
 public:
  // The built-in crosswalk (src/geo/country_table.cc), parsed once.
  static const Countries& Get();

  const std::vector<Country>& all() const { return countries_; }
  // By canonical code (case-insensitive).
  const Country* ByCode(std::string_view code) const;
  // By an EOIR NAT code as released (case-sensitive two letters, "??").
  const Country* ByEoirCode(std::string_view nat) const;
  // By any spelling a source uses (see NormalizeName); nullptr if unknown.
  const Country* ByName(std::string_view spelling) const;
  // What a user typed for --citizenship: a canonical code, then any spelling, then an EOIR NAT code.
  const Country* ResolveCitizenship(std::string_view text) const;
  // What a user typed for --nationality (EOIR's axis): an EOIR NAT code, then any spelling, then a canonical code.
  const Country* ResolveNationality(std::string_view text) const;
  // By a demonym, singular or plural ("Honduran", "Hondurans", "Salvadorans"); nullptr if none.
  const Country* ByDemonym(std::string_view word) const;
  // Up to `n` display names closest to `text`, for "did you mean" messages.
  std::vector<std::string> Suggest(std::string_view text, size_t n = 3) const;

 private:
  Countries();
  std::vector<Country> countries_;
  std::vector<std::pair<std::string, size_t>> by_name_;  // normalised spelling -> index, sorted
  std::vector<std::pair<std::string, size_t>> by_eoir_;
  std::vector<std::pair<std::string, size_t>> by_code_;
  std::vector<std::pair<std::string, size_t>> by_demonym_;
};

// Upper case ASCII, '&' read as AND, accents on Latin letters dropped, any other punctuation a space, spaces
// collapsed, a leading THE dropped: "Cote d'Ivoire" and "COTE D IVOIRE" normalise alike.
std::string NormalizeName(std::string_view s);

}  // namespace immstats::geo

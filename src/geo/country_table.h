// The crosswalk's data tables (one line per canonical country; demonyms), parsed by countries.cc.
#pragma once

namespace immstats::geo {

extern const char* const kCountryTable;
extern const char* const kDemonymTable;

}  // namespace immstats::geo

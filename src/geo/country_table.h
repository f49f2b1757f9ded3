// The crosswalk's data table (one line per canonical country), parsed by countries.cc.
#pragma once

namespace immstats::geo {

extern const char* const kCountryTable;

}  // namespace immstats::geo

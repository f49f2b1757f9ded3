// The immstats version string, stamped into receipts, manifests and generated releases.
#pragma once

namespace immstats {
inline constexpr const char* kVersion = "0.1.0";
}  // namespace immstats

// Deterministic random streams: a seed plus a stream key always yields the same sequence.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>

namespace immstats::base {

// Mixes a 64-bit value (SplitMix64 finaliser); used to derive independent stream seeds.
constexpr uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Seed for the stream named by (seed, a, b): independent of how work is split among threads.
constexpr uint64_t StreamSeed(uint64_t seed, uint64_t a, uint64_t b = 0) {
  return Mix64(Mix64(Mix64(seed) ^ a) ^ (b * 0xd6e8feb86659fd93ULL));
}

// xoshiro256** generator with sampling helpers. Cheap to construct: one per case or per block.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t x = seed;
    for (auto& s : s_) {
      x = Mix64(x);
      s = x;
    }
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [lo, hi] (inclusive).
  int64_t Between(int64_t lo, int64_t hi) {
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>(Next() % span);
  }
  bool Chance(double p) { return Uniform() < p; }
  // Standard normal (Box-Muller; one value per call, the pair's twin is discarded for simplicity).
  double Normal() {
    double u1 = Uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    const double u2 = Uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  double LogNormal(double median, double sigma) { return median * std::exp(sigma * Normal()); }
  // Index drawn with probability proportional to `cumulative` (a non-decreasing prefix-sum array).
  size_t PickCumulative(std::span<const double> cumulative) {
    const double x = Uniform() * cumulative.back();
    size_t lo = 0, hi = cumulative.size() - 1;
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

 private:
  static constexpr uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace immstats::base

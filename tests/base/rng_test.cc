// Random streams: determinism per stream key, ranges and rough distribution shapes.
#include "base/rng.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace immstats::base {
namespace {

TEST(Rng, SameStreamSameSequenceDifferentStreamDifferent) {
  Rng a(StreamSeed(7, 1, 2)), b(StreamSeed(7, 1, 2)), c(StreamSeed(7, 1, 3)), d(StreamSeed(8, 1, 2));
  int equal_c = 0, equal_d = 0;
  for (int i = 0; i < 1000; ++i) {
    const uint64_t x = a.Next();
    ASSERT_EQ(x, b.Next());
    equal_c += x == c.Next();
    equal_d += x == d.Next();
  }
  EXPECT_EQ(equal_c, 0);
  EXPECT_EQ(equal_d, 0);
}

TEST(Rng, BetweenStaysInRangeAndCoversIt) {
  Rng r(42);
  std::vector<int> seen(7, 0);
  for (int i = 0; i < 7000; ++i) {
    const int64_t v = r.Between(3, 9);
    ASSERT_GE(v, 3);
    ASSERT_LE(v, 9);
    ++seen[static_cast<size_t>(v - 3)];
  }
  for (int n : seen) EXPECT_GT(n, 800);
}

TEST(Rng, NormalHasUnitMomentsAndLogNormalItsMedian) {
  Rng r(5);
  double sum = 0, sum2 = 0;
  const int n = 200000;
  int below_median = 0;
  for (int i = 0; i < n; ++i) {
    const double x = r.Normal();
    sum += x;
    sum2 += x * x;
    below_median += r.LogNormal(100, 0.8) < 100;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.01);
  EXPECT_NEAR(sum2 / n, 1.0, 0.02);
  EXPECT_NEAR(static_cast<double>(below_median) / n, 0.5, 0.01);
}

TEST(Rng, PickCumulativeFollowsWeights) {
  Rng r(9);
  const std::vector<double> cum = {1, 1, 4};  // weights 1, 0, 3
  std::vector<int> n(3, 0);
  for (int i = 0; i < 40000; ++i) ++n[r.PickCumulative(cum)];
  EXPECT_EQ(n[1], 0);
  EXPECT_NEAR(static_cast<double>(n[0]) / 40000, 0.25, 0.01);
}

}  // namespace
}  // namespace immstats::base

// IdIndex and CompactIds: every key shape the derive step meets (dense, sparse in order, sparse out of order,
// repeated, null, wider than 32 bits) finds each key's first row and nothing else.
#include "derive/id_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "store/column_file.h"

namespace immstats::derive {
namespace {

// Checks Find against a std::map of first rows, for every key present and some absent.
void ExpectFindsFirstRows(const std::vector<int64_t>& keys) {
  store::Values<int64_t> v(keys.begin(), keys.end());
  CompactIds ids;
  ids.Assign(v);
  ASSERT_EQ(ids.size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) ASSERT_EQ(ids[i], keys[i]) << i;
  IdIndex index;
  index.Build(ids);
  std::map<int64_t, int32_t> first;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != store::kNullInt64) first.emplace(keys[i], static_cast<int32_t>(i));
  }
  for (const auto& [k, row] : first) ASSERT_EQ(index.Find(k), row) << k;
  // Lookups in child order (grouped by parent) and in random order give the same rows.
  std::mt19937_64 rng(7);
  for (int n = 0; n < 2000 && !keys.empty(); ++n) {
    const int64_t k = keys[rng() % keys.size()];
    if (k != store::kNullInt64) {
      ASSERT_EQ(index.Find(k), first[k]);
    }
  }
  for (const int64_t absent : {int64_t{-5}, int64_t{3}, int64_t{1} << 40, INT64_MAX}) {
    if (first.count(absent) == 0) {
      EXPECT_EQ(index.Find(absent), -1) << absent;
    }
  }
}

TEST(IdIndex, DenseKeys) { ExpectFindsFirstRows({10, 11, 12, 14, 13, 17}); }

TEST(IdIndex, SparseKeysInOrderAreSearchedInPlace) {
  std::vector<int64_t> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back(1000 + int64_t{i} * 7);
  ExpectFindsFirstRows(keys);
}

TEST(IdIndex, SparseKeysOutOfOrderRepeatedAndNull) {
  std::vector<int64_t> keys;
  std::mt19937_64 rng(3);
  for (int i = 0; i < 5000; ++i) keys.push_back(100 + static_cast<int64_t>(rng() % 60000));
  keys[17] = store::kNullInt64;
  keys[400] = keys[5];  // a repeat keeps the first row
  ExpectFindsFirstRows(keys);
}

TEST(IdIndex, KeysWiderThan32Bits) {
  ExpectFindsFirstRows({1, int64_t{1} << 40, 5, (int64_t{1} << 40) + 9, store::kNullInt64, -3});
}

TEST(IdIndex, EmptyAndAllNull) {
  ExpectFindsFirstRows({});
  ExpectFindsFirstRows({store::kNullInt64, store::kNullInt64});
}

}  // namespace
}  // namespace immstats::derive

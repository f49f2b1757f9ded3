// Status and Result: messages, codes, exit codes, value access.
#include "immstats/status.h"

#include <gtest/gtest.h>

#include <string>

namespace immstats {
namespace {

Result<int> Half(int v) {
  if (v % 2 != 0) return Status::InvalidArgument("odd: " + std::to_string(v));
  return v / 2;
}

Status Chain(int v, int* out) {
  auto r = Half(v);
  if (!r.ok()) return r.status();
  *out = *r;
  IMMSTATS_RETURN_IF_ERROR(Half(*out).status());
  return Status::Ok();
}

TEST(Status, CarriesCodeMessageAndExitCode) {
  const Status s = Status::NotFound("no such table");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.ToString(), "NotFound: no such table");
  EXPECT_EQ(s.ExitCode(), 3);
  EXPECT_EQ(Status::Ok().ExitCode(), 0);
  EXPECT_EQ(Status::InvalidArgument("x").ExitCode(), 2);
}

TEST(Result, HoldsValueOrStatus) {
  auto ok = Half(8);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 4);
  auto bad = Half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "odd: 3");
  int out = 0;
  EXPECT_TRUE(Chain(8, &out).ok());
  EXPECT_EQ(Chain(6, &out).message(), "odd: 3");
}

}  // namespace
}  // namespace immstats

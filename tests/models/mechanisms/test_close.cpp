// Close (models/mechanisms/close.cpp): the win probability.
#include "models/mechanisms/close.hpp"

#include <gtest/gtest.h>

#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

TEST(Close, JointPlayRaisesKeyAccountWinsOnly) {
  auto c = testing::parameters_with({})->close;
  const double base = win_probability(0.5, true, c);
  c.joint_key_account_play = true;
  EXPECT_NEAR(win_probability(0.5, true, c), base * (1.0 + c.joint_play_win_uplift), 1e-12);
  EXPECT_DOUBLE_EQ(win_probability(0.5, false, c), base);
  EXPECT_LE(win_probability(1.0, true, c), 0.95);
}

}  // namespace
}  // namespace alignsim::model

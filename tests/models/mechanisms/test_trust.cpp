#include "models/mechanisms/trust.hpp"

#include <gtest/gtest.h>

#include "../model_test_support.hpp"

namespace alignsim::model {
namespace {

TEST(TrustLearner, BetaWithoutForgettingIsPosteriorMean) {
  auto p = testing::parameters_with({{"trust.learner", std::string("beta")}, {"trust.forgetting", 1.0}})->trust;
  // Prior trust 0.25 with strength 4: alpha0 = 1, beta0 = 3.
  TrustState s = initial_trust_state(0.25, p);
  const bool outcomes[] = {true, false, true, true, false, true, false};
  int k = 0, n = 0;
  for (bool good : outcomes) {
    learn_from_outcome(s, good, p, p.bad_news_weight);
    k += good ? 1 : 0;
    ++n;
    EXPECT_NEAR(s.trust, (1.0 + k) / (4.0 + n), 1e-12);
  }
}

TEST(TrustLearner, EwmaMovesTowardOutcomeAndBadNewsWeighsMore) {
  auto p = testing::parameters_with({{"trust.learning_rate", 0.1}, {"trust.bad_news_weight", 2.0}})->trust;
  TrustState s = initial_trust_state(0.5, p);
  learn_from_outcome(s, true, p, p.bad_news_weight);
  EXPECT_NEAR(s.trust, 0.55, 1e-12);
  learn_from_outcome(s, false, p, p.bad_news_weight);
  EXPECT_NEAR(s.trust, 0.55 - 0.2 * 0.55, 1e-12);
}

TEST(TrustLearner, NoLearningWhenSwitchedOff) {
  auto p = testing::parameters_with({{"trust.learning", false}})->trust;
  TrustState s = initial_trust_state(0.3, p);
  learn_from_outcome(s, true, p, p.bad_news_weight);
  EXPECT_DOUBLE_EQ(s.trust, 0.3);
}

}  // namespace
}  // namespace alignsim::model

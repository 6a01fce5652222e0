#include "sim/random/random.hpp"

#include <gtest/gtest.h>

#include <Random123/philox.h>

#include <cmath>
#include <numbers>

namespace alignsim::sim {
namespace {

TEST(RandomStreams, PhiloxMatchesPublishedKnownAnswer) {
  // Random123's kat_vectors: philox4x32 10 rounds, zero counter and key.
  r123::Philox4x32 philox;
  const auto out = philox({{0, 0, 0, 0}}, {{0, 0}});
  EXPECT_EQ(out[0], 0x6627e8d5u);
  EXPECT_EQ(out[1], 0xe169c58du);
  EXPECT_EQ(out[2], 0xbc57ac4cu);
  EXPECT_EQ(out[3], 0x9b00dbd8u);
}

TEST(RandomStreams, SameKeySameValue) {
  const RandomStreams a(42, 3), b(42, 3);
  const DrawKey key{7, 11, 2, 0};
  EXPECT_EQ(a.uniform(key), b.uniform(key));
}

TEST(RandomStreams, OtherSeedReplicateAgentTickPurposeOrIndexDiffers) {
  const RandomStreams base(42, 3);
  const DrawKey key{7, 11, 2, 1};
  const double v = base.uniform(key);
  EXPECT_NE(v, RandomStreams(43, 3).uniform(key));
  EXPECT_NE(v, RandomStreams(42, 4).uniform(key));
  EXPECT_NE(v, base.uniform({8, 11, 2, 1}));
  EXPECT_NE(v, base.uniform({7, 12, 2, 1}));
  EXPECT_NE(v, base.uniform({7, 11, 3, 1}));
  EXPECT_NE(v, base.uniform({7, 11, 2, 2}));
}

TEST(RandomStreams, StoredValuesDoNotChangeBetweenBuilds) {
  // Guards the bit layout of keys and the uniform transform: changing either would
  // silently change every published result.
  const RandomStreams streams(12345, 0);
  const auto [u1, u2] = streams.uniform_pair({1, 2, 3, 4});
  EXPECT_EQ(u1, 0.83931464659038990);  // recorded from this implementation
  EXPECT_EQ(u2, 0.51967578405513903);
}

TEST(RandomStreams, BernoulliIsUniformBelowProbability) {
  // bernoulli is exactly uniform(key) < p, so a probability of 0 (or below, or NaN)
  // never succeeds and 1 always does: the model relies on this when it skips the draw
  // of a mechanism whose rate is 0 (models/simulation*.cpp), leaving results unchanged.
  const RandomStreams streams(7, 3);
  for (std::uint32_t agent = 0; agent < 2000; ++agent) {
    const DrawKey key{agent, 11, 5, 0};
    const double u = streams.uniform(key);
    for (const double p : {1e-300, 0.001, 0.25, 0.5, u, 0.999, 1.0 - 1e-16}) {
      EXPECT_EQ(streams.bernoulli(key, p), u < p) << agent << " " << p;
    }
    EXPECT_FALSE(streams.bernoulli(key, 0.0));
    EXPECT_FALSE(streams.bernoulli(key, -0.5));
    EXPECT_FALSE(streams.bernoulli(key, std::nan("")));
    EXPECT_TRUE(streams.bernoulli(key, 1.0));
    EXPECT_TRUE(streams.bernoulli(key, 2.0));
  }
}

TEST(RandomTransforms, UniformIsOpenInterval) {
  EXPECT_GT(uniform_from_bits(0), 0.0);
  EXPECT_LT(uniform_from_bits(~0ull), 1.0);
  EXPECT_EQ(uniform_from_word(0), 0x1.0p-33);  // centred in the first of 2^32 cells
  EXPECT_EQ(uniform_from_word(~0u), 1.0 - 0x1.0p-33);
  EXPECT_EQ(uniform_from_words(0x80000000u, 0), 0.5 + 0x1.0p-53);
}

TEST(RandomStreams, UniformPairIsTheCallsFourWords) {
  const RandomStreams streams(12345, 0);
  const DrawKey key{1, 2, 3, 4};
  const auto w = streams.words(key);
  const auto [u1, u2] = streams.uniform_pair(key);
  EXPECT_EQ(u1, uniform_from_words(w[0], w[1]));
  EXPECT_EQ(u2, uniform_from_words(w[2], w[3]));
}

TEST(RandomStreams, NormalIsTheQuantileOfTheFirstUniform) {
  const RandomStreams streams(99, 2);
  for (std::uint64_t agent = 0; agent < 100; ++agent) {
    const DrawKey key{agent, 5, 6, 0};
    const double u = streams.uniform(key);
    const double z = streams.normal(key, 0.0, 1.0);
    EXPECT_NEAR(0.5 * std::erfc(-z / std::numbers::sqrt2), u, 1e-15);
    EXPECT_EQ(streams.normal(key, 3.0, 2.0), 3.0 + 2.0 * z);
  }
}

TEST(RandomTransforms, MomentsMatchClosedForms) {
  // 200,000 draws: the standard error of a uniform mean is 0.29/sqrt(n) = 6.5e-4, so a
  // tolerance of 0.003 is over 4 standard errors; likewise for the other moments.
  const RandomStreams streams(2024, 1);
  const int n = 200000;
  double sum_u = 0, sum_e = 0, sum_z = 0, sum_z2 = 0, sum_ln = 0;
  for (int i = 0; i < n; ++i) {
    const DrawKey key{static_cast<std::uint64_t>(i), 0, 1, 0};
    sum_u += streams.uniform(key);
    sum_e += streams.exponential({static_cast<std::uint64_t>(i), 1, 1, 0}, 2.0);
    const double z = streams.normal({static_cast<std::uint64_t>(i), 2, 1, 0}, 0.0, 1.0);
    sum_z += z;
    sum_z2 += z * z;
    sum_ln += streams.lognormal_with_mean({static_cast<std::uint64_t>(i), 3, 1, 0}, 5.0, 0.5);
  }
  EXPECT_NEAR(sum_u / n, 0.5, 0.003);
  EXPECT_NEAR(sum_e / n, 2.0, 0.02);     // sd 2/sqrt(n) = 0.0045
  EXPECT_NEAR(sum_z / n, 0.0, 0.01);     // sd 0.0022
  EXPECT_NEAR(sum_z2 / n, 1.0, 0.015);   // sd sqrt(2/n) = 0.0032
  EXPECT_NEAR(sum_ln / n, 5.0, 0.03);    // sd 5*sqrt(e^0.25-1)/sqrt(n) = 0.006
}

}  // namespace
}  // namespace alignsim::sim

#include "models/prospect_traits.hpp"

#include <cmath>

#include "models/random_purposes.hpp"
#include "sim/random/normal_quantile.hpp"

namespace alignsim::model {

ProspectTraitDraw::ProspectTraitDraw(const PopulationParameters& population) noexcept
    : fit_(population.fit_shape_a, population.fit_shape_b),
      // E[exp(N(mu, sigma))] = exp(mu + sigma^2 / 2) = the scenario's mean deal size.
      log_deal_median_(std::log(population.deal_size_mean_usd) - 0.5 * population.deal_size_sigma *
                                                                      population.deal_size_sigma),
      deal_sigma_(population.deal_size_sigma) {}

ProspectTraits ProspectTraitDraw::operator()(const sim::RandomStreams& random, std::uint32_t prospect) const noexcept {
  const auto w = random.words({prospect, 0, id(Purpose::prospect_traits), 0});
  const double z = sim::standard_normal_quantile(sim::uniform_from_words(w[2], w[3]));
  return {fit_(sim::uniform_from_word(w[0])), std::exp(log_deal_median_ + deal_sigma_ * z),
          sim::exponential_from_uniform(sim::uniform_from_word(w[1]), 1.0)};
}

}  // namespace alignsim::model

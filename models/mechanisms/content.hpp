#pragma once
// The interface of content.cpp, the home of this mechanism (headed by its number).
// Sales input into content (docs/model.md; seeds 000, 004): the relevance of
// marketing's material.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Relevance after one business day of sales input (toward the maximum); unchanged
// without sales input.
[[nodiscard]] double relevance_after_day(const ContentParameters& c, double relevance) noexcept;

// Relative lift of engagement or qualification from relevance gained since the start;
// `effect` is ContentParameters::engagement_effect or qualification_effect.
[[nodiscard]] double content_lift(const ContentParameters& c, double effect, double relevance) noexcept;

// Share of reps' material that is their own off-message content at `relevance` (seed
// 004: where marketing's content misses, reps make their own).
[[nodiscard]] double own_content_share(const ContentParameters& c, double relevance) noexcept;

// Relative win probability of a hoarded deal, sold with the reps' own content.
[[nodiscard]] double hoarded_win_multiplier(const ContentParameters& c, double relevance) noexcept;

// Rise of message consistency (1 - own content share) since the start; it lowers churn
// (churn.hpp).
[[nodiscard]] double consistency_gain(const ContentParameters& c, double relevance) noexcept;

}  // namespace alignsim::model

#pragma once
// The interface of feedback.cpp, the home of this mechanism (headed by its number).
// Feedback loop (docs/model.md; seeds 002, 004): reasons for rejected leads sharpen
// scoring.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Marketing's scoring noise after one reported reason: each report removes a share of
// the noise it can still remove (down to the minimum, or the current noise if lower).
[[nodiscard]] double noise_after_report(const FeedbackParameters& f, double noise_sd) noexcept;

}  // namespace alignsim::model

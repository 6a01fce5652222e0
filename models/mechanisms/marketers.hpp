#pragma once
// The interface of marketers.cpp, the home of this mechanism (headed by its number).
// Marketers as agents (docs/model.md; seeds 001, 002, 003, 004): each marketer owns a
// programme (the prospects it reaches), its own scoring bar and content relevance, a
// split of time between campaigns and the field, and a pay plan it may adapt to.
// Pure rules: no state, no randomness; the run (models/simulation_marketers.cpp) keeps
// the marketers' state and calls these.
#include <cstdint>
#include <span>

#include "models/model_parameters.hpp"

namespace alignsim::model {

// The marketer whose programme reaches prospect `prospect`: programmes take turns over
// prospect ids, so each reaches an equal share of the market and no draw is needed.
[[nodiscard]] std::uint32_t programme_of(const MarketerParameters& m, std::uint32_t prospect) noexcept;

// How marketer `index` differs, evenly spread around the scenario's values: its place in
// [-0.5, 0.5] (0 for a single marketer).
[[nodiscard]] double spread_position(const MarketerParameters& m, std::uint32_t index) noexcept;
[[nodiscard]] double initial_bar(const MarketerParameters& m, double bar_in_force, std::uint32_t index) noexcept;
[[nodiscard]] double relevance_offset(const MarketerParameters& m, std::uint32_t index) noexcept;

// Field time: the first `field_count` marketers spend `field_share` of their time with
// reps and customers, and that much less on campaigns (their programme's inquiries).
[[nodiscard]] bool works_in_field(const MarketerParameters& m, std::uint32_t index) noexcept;
[[nodiscard]] double campaign_multiplier(const MarketerParameters& m, std::uint32_t index) noexcept;

// At syncs with admitted mistakes (syncs.admit_mistakes), only the first
// `admitting_count` marketers own up to their bad batches.
[[nodiscard]] bool admits_mistakes(const MarketerParameters& m, const SyncParameters& s,
                                   std::uint32_t index) noexcept;

// The trust a rep puts in a lead from one marketer: its record of that marketer, pooled
// with its view of marketing as a whole (pooling 1: only the whole).
[[nodiscard]] double pooled_trust(const MarketerParameters& m, double overall, double of_marketer) noexcept;

// A marketer's pay over a review period: w x USD per MQL x its MQLs + (1 - w) x
// commission x bookings, where bookings are its own leads' (or, with a shared pool,
// the pool-weighted mix of its own and its per-marketer share of all bookings).
[[nodiscard]] double marketer_pay(const ModelParameters& p, double mqls, double own_bookings_usd,
                                  double all_bookings_usd) noexcept;

// What a marketer compares between reviews: pay per inquiry its programme drew, so that
// a market growing or shrinking for other reasons does not read as the effect of its bar.
[[nodiscard]] double pay_per_inquiry(double pay, double inquiries) noexcept;

// Marketer `index`'s starting share of the marketing budget: (1 + budget_spread x its
// spread position) / count, equal by default; the shares sum to 1.
[[nodiscard]] double initial_budget_share(const MarketerParameters& m, std::uint32_t index) noexcept;

// Whether programmes' inquiries can respond differently to spend (a Hill response,
// adstock, unequal or moving shares): then each programme needs its own engagement clock
// (models/engagement_clock.hpp). Otherwise one clock with the budget's factor serves all,
// the model before per-programme spend, bitwise.
[[nodiscard]] bool programmes_respond_to_own_spend(const ModelParameters& p) noexcept;

// The budget rule at a review (marketers.budget_rule): `result` per dollar of `spend`
// over the review period ranks the programmes that spent; budget_step of the budget (at
// most what it has) moves from the lowest to the highest (the first of equals; nothing
// moves if all are equal or fewer than two spent). Shares stay >= 0 and keep their sum.
// Deterministic: no draws, so variants keep common random numbers.
void move_budget_share(const MarketerParameters& m, std::span<const double> result, std::span<const double> spend,
                       std::span<double> share) noexcept;

// The learning rule (docs/model.md, "Adaptation"): hill climbing by perturb-and-observe.
// Each review the marketer moves its bar one step in its current direction, and turns
// round when the last step lowered its pay.
struct BarLearner {
  double bar = 0.0;
  double direction = 1.0;  // +1: raising the bar
  double last_pay = 0.0;
  bool has_last_pay = false;
};
void review_bar(const MarketerParameters& m, BarLearner& learner, double pay) noexcept;

}  // namespace alignsim::model

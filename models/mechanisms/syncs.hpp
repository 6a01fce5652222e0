#pragma once
// The interface of syncs.cpp, the home of this mechanism (headed by its number).
// Regular syncs and transparency (docs/model.md; seeds 002, 003, 004): shared data
// and admitted mistakes move trust.
// Pure rules: no state, no randomness; the run (models/simulation*.cpp) keeps the agents'
// state, draws the random numbers and calls these in the day's schedule.
#include <cstdint>
#include <vector>

#include "models/agents.hpp"
#include "models/model_parameters.hpp"

namespace alignsim::model {

// Whether the teams meet at the end of business day `day`.
[[nodiscard]] bool is_sync_day(const SyncParameters& s, std::int64_t day) noexcept;

// Counts an MQL of expected quality `quality` (probability it qualifies if answered at
// once) toward the data shared at the next sync.
void note_mql_for_sync(Organisation& org, double quality) noexcept;

// The weight of bad news in trust learning: lower once marketing has admitted its
// mistakes at a sync.
[[nodiscard]] double bad_news_weight(const TrustParameters& t, const SyncParameters& s, bool mistakes_admitted) noexcept;

// One sync: shared data pulls each active rep's trust toward the lead quality seen since
// the last sync (reps see how all leads turned out, including the ones they did not
// work, so the hot-stove trap loses its grip), then the team averages its trust.
// `boost` is IncentiveRules::sync_boost.
void hold_sync(const SyncParameters& s, double boost, Organisation& org, std::vector<TrustState>& trust) noexcept;

// What a sync does to one body of trust (`trust`, indexed by rep) given the MQLs it
// shares data on (their summed expected quality and their count): the pull toward the
// shared data, then the team averaging. hold_sync applies it to trust in marketing as a
// whole; the marketers (marketers.hpp) to reps' trust in each marketer, with that marketer's MQLs.
void share_at_sync(const SyncParameters& s, double boost, double quality_sum, std::int64_t mqls,
                   const std::vector<std::uint32_t>& reps, std::vector<TrustState>& trust) noexcept;

}  // namespace alignsim::model

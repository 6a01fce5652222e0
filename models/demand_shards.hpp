#pragma once
// The shared demand clock split by prospect into shards, so that a large run's demand
// step (the clock's advance, each inquiry's scoring draw, the next engagement threshold
// of an inquiry that is not an MQL) runs in parallel inside the run (issue 17).
//
// Why the results do not change, for any shard count or thread count: every shard's
// clock is advanced by the same daily hazards, so its cumulative hazard is bitwise the
// one clock's, and each entry keeps its threshold; the union of the shards' dues is the
// one clock's dues, and merging them by (threshold, prospect, tag) gives its order. The
// work each shard does per due reads and writes only that prospect's columns and the
// shard's own clock; what depends on the order of all dues (the lead-quality sums of
// syncs, the MQL list) is done afterwards on the merged dues. Counts are sums of whole
// numbers, exact in any order.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "models/engagement_clock.hpp"

namespace alignsim::model {

// Prospects per shard: below this a run keeps one clock (a parallel step per day would
// cost more than it saves: about 10 us against ~50 inquiries a day at 2 x 10^4).
inline constexpr std::size_t kProspectsPerDemandShard = 65536;
inline constexpr std::size_t kMaxDemandShards = 16;

// How many shards a market of this size asks for: a function of the market's size only
// (not of the machine), so that a run's work is split the same way everywhere.
[[nodiscard]] constexpr std::size_t demand_shard_count(std::size_t prospects) noexcept {
  const std::size_t shards = prospects / kProspectsPerDemandShard;
  return shards < 1 ? 1 : (shards > kMaxDemandShards ? kMaxDemandShards : shards);
}

// How `prospects` are split when `wanted` shards are asked for: shard s holds prospects
// [s << shift, (s + 1) << shift), a power of two of them, so that a prospect's shard is
// a shift away (every return to nurture asks). A market may get fewer shards than it
// asks for: 10^6 prospects ask for 15 and get 8 of 131,072.
struct DemandShardLayout {
  int shift = 0;
  std::size_t shards = 1;
};
[[nodiscard]] constexpr DemandShardLayout demand_shard_layout(std::size_t prospects, std::size_t wanted) noexcept {
  const std::size_t asked = wanted < 1 ? 1 : wanted;
  const std::size_t at_least = (prospects + asked - 1) / asked;
  const std::size_t per_shard = std::bit_ceil(at_least < 1 ? std::size_t{1} : at_least);
  const std::size_t shards = (prospects + per_shard - 1) / per_shard;
  return {std::countr_zero(per_shard), shards < 1 ? 1 : shards};
}

// A due entry that became an MQL, and the hour it arrived, [0, 24).
struct ShardMql {
  EngagementClock::TimedDue due;
  double hour;
  friend bool operator<(const ShardMql& a, const ShardMql& b) noexcept { return a.due < b.due; }
};

// What one shard's demand step produced today.
struct ShardInquiries {
  std::vector<EngagementClock::TimedDue> due;  // the shard's dues, in its clock's order
  std::vector<ShardMql> mqls;                  // the dues that became MQLs, same order
  std::vector<double> inquiries_by_marketer;    // whole numbers
  std::int64_t inquiries = 0;
  std::int64_t first_engagements = 0;
  bool failed = false;        // a RunError stopped the shard at `failed_at`
  EngagementClock::TimedDue failed_at{};
  std::string failure;

  void clear(std::size_t marketers) {
    due.clear();
    mqls.clear();
    inquiries_by_marketer.assign(marketers, 0.0);
    inquiries = first_engagements = 0;
    failed = false;
    failure.clear();
  }
};

}  // namespace alignsim::model

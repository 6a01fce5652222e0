#pragma once
// A company's patterns from its CRM records (issue 14 item 1), in the pattern format of
// the history matching (experiment/pattern_file.hpp), so `alignsim calibrate` takes them
// as it takes the published ones. Each is the model's summary metric of the variant
// `base`, measured on the company over a window of W business days that ends when the
// export was taken (the company scenario runs a horizon of W days), with its sampling
// standard error and a stated model discrepancy (docs/calibration.md):
//   inquiries, own_leads, wins: counts of the window (Poisson: se = sqrt(n));
//   inquiry_to_mql, response_*_share, share_mqls_ignored, worked_to_qualified, win_rate:
//     shares (binomial: se = sqrt(p~(1 - p~) / n), p~ = (x + 1) / (n + 2), which stays
//     positive at 0 or n);
//   mean_response_hours, bookings_usd per wins (the mean deal won), mean_sales_cycle_days:
//     means (se = sd / sqrt(n));
//   the growth of inquiries over the window (lead volume over time; delta method).
// Leads are censored, not "never": the response and follow-up shares count only MQLs
// created at least `follow_up_days` business days before the export, so a lead the
// export caught before anyone could answer it counts in none of them.
// Thread-safe (pure functions).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "crm/crm_records.hpp"

namespace alignsim::crm {

struct PatternOptions {
  std::int64_t window_days = 520;     // at most; less when the export's history is shorter
  std::int64_t follow_up_days = 20;   // a lead younger than this at the export is censored
  std::int64_t period_days = 5;       // the window is a whole number of reporting periods
};

struct CompanyStatistic {
  std::string name;    // the pattern's name
  std::string metric;  // the model's summary metric it is compared with
  std::string per;     // ... divided by this one (pattern_file.hpp), or empty
  double observed = 0;
  double standard_error = 0;
  double discrepancy_sd = 0;
  std::size_t n = 0;  // leads, MQLs, responses or deals behind it
  std::string note;
  bool growth = false;  // the annual growth of the series `metric` ({growth: S}), not a level
};

// One rep of the window's last quarter: its load and response (the ingest writes these
// under salted labels, salted_ids.hpp; `id` stays in memory).
struct RepFigures {
  std::string id;
  std::size_t mqls = 0;           // marketing MQLs it owns, created in the window
  std::size_t answered = 0;       // of those, first touched
  double within_1h_share = 0;     // of its MQLs, first touched within an hour
  double median_response_hours = 0;  // of the answered ones (NaN when none)
};

struct CompanyPatterns {
  std::int64_t window_days = 0;
  double from_hours = 0, to_hours = 0;  // business hours (crm_records.hpp)
  std::vector<CompanyStatistic> statistics;
  // What the company scenario sets from the data directly:
  std::int64_t reps = 0;       // median over the last quarter's weeks of reps between their first and last touch
  double mean_deal_usd = 0;    // mean amount of the window's opportunities
  // Shown in the ingest's summary only:
  std::size_t censored_mqls = 0;
  double rep_load_cv = 0;      // coefficient of variation of MQLs received per rep
  double rep_response_cv = 0;  // ... of the reps' median response hours
  std::vector<RepFigures> reps_figures;  // in order of id
};

// Throws ScenarioError when the export holds too little to measure (no lead in the window).
[[nodiscard]] CompanyPatterns company_patterns(const CrmRecords& records, const PatternOptions& options);

// The patterns file text: "# alignsim company patterns" first, then `description` and
// one pattern per statistic; `source` names the export for every pattern's source.
[[nodiscard]] std::string company_pattern_text(const CompanyPatterns& patterns, const std::string& source);

}  // namespace alignsim::crm

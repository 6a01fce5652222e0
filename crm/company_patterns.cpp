#include "crm/company_patterns.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "experiment/outcome_text.hpp"
#include "experiment/pattern_check.hpp"
#include "sim/errors.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::crm {
namespace {

constexpr double kHoursPerDay = 24.0;
// Stated model discrepancy (docs/calibration.md): 3 points on a share, 10% on a count or mean.
constexpr double kShareDiscrepancy = 0.03, kRelativeDiscrepancy = 0.10;

bool in_window(double hours, const CompanyPatterns& p) { return hours >= p.from_hours && hours < p.to_hours; }

CompanyStatistic share(std::string name, std::string metric, std::size_t x, std::size_t n, std::string note) {
  const double nn = static_cast<double>(n);
  const double p = n > 0 ? static_cast<double>(x) / nn : 0.0;
  const double smoothed = (static_cast<double>(x) + 1.0) / (nn + 2.0);
  return {std::move(name), std::move(metric), "", p, std::sqrt(smoothed * (1.0 - smoothed) / std::max(nn, 1.0)),
          kShareDiscrepancy, n, std::move(note)};
}

CompanyStatistic count(std::string name, std::string metric, std::size_t n, std::string note) {
  const double value = static_cast<double>(n);
  return {std::move(name), std::move(metric), "", value, std::sqrt(std::max(value, 1.0)), kRelativeDiscrepancy * value, n,
          std::move(note)};
}

// The window: the last whole reporting periods before the export, at most window_days.
void place_window(const CrmRecords& records, const PatternOptions& options, CompanyPatterns& p) {
  double earliest = records.latest_hours;
  for (const LeadRecord& l : records.leads) earliest = std::min(earliest, l.created_hours);
  p.to_hours = std::ceil(records.latest_hours / kHoursPerDay) * kHoursPerDay;
  const auto history = static_cast<std::int64_t>(std::floor((p.to_hours - earliest) / kHoursPerDay));
  p.window_days = std::min(options.window_days, history) / options.period_days * options.period_days;
  if (records.leads.empty() || p.window_days < options.period_days) {
    throw ScenarioError("the export holds " + std::to_string(history) + " business days of leads: too little to "
                        "measure (at least one reporting period of " + std::to_string(options.period_days) + " days)");
  }
  p.from_hours = p.to_hours - kHoursPerDay * static_cast<double>(p.window_days);
}

struct ResponseTally {
  std::size_t mqls = 0, within_1h = 0, within_24h = 0, answered = 0, called = 0, qualified = 0;
  double hours_sum = 0, hours_sq = 0;
};

ResponseTally tally_responses(const CrmRecords& records, const CompanyPatterns& p, double censor_from) {
  ResponseTally t;
  for (const LeadRecord& l : records.leads) {
    if (!l.marketing || !l.mql || !in_window(l.created_hours, p) || l.created_hours >= censor_from) continue;
    ++t.mqls;
    if (l.first_call_hours || l.converted) {
      ++t.called;
      if (l.converted) ++t.qualified;
    }
    if (!l.first_touch_hours) continue;
    const double hours = *l.first_touch_hours - l.created_hours;
    ++t.answered;
    t.within_1h += hours < 1.0 ? 1 : 0;
    t.within_24h += hours <= 24.0 ? 1 : 0;
    t.hours_sum += hours;
    t.hours_sq += hours * hours;
  }
  return t;
}

void add_lead_statistics(const CrmRecords& records, const PatternOptions& options, CompanyPatterns& p) {
  const double censor_from = p.to_hours - kHoursPerDay * static_cast<double>(options.follow_up_days);
  std::size_t inquiries = 0, mqls = 0, own = 0;
  for (const LeadRecord& l : records.leads) {
    if (!in_window(l.created_hours, p)) continue;
    (l.marketing ? inquiries : own) += 1;
    mqls += l.marketing && l.mql ? 1 : 0;
    p.censored_mqls += l.marketing && l.mql && l.created_hours >= censor_from ? 1 : 0;
  }
  const ResponseTally t = tally_responses(records, p, censor_from);
  const std::string censored = "MQLs of the window created at least " + std::to_string(options.follow_up_days) +
                               " business days before the export (younger ones are censored)";
  auto& s = p.statistics;
  s.push_back(count("company_inquiries", "inquiries", inquiries, "marketing-sourced leads created in the window"));
  s.push_back(share("company_inquiry_to_mql", "inquiry_to_mql", mqls, inquiries, "marketing leads with an MQL date"));
  s.push_back(share("company_response_within_1h", "response_within_1h_share", t.within_1h, t.mqls,
                    "first call or e-mail within an hour (business clock); " + censored));
  s.push_back(share("company_response_1_to_24h", "response_1_to_24h_share", t.within_24h - t.within_1h, t.mqls,
                    "first touch after 1 to 24 business hours; " + censored));
  s.push_back(share("company_response_over_24h", "response_over_24h_share", t.answered - t.within_24h, t.mqls,
                    "first touch after more than 24 business hours; " + censored));
  s.push_back(share("company_never_answered", "response_never_share", t.mqls - t.answered, t.mqls,
                    "no call or e-mail by the export; " + censored));
  if (t.answered >= 2) {
    const double n = static_cast<double>(t.answered), mean = t.hours_sum / n;
    const double sd = std::sqrt(std::max(0.0, (t.hours_sq - n * mean * mean) / (n - 1.0)));
    s.push_back({"company_mean_hours_to_response", "mean_response_hours", "", mean, sd / std::sqrt(n),
                 kRelativeDiscrepancy * mean, t.answered, "mean business hours to the first touch of answered MQLs"});
  }
  s.push_back(share("company_mqls_never_pursued", "share_mqls_ignored", t.mqls - t.called, t.mqls,
                    "MQLs never called and never converted; " + censored));
  s.push_back(share("company_worked_to_qualified", "worked_to_qualified", t.qualified, t.called,
                    "called MQLs that became opportunities; " + censored));
  s.push_back(count("company_own_leads", "own_leads", own, "sales-sourced leads created in the window"));
}

// A mean with its standard error sd / sqrt(n); the stated relative discrepancy.
CompanyStatistic mean_of(std::string name, std::string metric, std::string per, const std::vector<double>& values,
                         std::string note) {
  const double n = static_cast<double>(values.size());
  double sum = 0, sq = 0;
  for (const double v : values) sum += v, sq += v * v;
  const double mean = sum / n, sd = std::sqrt(std::max(0.0, (sq - n * mean * mean) / (n - 1.0)));
  return {std::move(name), std::move(metric), std::move(per), mean, sd / std::sqrt(n), kRelativeDiscrepancy * mean,
          values.size(), std::move(note)};
}

// Lead volume over time: the annual growth of marketing inquiries between the window's
// halves, exactly as the model's growth of a series is computed (experiment::annual_growth,
// weekly periods). Its standard error by the delta method for Poisson counts n1, n2 of the
// halves: (1 + g) (260 / gap) sqrt(1/n1 + 1/n2), gap the business days between the halves' midpoints.
void add_volume_growth(const CrmRecords& records, const PatternOptions& options, CompanyPatterns& p) {
  const auto periods = static_cast<std::size_t>(p.window_days / options.period_days);
  if (periods < 2) return;
  std::vector<double> counts(periods, 0.0);
  std::vector<std::int64_t> ends;
  for (std::size_t k = 0; k < periods; ++k) ends.push_back(static_cast<std::int64_t>(k + 1) * options.period_days);
  for (const LeadRecord& l : records.leads) {
    if (!l.marketing || !in_window(l.created_hours, p)) continue;
    counts[static_cast<std::size_t>((l.created_hours - p.from_hours) / (kHoursPerDay * static_cast<double>(options.period_days)))] += 1;
  }
  const double g = experiment::annual_growth(counts, ends);
  if (!std::isfinite(g)) return;
  const std::size_t half = periods / 2;
  double n1 = 0, n2 = 0;
  for (std::size_t k = 0; k < half; ++k) n1 += counts[k], n2 += counts[periods - half + k];
  const double first_days = static_cast<double>(ends[half - 1]);
  const double second_from = static_cast<double>(ends[periods - half - 1]);
  const double gap = (second_from + (static_cast<double>(ends.back()) - second_from) / 2) - first_days / 2;
  const double se = (1 + g) * (experiment::kBusinessDaysPerYear / gap) * std::sqrt(1 / n1 + 1 / std::max(n2, 1.0));
  p.statistics.push_back({"company_inquiry_growth", "inquiries", "", g, se, kShareDiscrepancy,
                          static_cast<std::size_t>(n1 + n2),
                          "annual growth of marketing inquiries between the window's halves (weekly counts)"});
  p.statistics.back().growth = true;
}

void add_deal_statistics(const CrmRecords& records, CompanyPatterns& p) {
  std::size_t won = 0, lost = 0, opened = 0;
  double amount = 0;
  std::vector<double> won_amounts, cycles;
  for (const OpportunityRecord& o : records.opportunities) {
    if (in_window(o.created_hours, p)) ++opened, amount += o.amount_usd;
    if (!o.closed_hours || !in_window(*o.closed_hours, p)) continue;
    (o.stage == "won" ? won : lost) += 1;
    if (o.stage == "won") won_amounts.push_back(o.amount_usd);
    // Business days from the day it opened to the day it was decided (a close date is a day).
    cycles.push_back(std::floor(*o.closed_hours / kHoursPerDay) - std::floor(o.created_hours / kHoursPerDay));
  }
  p.mean_deal_usd = opened > 0 ? amount / static_cast<double>(opened) : 0.0;
  p.statistics.push_back(share("company_win_rate", "win_rate", won, won + lost, "won of the deals decided in the window"));
  p.statistics.push_back(count("company_wins", "wins", won, "deals won in the window"));
  if (won_amounts.size() >= 2) {
    p.statistics.push_back(mean_of("company_mean_deal_won", "bookings_usd", "wins", won_amounts,
                                   "mean amount of the deals won in the window"));
  }
  if (cycles.size() >= 2) {
    p.statistics.push_back(mean_of("company_mean_sales_cycle", "mean_sales_cycle_days", "", cycles,
                                   "mean business days from opportunity to decision, deals decided in the window"));
  }
}

double coefficient_of_variation(const std::vector<double>& values) {
  if (values.size() < 2) return std::nan("");
  double sum = 0, sq = 0;
  for (const double v : values) sum += v, sq += v * v;
  const double k = static_cast<double>(values.size()), mean = sum / k;
  return mean > 0 ? std::sqrt(std::max(0.0, (sq - k * mean * mean) / (k - 1.0))) / mean : std::nan("");
}

// Reps: a rep is on the team from its first to its last touch of a lead in the window;
// the headcount is the median over the weeks of the window's last quarter of the reps on
// the team (counting everyone who touched a lead in the quarter would add those who left
// or joined in it, and counting each week's touches would miss reps on a quiet week).
void add_rep_figures(const CrmRecords& records, CompanyPatterns& p) {
  constexpr double kWeekHours = 5 * kHoursPerDay;
  std::map<std::string, std::pair<double, double>> span;  // rep -> first, last touch
  for (const ActivityRecord& a : records.activities) {
    if (!in_window(a.at_hours, p) || a.owner.empty()) continue;
    auto [it, fresh] = span.try_emplace(a.owner, a.at_hours, a.at_hours);
    it->second.first = std::min(it->second.first, a.at_hours);
    it->second.second = std::max(it->second.second, a.at_hours);
  }
  const double last_quarter = p.to_hours - std::floor((p.to_hours - p.from_hours) / 4.0 / kWeekHours) * kWeekHours;
  std::vector<std::size_t> weekly;
  std::set<std::string> recent;
  for (double week = last_quarter; week < p.to_hours; week += kWeekHours) {
    std::size_t on_team = 0;
    for (const auto& [rep, first_last] : span) {
      if (first_last.first < week + kWeekHours && first_last.second >= week) ++on_team, recent.insert(rep);
    }
    weekly.push_back(on_team);
  }
  if (!weekly.empty()) {
    std::nth_element(weekly.begin(), weekly.begin() + static_cast<std::ptrdiff_t>(weekly.size() / 2), weekly.end());
    p.reps = static_cast<std::int64_t>(weekly[weekly.size() / 2]);
  }
  std::map<std::string, std::vector<double>> hours;  // rep -> its MQLs' hours to first touch (NaN: none)
  for (const LeadRecord& l : records.leads) {
    if (!l.marketing || !l.mql || !in_window(l.created_hours, p) || l.owner.empty() || recent.count(l.owner) == 0) continue;
    hours[l.owner].push_back(l.first_touch_hours ? *l.first_touch_hours - l.created_hours : std::nan(""));
  }
  std::vector<double> loads, medians;
  for (auto& [rep, h] : hours) {
    RepFigures f{rep, h.size(), 0, 0, std::nan("")};
    std::vector<double> answered;
    for (const double x : h) {
      if (std::isnan(x)) continue;
      answered.push_back(x);
      f.within_1h_share += x < 1.0 ? 1.0 : 0.0;
    }
    f.answered = answered.size();
    f.within_1h_share /= static_cast<double>(h.size());
    if (!answered.empty()) {
      std::sort(answered.begin(), answered.end());
      const std::size_t m = answered.size();
      f.median_response_hours = m % 2 == 1 ? answered[m / 2] : 0.5 * (answered[m / 2 - 1] + answered[m / 2]);
      medians.push_back(f.median_response_hours);
    }
    loads.push_back(static_cast<double>(h.size()));
    p.reps_figures.push_back(f);
  }
  p.rep_load_cv = coefficient_of_variation(loads);
  p.rep_response_cv = coefficient_of_variation(medians);
}

}  // namespace

CompanyPatterns company_patterns(const CrmRecords& records, const PatternOptions& options) {
  CompanyPatterns p;
  place_window(records, options, p);
  add_lead_statistics(records, options, p);
  add_volume_growth(records, options, p);
  add_deal_statistics(records, p);
  add_rep_figures(records, p);
  return p;
}

std::string company_pattern_text(const CompanyPatterns& p, const std::string& source) {
  using experiment::round_trip_text;
  std::ostringstream out;
  out << "# alignsim company patterns (docs/calibration.md): measured on a CRM export by alignsim ingest,\n"
      << "# for the variant `base` of the company scenario (a horizon of " << p.window_days << " business days).\n"
      << "# Each standard error is the sampling error stated in crm/company_patterns.hpp; each\n"
      << "# discrepancy_sd the stated model discrepancy (3 points on a share, 10% on a count or mean).\n"
      << "description: " << sim::detail::to_yaml_scalar("Patterns of " + source + " over its last " +
                                                          std::to_string(p.window_days) + " business days")
      << "\npatterns:\n";
  for (const CompanyStatistic& s : p.statistics) {
    if (s.n == 0) continue;  // nothing measured: no pattern rather than a made-up one
    out << "  - name: " << s.name << "\n"
        << "    statistic: {" << (s.growth ? "growth: " : "metric: ") << s.metric << (s.per.empty() ? "" : ", per: " + s.per)
        << ", variant: base}\n"
        << "    observed: " << round_trip_text(s.observed) << "\n"
        << "    standard_error: " << round_trip_text(s.standard_error) << "\n"
        << "    discrepancy_sd: " << round_trip_text(s.discrepancy_sd) << "\n"
        << "    source: " << sim::detail::to_yaml_scalar(source) << "\n"
        << "    source_short: company CRM\n"
        << "    note: " << sim::detail::to_yaml_scalar(s.note + " (n = " + std::to_string(s.n) + ")") << "\n";
  }
  return out.str();
}

}  // namespace alignsim::crm

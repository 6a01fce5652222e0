#include "models/parameter_ranges.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace alignsim::model {
namespace {

using sim::RangeShape;
constexpr RangeShape kUniform = RangeShape::uniform;
constexpr RangeShape kLog = RangeShape::log_uniform;

struct RangeEntry {
  const char* key;
  double low, high;
  RangeShape shape;
  const char* rationale;
};

// Grouped by mechanism, in the order of docs/model.md. "Company" marks a property of the
// company a scenario describes (set by the scenario, not an uncertain behaviour); its
// range is the span the model's calibration is meant to cover. A parameter with a
// published source gets the range its source supports. Run settings (run.*), guards and
// the levers a what-if pulls (incentives, syncs' interval, SLAs, marketers' count and
// pay mix, the bar agreed with sales) have none: they are choices, not uncertainties.
const std::vector<RangeEntry>& range_table() {
  static const std::vector<RangeEntry> table = {
      // Population and reps
      {"population.prospects", 2000, 200000, kLog, "company: the addressable market, a decade either way of the baseline's"},
      {"population.reps", 5, 100, kLog, "company: the sales team receiving marketing leads"},
      {"population.deal_size_mean_usd", 5000, 200000, kLog, "company: first-year B2B deal sizes from small business to mid-market"},
      {"population.deal_size_sigma", 0.5, 1.5, kUniform, "deal sizes are right-skewed; a log-sd of 0.5 (narrow) to 1.5 (a few key accounts dominate)"},
      {"population.fit_shape_a", 1, 4, kUniform, "the market's spread of fit is not measured; with shape b, mean fit from about 0.17 to 0.75"},
      {"population.fit_shape_b", 1.5, 5, kUniform, "as shape a: unimodal fit distributions from mostly poor to mostly good fit"},
      {"reps.capacity_sigma", 0.1, 0.5, kUniform, "reps' speed at handling leads differs; a log-sd of 0.1 to 0.5 (1.2x to 2x between quartiles)"},
      {"reps.experience_mean_years", 1, 8, kLog, "company: mean selling experience of a B2B sales team"},
      {"reps.experience_sigma", 0.3, 1.0, kUniform, "spread of experience within a team; not measured"},
      {"reps.new_rep_win_penalty", 0.2, 0.6, kUniform, "a new rep wins a fifth to three fifths less often than a ramped one; size not measured"},
      {"reps.ramp_up_years", 0.25, 1.0, kLog, "B2B ramp-up times of about 3 to 12 months are commonly reported"},
      {"population.key_account_min_deal_usd", 50000, 500000, kLog, "company: the deal size from which an account counts as key (seed 000)"},
      {"reps.admin_share", 0.25, 0.45, kUniform, "CSO Insights 2011: about a third of reps' time goes to neither selling nor lead generation"},
      {"reps.annual_turnover", 0.15, 0.45, kUniform, "sales turnover surveys report roughly 25-35% a year; wider for small teams"},
      // Demand
      {"demand.fit_weight", 0, 1, kUniform, "whether well-fitting accounts inquire more is not measured: the whole allowed range"},
      {"demand.innovation_rate", 0.0005, 0.005, kLog, "calibrated to the baseline's inquiry volume; a third to three times it (13-130% of accounts a year)"},
      {"demand.imitation_rate", 0, 0.003, kUniform, "Bass q averages 0.38 a year (Sultan, Farley & Lehmann 1990), 0.0015 a business day; may be absent"},
      // Scoring and feedback
      {"scoring.noise_sd", 0.1, 0.4, kUniform, "scoring error on a fit scale of 0 to 1: from a good model to little better than chance at the bar"},
      {"feedback.minimum_noise_sd", 0.02, 0.15, kUniform, "error left once feedback is complete; below the starting noise"},
      {"feedback.noise_reduction_per_report", 0.0001, 0.002, kLog, "halving the excess noise takes some 350 to 7,000 reasoned rejections"},
      {"feedback.report_probability", 0.1, 0.6, kUniform, "share of rejected leads given a reason; CRM rejection fields are often left empty"},
      {"scoring.fixed_mql_probability", 0.11, 0.44, kLog, "with scoring off: Aberdeen 2014's 22% of inquiries, halved to doubled"},
      // Follow-up
      {"followup.trust_midpoint", 0.2, 0.5, kUniform, "trust at which reps work half of marketing's leads; with the steepness it sets the share ignored (section 8)"},
      {"followup.trust_steepness", 3, 30, kLog, "from a gentle to a near-threshold response of follow-up to trust"},
      {"followup.experience_effect", -0.3, 0.5, kUniform, "Sabnis et al. 2013 relate follow-up to experience without a size usable here; both signs allowed"},
      {"followup.load_effect", 0, 0.3, kUniform, "Sabnis et al. 2013: more leads, less follow-up; per waiting lead up to a 26% lower odds"},
      {"followup.courtesy_response_probability", 0.4, 0.8, kUniform, "between HBR 2011 (23% of leads never answered) and Sabnis et al. 2013 (70% never pursued)"},
      {"followup.fixed_work_probability", 0.2, 0.5, kUniform, "with follow-up off: Aberdeen 2014's 36% of MQLs worked, with a survey's spread"},
      // Response
      {"response.hours_per_lead", 0.25, 1.0, kLog, "15 to 60 minutes of research and a first call per lead"},
      {"response.courtesy_reply_hours", 0.03, 0.25, kLog, "two to fifteen minutes for a polite reply to a lead not pursued"},
      {"response.max_wait_days", 5, 60, kLog, "a week to three months before an unanswered lead is given up"},
      {"response.fixed_mean_hours", 4, 72, kLog, "with fixed response times (mechanism off): a mean first response from hours to three days"},
      {"response.prompt_probability_base", 0.4, 0.8, kUniform, "HBR 2011: 37% answered within the hour; the share prompt before trust, around it"},
      {"response.prompt_probability_at_full_trust", 0.8, 1.0, kUniform, "a rep who trusts marketing answers its leads promptly nearly always"},
      {"response.prompt_mean_hours", 0.05, 0.5, kLog, "HBR 2011: a prompt answer comes within minutes to half an hour"},
      {"response.courtesy_prompt_probability", 0.05, 0.2, kUniform, "HBR 2011: a courtesy reply is seldom prompt"},
      {"response.deprioritised_mean_hours", 50, 150, kLog, "HBR 2011: mean response 42 h, with 24% after a day; set-aside leads wait days"},
      {"response.deprioritised_sigma", 0.8, 1.8, kUniform, "HBR 2011: the long tail of set-aside waits"},
      {"response.lead_followup_share", 0.15, 0.35, kUniform, "CSO Insights 2011: about a quarter of reps' time on lead generation and follow-up"},
      // Qualification and close
      {"qualification.probability_at_full_fit", 0.7, 1.0, kUniform, "a perfect-fit lead answered at once qualifies most of the time; how often is not measured"},
      {"qualification.fixed_probability", 0.15, 0.5, kUniform, "with fixed qualification (mechanism off): share of worked leads that qualify"},
      {"close.cycle_mean_days", 20, 120, kLog, "B2B sales cycles of about one to six months (in business days)"},
      {"close.cycle_sigma", 0.3, 1.0, kUniform, "right-skewed cycle lengths, from tight to very spread"},
      {"close.win_probability_at_full_fit", 0.7, 1.0, kUniform, "a perfect-fit opportunity wins most of the time; how often is not measured"},
      {"close.fixed_win_probability", 0.15, 0.45, kUniform, "with fixed win probability (mechanism off): B2B win rates of roughly 15-45% of opportunities"},
      {"close.joint_play_win_uplift", 0, 0.6, kUniform, "a joint account play's lift is not measured; up to about the +38% proposals closed of aligned firms (MarketingProfs 2005)"},
      {"qualification.decay_time_hours", 0.2, 1.0, kLog, "HBR 2011: leads answered in the first hour qualify about 7x more often than in the second"},
      {"qualification.decay_floor", 0.003, 0.02, kLog, "HBR 2011: about 60x lower qualification after 24 hours than within the first"},
      // Trust
      {"trust.learning_rate", 0.03, 0.3, kLog, "weight of the newest verdict: trust settles in some 3 to 30 worked leads"},
      {"trust.forgetting", 0.9, 1.0, kUniform, "the beta model's memory: from about ten leads to none forgotten"},
      {"trust.prior_strength", 1, 20, kLog, "pseudo-count of a rep's starting belief: one to twenty leads' worth"},
      {"trust.initial_sd", 0.03, 0.2, kUniform, "spread of starting trust between reps; not measured"},
      {"trust.staleness_blame", 0, 1, kUniform, "whether reps blame marketing for leads that went stale while they waited is not measured: the whole range"},
      {"trust.initial_mean", 0.2, 0.5, kUniform, "seed 001: reps start sceptical of marketing's leads"},
      {"trust.bad_news_weight", 1.0, 2.0, kUniform, "negativity bias (Baumeister et al. 2001): bad verdicts weigh up to about twice good ones"},
      // Prospecting
      {"prospecting.base_share", 0.1, 0.4, kUniform, "share of free hours a trusting rep still prospects; sales time studies put prospecting at 10-40%"},
      {"prospecting.leads_per_hour", 0.01, 0.1, kLog, "one own lead per 10 to 100 prospecting hours"},
      {"prospecting.own_lead_qualify_probability", 0.3, 0.7, kUniform, "reps' own leads qualify about as often as good marketing leads; not measured"},
      {"prospecting.distrust_share", 0.1, 0.5, kUniform, "seed 001: reps who distrust leads prospect for themselves, up to half their time"},
      {"prospecting.hoarding_share", 0.2, 0.8, kUniform, "seed 001: share of own leads a distrustful rep keeps out of the shared funnel"},
      // Content
      {"content.initial_relevance", 0.2, 0.6, kUniform, "seeds 002 and 004: much of marketing's content misses buyers' concerns"},
      {"content.max_relevance", 0.6, 1.0, kUniform, "relevance reachable with sales input; not measured"},
      {"content.input_rate", 0.002, 0.05, kLog, "sales input moves content within 20 to 500 business days"},
      {"content.engagement_effect", 0, 1.5, kUniform, "more relevant content draws more inquiries; from no effect to 2.5x over the relevance range"},
      {"content.qualification_effect", 0, 1.5, kUniform, "as the engagement effect, on qualification"},
      {"content.hoarded_win_penalty", 0, 0.6, kUniform, "a deal a rep hoards off-message loses up to three fifths of its chance; not measured"},
      {"content.own_content_share_at_zero_relevance", 0.5, 0.95, kUniform, "seed 004: when marketing's content misses, sales makes its own"},
      // Incentives and onboarding
      {"incentives.shared_pool_followup_shift", 0, 0.2, kUniform, "a shared bonus pool makes reps work more marketing leads; size not measured"},
      {"incentives.shared_pool_sync_boost", 0, 1.0, kUniform, "a shared pool makes syncs count more; size not measured"},
      {"onboarding.new_rep_trust", 0.4, 0.7, kUniform, "starting trust of a rep onboarded with marketing, above the untrained start"},
      {"syncs.shared_data_weight", 0.1, 0.5, kUniform, "seed 004: shared data makes a sync's lesson count more; size not measured"},
      {"syncs.admitted_bad_news_weight", 0.4, 1.0, kUniform, "seed 002: bad news a marketer admits hurts trust less"},
      {"syncs.team_averaging", 0.05, 0.4, kUniform, "seed 003: reps align their views of marketing at a sync"},
      {"enablement.meeting_adoption", 0.1, 0.6, kUniform, "seed 003: share of reps adopting a framework at its presentation"},
      {"enablement.peer_rate", 0.005, 0.1, kLog, "seed 003, Rogers 2003: adoption spreads between peers within weeks to a year"},
      {"enablement.win_uplift", 0, 0.4, kUniform, "seed 003: a shared selling framework raises win rates; size not measured"},
      {"enablement.cycle_reduction", 0, 0.3, kUniform, "seed 003: and shortens cycles; size not measured"},
      // Budget
      {"budget.initial_marketing_usd_per_day", 200, 10000, kLog, "company: marketing spend at the start (the baseline's fixed point is near $5,500/day)"},
      {"budget.demand_elasticity", 0.1, 1.0, kUniform, "ad elasticities of sales average 0.12 short-term, 0.24 long-term (Sethuraman et al. 2011); inquiries respond more directly"},
      {"budget.hill_half_saturation_usd_per_day", 100, 10000, kLog, "marketing-mix models put half-saturation near current spend; a decade either way"},
      {"budget.sales_fraction", 0.1, 0.4, kUniform, "company: share of revenue spent on the sales team"},
      {"budget.rep_cost_usd_per_day", 300, 1200, kLog, "company: a fully loaded rep at about $75,000 to $300,000 a year"},
      {"budget.marketing_fraction", 0.08, 0.11, kUniform, "company: Gartner 2024, marketing at 8-11% of revenue"},
      {"budget.trailing_days", 20, 130, kLog, "budgets follow the last month's to the last half-year's bookings (seed 001)"},
      {"budget.hiring_delay_days", 20, 130, kLog, "Forrester 1968: headcount follows revenue with a delay of months"},
      {"budget.hill_shape", 0.5, 3, kUniform, "Jin et al. 2017: fitted Hill shapes from concave (below 1) to S-shaped (2-3)"},
      {"budget.adstock_retention", 0, 0.95, kUniform, "marketing-mix carry-over of 30-80% a week is 0.79-0.96 a business day; 0 = none"},
      // Churn
      {"churn.annual_rate", 0.05, 0.35, kUniform, "annual B2B customer churn of 5-35% (smaller customers churn more)"},
      {"churn.fit_protection", 0.2, 0.9, kUniform, "well-fitting customers churn less; how much is not measured"},
      {"churn.consistency_effect", 0, 2, kUniform, "seed 004: customers told one consistent story churn less; size not measured"},
      // Marketers
      {"marketers.trust_pooling", 0, 1, kUniform, "whether reps judge a lead by its sender or by marketing as a whole is not measured: the whole range"},
      {"marketers.bar_floor", 0.5, 0.85, kUniform, "the lowest bar agreed with sales; the baseline's bar under MQL pay is 0.70"},
      {"marketers.bar_ceiling", 1.0, 1.5, kUniform, "the highest bar a marketer may set: fit is below 1 and scores spread by the noise"},
      {"marketers.bar_spread", 0, 0.2, kUniform, "how differently marketers start; not measured"},
      {"marketers.bar_step", 0.01, 0.08, kLog, "change of a bar at one review; small against its span"},
      {"marketers.review_days", 20, 130, kUniform, "monthly to half-yearly reviews of a marketer's plan (60 = a quarter)"},
      {"marketers.usd_per_mql", 20, 300, kLog, "a bonus per MQL of the order of B2B cost per lead"},
      {"marketers.bookings_commission", 0.005, 0.05, kLog, "marketing's variable pay on bookings: a fraction of reps' commission rates of 5-10%"},
      {"marketers.field_trust_rate", 0.002, 0.05, kLog, "a field marketer wins reps' trust within 20 to 500 business days at full field time"},
      {"marketers.field_relevance_rate", 0.002, 0.05, kLog, "as field trust, for the relevance of that marketer's content"},
      {"marketers.relevance_spread", 0, 0.3, kUniform, "how differently marketers' content fits buyers; not measured"},
      {"marketers.budget_spread", 0, 0.5, kUniform, "how unequally the budget starts between programmes"},
      {"marketers.budget_step", 0.01, 0.2, kLog, "share of the budget one review may move between programmes"},
  };
  return table;
}

void check_range(const sim::ParameterSpec& spec, const RangeEntry& e) {
  const auto fail = [&](const std::string& why) {
    throw std::logic_error(std::string("plausible range of ") + e.key + ": " + why);
  };
  if (spec.kind != sim::ValueKind::real && spec.kind != sim::ValueKind::integer) fail("not a numeric parameter");
  if (!(e.low < e.high)) fail("empty");
  if (e.low < spec.minimum || e.high > spec.maximum) fail("outside the allowed values");
  const double def = sim::numeric_value(spec.default_value);
  if (def < e.low || def > e.high) fail("does not contain the default");
  if (e.shape == RangeShape::log_uniform && !(e.low > 0)) fail("log-uniform needs positive values");
  if (std::string(e.rationale).empty()) fail("no rationale");
}

}  // namespace

void attach_plausible_ranges(std::vector<sim::ParameterSpec>& specs) {
  for (const RangeEntry& e : range_table()) {
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const auto& s) { return s.key == e.key; });
    if (it == specs.end()) throw std::logic_error(std::string("plausible range of an unknown parameter: ") + e.key);
    check_range(*it, e);
    it->plausible = sim::PlausibleRange{e.low, e.high, e.shape, e.rationale};
  }
}

}  // namespace alignsim::model

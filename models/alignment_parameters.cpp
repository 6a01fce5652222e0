// Catalog entries of the alignment mechanisms M9-M17 and rep heterogeneity.
#include "models/parameter_binding.hpp"

namespace alignsim::model::binding {
namespace {

using M = ModelParameters;

std::vector<Binding> rep_bindings() {
  return {
      real("reps.experience_mean_years", &RepParameters::experience_mean_years, &M::reps, 3.0, 0, 40,
           {"years", "mean sales experience of the starting reps (lognormal)", kAssumption}),
      real("reps.experience_sigma", &RepParameters::experience_sigma, &M::reps, 0.6, 0, 3,
           {"", "log-scale spread of rep experience", kAssumption}),
      real("reps.ramp_up_years", &RepParameters::ramp_up_years, &M::reps, 0.5, 0.01, 10,
           {"years", "e-folding time of a new rep's win-rate penalty", kAssumption}),
      real("reps.new_rep_win_penalty", &RepParameters::new_rep_win_penalty, &M::reps, 0.4, 0, 1,
           {"", "relative win-probability loss of a rep with no experience", kAssumption}),
      real("reps.capacity_sigma", &RepParameters::capacity_sigma, &M::reps, 0.25, 0, 2,
           {"", "log-scale spread of lead-handling capacity between reps (mean 1)", kAssumption}),
      real("reps.admin_share", &RepParameters::admin_share, &M::reps, 0.35, 0, 0.9,
           {"", "share of rep hours on administration, meetings and other non-selling work",
            "CSO Insights 2011 (41% selling, 24% lead generation, rest other)"}),
      real("reps.annual_turnover", &RepParameters::annual_turnover, &M::reps, 0.3, 0, 3,
           {"1/year", "M14: share of reps leaving per year, each replaced by a new hire", "industry surveys"}),
  };
}

std::vector<Binding> prospecting_and_feedback_bindings() {
  return {
      boolean("prospecting.enabled", &ProspectingParameters::enabled, &M::prospecting, true,
              {"", "M9: reps spend free hours on their own prospecting, more when they distrust marketing",
               "seed 001 (Sammy)"}),
      real("prospecting.base_share", &ProspectingParameters::base_share, &M::prospecting, 0.2, 0, 1,
           {"", "M9: share of free hours spent prospecting by a rep who fully trusts marketing", kAssumption}),
      real("prospecting.distrust_share", &ProspectingParameters::distrust_share, &M::prospecting, 0.25, 0, 1,
           {"", "M9: extra share of free hours spent prospecting at zero trust", "seed 001 (over 50% of time)"}),
      real("prospecting.leads_per_hour", &ProspectingParameters::leads_per_hour, &M::prospecting, 0.04, 0, 10,
           {"leads/hour", "M9: own leads found per prospecting hour", kAssumption}),
      real("prospecting.own_lead_qualify_probability", &ProspectingParameters::own_lead_qualify_probability,
           &M::prospecting, 0.5, 0, 1, {"", "M9: qualification probability of a perfect-fit own lead", kAssumption}),
      real("prospecting.hoarding_share", &ProspectingParameters::hoarding_share, &M::prospecting, 0.5, 0, 1,
           {"", "M9: share of own leads a rep hides from marketing", "seed 001"}),
      boolean("feedback.enabled", &FeedbackParameters::enabled, &M::feedback, false,
              {"", "M10: reps report why they reject leads; marketing's scoring noise falls", "seeds 002, 004"}),
      real("feedback.report_probability", &FeedbackParameters::report_probability, &M::feedback, 0.3, 0, 1,
           {"", "M10: probability a rejected or bad lead is reported with a reason", kAssumption}),
      real("feedback.noise_reduction_per_report", &FeedbackParameters::noise_reduction_per_report, &M::feedback,
           0.0005, 0, 1, {"", "M10: share of the excess scoring noise removed by one report", kAssumption}),
      real("feedback.minimum_noise_sd", &FeedbackParameters::minimum_noise_sd, &M::feedback, 0.08, 0, 5,
           {"score", "M10: scoring noise that feedback cannot remove", kAssumption}),
  };
}

std::vector<Binding> content_and_incentive_bindings() {
  return {
      boolean("content.sales_input", &ContentParameters::sales_input, &M::content, false,
              {"", "M11: sales gives input to marketing content; relevance rises", "seeds 000 bullet 3, 004 step 3"}),
      real("content.initial_relevance", &ContentParameters::initial_relevance, &M::content, 0.4, 0, 1,
           {"", "M11: relevance of marketing content to buyers at the start", kAssumption}),
      real("content.max_relevance", &ContentParameters::max_relevance, &M::content, 0.8, 0, 1,
           {"", "M11: relevance reachable with sales input", kAssumption}),
      real("content.input_rate", &ContentParameters::input_rate, &M::content, 0.01, 0, 1,
           {"1/business day", "M11: daily approach of relevance toward its maximum with sales input", kAssumption}),
      real("content.engagement_effect", &ContentParameters::engagement_effect, &M::content, 0.5, 0, 10,
           {"", "M11: engagement hazard x (1 + e (relevance - initial))", kAssumption}),
      real("content.qualification_effect", &ContentParameters::qualification_effect, &M::content, 0.5, 0, 10,
           {"", "M11: qualification probability x (1 + e (relevance - initial))", kAssumption}),
      real("content.own_content_share_at_zero_relevance", &ContentParameters::own_content_share_at_zero_relevance,
           &M::content, 0.8, 0, 1,
           {"", "M11: share of reps' material that is their own off-message content, x (1 - relevance)",
            "seed 004"}),
      real("content.hoarded_win_penalty", &ContentParameters::hoarded_win_penalty, &M::content, 0.3, 0, 1,
           {"", "M11: relative win loss of a hoarded deal, times the off-message content share", kAssumption}),
      real("incentives.marketing_mql_weight", &IncentiveParameters::marketing_mql_weight, &M::incentives, 1.0, 0, 1,
           {"", "M12: weight of MQL volume in marketing pay (1 = MQLs only, 0 = bookings only)",
            "seeds 001, 004"}),
      real("incentives.mql_threshold_pressure", &IncentiveParameters::mql_threshold_pressure, &M::incentives, 0.15,
           0, 1, {"score", "M12: how far MQL-volume pay lowers the scoring threshold", "seed 004"}),
      real("incentives.bookings_pay_targeting", &IncentiveParameters::bookings_pay_targeting, &M::incentives, 0.5,
           0, 1, {"", "M12: bookings pay adds this x (1 - MQL weight) to the M1 fit weight: marketing targets "
                      "accounts that buy (effective weight capped at 1)", "seeds 001, 004"}),
      boolean("incentives.shared_pool", &IncentiveParameters::shared_pool, &M::incentives, false,
              {"", "M12: shared incentive pool and joint awards for sales-marketing wins", "seeds 000 bullet 5, 001"}),
      real("incentives.shared_pool_followup_shift", &IncentiveParameters::shared_pool_followup_shift,
           &M::incentives, 0.1, 0, 1, {"trust", "M12: shared pool lowers the follow-up midpoint by this", kAssumption}),
      real("incentives.shared_pool_sync_boost", &IncentiveParameters::shared_pool_sync_boost, &M::incentives, 0.5, 0,
           5, {"", "M12: relative rise in sync effectiveness with a shared pool", kAssumption}),
  };
}

std::vector<Binding> sync_and_onboarding_bindings() {
  return {
      boolean("syncs.enabled", &SyncParameters::enabled, &M::syncs, false,
              {"", "M13: regular sales-marketing syncs", "seeds 002, 003, 004"}),
      integer("syncs.interval_days", &SyncParameters::interval_days, &M::syncs, 10, 1, 260,
              {"business days", "M13: days between syncs", "seed 004"}),
      real("syncs.shared_data_weight", &SyncParameters::shared_data_weight, &M::syncs, 0.3, 0, 1,
           {"", "M13: pull of shared outcome data of all leads on each rep's trust at a sync",
            "seed 004 step 2 (same data and tools)"}),
      boolean("syncs.admit_mistakes", &SyncParameters::admit_mistakes, &M::syncs, false,
              {"", "M13: marketing admits bad batches, so bad leads weigh less on trust", "seed 002"}),
      real("syncs.admitted_bad_news_weight", &SyncParameters::admitted_bad_news_weight, &M::syncs, 0.7, 0.1, 10,
           {"", "M13: EWMA weight multiplier of a bad lead once marketing admits its mistakes", "seed 002"}),
      real("syncs.team_averaging", &SyncParameters::team_averaging, &M::syncs, 0.2, 0, 1,
           {"", "M13: weight of the team's mean trust in each rep's trust at a sync", "seed 003"}),
      boolean("onboarding.enabled", &OnboardingParameters::enabled, &M::onboarding, false,
              {"", "M14: onboarding teaches each team to use the other: new reps start calibrated",
               "seed 000 bullet 4"}),
      real("onboarding.new_rep_trust", &OnboardingParameters::new_rep_trust, &M::onboarding, 0.55, 0, 1,
           {"trust", "M14: starting trust of a new rep with cross-team onboarding", kAssumption}),
  };
}

std::vector<Binding> budget_bindings() {
  return {
      boolean("budget.follows_revenue", &BudgetParameters::follows_revenue, &M::budget, true,
              {"", "M15: marketing budget is a fraction of trailing bookings", "seed 001 (Mary's budget); Forrester 1968"}),
      real("budget.initial_marketing_usd_per_day", &BudgetParameters::initial_marketing_usd_per_day, &M::budget,
           1000, 0, 1.0e9, {"USD/business day", "M15: marketing budget at the start", kAssumption}),
      real("budget.marketing_fraction", &BudgetParameters::marketing_fraction, &M::budget, 0.1, 0, 1,
           {"", "M15: marketing budget as a share of trailing bookings", "Gartner 2024 (8-11% of revenue)"}),
      real("budget.trailing_days", &BudgetParameters::trailing_days, &M::budget, 65, 1, 2600,
           {"business days", "M15: smoothing time of trailing bookings (65 = a quarter)", "seed 001"}),
      real("budget.demand_elasticity", &BudgetParameters::demand_elasticity, &M::budget, 0.5, 0, 3,
           {"", "M15: engagement hazard scales as (budget / initial budget)^elasticity", kAssumption}),
      boolean("budget.headcount_follows_bookings", &BudgetParameters::headcount_follows_bookings, &M::budget, false,
              {"", "M15: rep headcount follows trailing bookings with a hiring delay", "Forrester 1968"}),
      real("budget.sales_fraction", &BudgetParameters::sales_fraction, &M::budget, 0.25, 0, 1,
           {"", "M15: share of trailing bookings spent on rep headcount", kAssumption}),
      real("budget.rep_cost_usd_per_day", &BudgetParameters::rep_cost_usd_per_day, &M::budget, 600, 1, 1.0e7,
           {"USD/business day", "M15: fully loaded cost of one rep", kAssumption}),
      real("budget.hiring_delay_days", &BudgetParameters::hiring_delay_days, &M::budget, 60, 1, 2600,
           {"business days", "M15: time constant of headcount adjustment", "Forrester 1968"}),
      integer("budget.max_reps", &BudgetParameters::max_reps, &M::budget, 5000, 1, 100000,
              {"reps", "M15: headcount cap (a guard against runaway growth)", "guard"}),
  };
}

std::vector<Binding> churn_and_enablement_bindings() {
  return {
      boolean("churn.enabled", &ChurnParameters::enabled, &M::churn, true,
              {"", "M16: customers churn with a hazard falling with fit and message consistency", "seed 004"}),
      real("churn.annual_rate", &ChurnParameters::annual_rate, &M::churn, 0.15, 0, 5,
           {"1/year", "M16: churn hazard of an average-fit customer at baseline consistency", kAssumption}),
      real("churn.fit_protection", &ChurnParameters::fit_protection, &M::churn, 0.6, 0, 1,
           {"", "M16: hazard x max(0, 1 - p (2 fit - 1))", kAssumption}),
      real("churn.consistency_effect", &ChurnParameters::consistency_effect, &M::churn, 1.0, 0, 5,
           {"", "M16: hazard x max(0, 1 - e (consistency - initial consistency))", "seed 004"}),
      boolean("enablement.enabled", &EnablementParameters::enabled, &M::enablement, false,
              {"", "M17: marketing brings sales a selling framework, explained in a sales meeting", "seed 003"}),
      integer("enablement.meeting_day", &EnablementParameters::meeting_day, &M::enablement, 20, 0, 26000,
              {"business day", "M17: day of the sales meeting that introduces the framework", "seed 003"}),
      real("enablement.meeting_adoption", &EnablementParameters::meeting_adoption, &M::enablement, 0.3, 0, 1,
           {"", "M17: adoption probability at the meeting for a rep with trust 0.5 (scales with trust)", "seed 003"}),
      real("enablement.peer_rate", &EnablementParameters::peer_rate, &M::enablement, 0.03, 0, 1,
           {"1/business day", "M17: adoption hazard when all peers use it, for trust 0.5 (scales with trust)",
            "seed 003; Rogers 2003"}),
      real("enablement.win_uplift", &EnablementParameters::win_uplift, &M::enablement, 0.2, 0, 5,
           {"", "M17: relative rise in win probability for adopters", "seed 003"}),
      real("enablement.cycle_reduction", &EnablementParameters::cycle_reduction, &M::enablement, 0.15, 0, 0.9,
           {"", "M17: relative shortening of adopters' sales cycles", "seed 003"}),
  };
}

}  // namespace

std::vector<Binding> alignment_bindings() {
  std::vector<Binding> out;
  for (auto part : {rep_bindings(), prospecting_and_feedback_bindings(), content_and_incentive_bindings(),
                    sync_and_onboarding_bindings(), budget_bindings(), churn_and_enablement_bindings()}) {
    for (auto& b : part) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace alignsim::model::binding

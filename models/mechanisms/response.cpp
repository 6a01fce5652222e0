// M5 Response delay: rules and parameters.
#include "models/mechanisms/response.hpp"

#include <algorithm>

#include "models/mechanisms/mechanism_bindings.hpp"

namespace alignsim::model {

namespace {
constexpr double kHoursPerDay = 24.0;
}

double occupied_hours(const ResponseParameters& r, double capacity_multiplier, double task_hours) noexcept {
  return kHoursPerDay / r.rep_hours_per_day * charged_hours(task_hours, capacity_multiplier);
}

double charged_hours(double task_hours, double capacity_multiplier) noexcept {
  return task_hours / capacity_multiplier;
}

bool fits_in_budget(const ResponseParameters& r, double used_today_hours, double charged_hours) noexcept {
  // A task longer than a whole budget still gets done, first thing on a fresh day.
  const double budget = r.rep_hours_per_day * r.lead_followup_share;
  return used_today_hours == 0.0 || used_today_hours + charged_hours <= budget;
}

double task_rep_hours(const ResponseParameters& r, bool courtesy) noexcept {
  return courtesy ? r.courtesy_reply_hours : r.hours_per_lead;
}

bool gives_up(const ResponseParameters& r, double waited_hours) noexcept {
  return waited_hours > r.max_wait_days * kHoursPerDay;
}

double prompt_probability(const ResponseParameters& r, double trust, bool courtesy) noexcept {
  return courtesy ? r.courtesy_prompt_probability
                  : r.prompt_probability_base + (r.prompt_probability_at_full_trust - r.prompt_probability_base) * trust;
}

double deprioritised_mean_hours(const ResponseParameters& r, double trust) noexcept {
  return r.deprioritised_mean_hours * (1.0 - trust);
}

namespace binding {

std::vector<Binding> response_bindings() {
  using M = ModelParameters;
  return of_mechanism(Mechanism::response, {
      boolean("response.enabled", &ResponseParameters::enabled, &M::response, true,
              {"", "M5: response delay is the wait in the rep's queue of first responses (its load, capacity "
                   "and priorities); off = exponential fixed mean", "HBR 2011"}),
      real("response.rep_hours_per_day", &ResponseParameters::rep_hours_per_day, &M::response, 8, 0.5, 24,
           {"hours/business day", "M5: working hours of a rep", "convention"}),
      real("response.lead_followup_share", &ResponseParameters::lead_followup_share, &M::response, 0.25, 0.001, 1,
           {"", "M5: most of a rep's working hours a day spent on first responses; the rest waits for the next day",
            "CSO Insights 2011"}),
      real("response.hours_per_lead", &ResponseParameters::hours_per_lead, &M::response, 0.5, 0.01, 24,
           {"hours", "M5: rep time for one first contact", kAssumption}),
      real("response.prompt_probability_base", &ResponseParameters::prompt_probability_base, &M::response, 0.6,
           0, 1, {"", "M5: probability a rep with zero trust treats a lead it pursues as urgent (answered in turn, before set-aside leads)", "HBR 2011"}),
      real("response.prompt_probability_at_full_trust", &ResponseParameters::prompt_probability_at_full_trust,
           &M::response, 1.0, 0, 1,
           {"", "M5: the same at full trust (linear in between)",
            "HBR 2011"}),
      real("response.deprioritised_mean_hours", &ResponseParameters::deprioritised_mean_hours, &M::response, 90, 0,
           2000, {"hours", "M5: mean time a lead the rep sets aside waits before it joins the rep's queue, at zero trust, scaled by (1 - trust)",
                  "HBR 2011 (mean 42 h)"}),
      real("response.deprioritised_sigma", &ResponseParameters::deprioritised_sigma, &M::response, 1.3, 0, 4,
           {"", "M5: log-scale spread of that set-aside time (lognormal: a heavy tail of late replies)",
            "HBR 2011 (24% after 24 h, mean 42 h)"}),
      real("response.courtesy_prompt_probability", &ResponseParameters::courtesy_prompt_probability,
           &M::response, 0.1, 0, 1,
           {"", "M5: probability a courtesy reply to an unworked lead is urgent rather than set aside", "HBR 2011"}),
      real("response.courtesy_reply_hours", &ResponseParameters::courtesy_reply_hours, &M::response, 0.1, 0.001,
           24, {"hours", "M5: rep time for a courtesy reply to a lead it will not pursue", kAssumption}),
      real("response.prompt_mean_hours", &ResponseParameters::prompt_mean_hours, &M::response, 0.1, 0.001, 24,
           {"hours", "M5: mean time a free rep takes to see a task and answer it",
            "HBR 2011"}),
      real("response.max_wait_days", &ResponseParameters::max_wait_days, &M::response, 20, 0.1, 520,
           {"business days", "M5: a lead still waiting for its first reply after this long is dropped (never "
                              "answered)", kAssumption}),
      real("response.fixed_mean_hours", &ResponseParameters::fixed_mean_hours, &M::response, 24, 0, 2000,
           {"hours", "M5 off: mean of an exponential response delay", kAssumption}),
  });
}

}  // namespace binding
}  // namespace alignsim::model

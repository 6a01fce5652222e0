#pragma once
// What a CRM would have recorded of one run (issue 14, `alignsim run --export-crm`):
// every lead (a marketing inquiry or a rep's own find), the sales activities on it (a
// call when the rep works it, an e-mail for a courtesy reply), the opportunities and
// their outcome, and the reps' hire and leave days. The ground truth of the synthetic
// CRM: crm/ writes it in the layouts of real exports, and ingesting that export must
// give back the run's own summary (tests/crm).
//
// Filled by a Simulation only when given one (Simulation::log_crm_events); an ordinary
// run pays one null check per event. Times are model hours: business days of 24 hours
// counted from the first simulated day (warm-up included), so hour h is on simulated
// day floor(h / 24). Not thread-safe; one per run.
#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

namespace alignsim::model {

inline constexpr double kNotYet = std::numeric_limits<double>::quiet_NaN();

enum class LeadEnd : std::uint8_t {
  open,          // still a lead when the run ends
  not_mql,       // scored below the bar: back to nurture at once
  not_pursued,   // an MQL the rep chose not to work
  dropped,       // worked, but waited too long in the rep's queue and was dropped unanswered
  not_qualified, // contacted, did not become an opportunity
  converted,     // became an opportunity
};

struct CrmLead {
  std::uint32_t prospect = 0;
  std::uint16_t episode = 0;
  std::uint16_t marketer = 0;    // whose programme reaches the prospect
  double created_hours = 0;
  bool mql = false;              // scored a marketing-qualified lead (never for a rep's own find)
  bool sales_sourced = false;    // found by a rep's own prospecting
  std::int32_t owner = -1;       // the rep it was routed to, or that found it; -1: none (not an MQL)
  bool worked = false;           // the rep chose to pursue it (an own find always)
  double contact_hours = kNotYet; // the rep's first call (the contact that qualifies or not)
  LeadEnd end = LeadEnd::open;
  double ended_hours = kNotYet;  // when it left the lead stage
  std::int32_t opportunity = -1; // index into CrmEventLog::opportunities
};

enum class ActivityKind : std::uint8_t { call, courtesy_email };

struct CrmActivity {
  std::uint32_t lead = 0;  // index into CrmEventLog::leads
  std::uint32_t rep = 0;
  double at_hours = 0;
  ActivityKind kind = ActivityKind::call;
};

struct CrmOpportunity {
  std::uint32_t lead = 0;
  std::uint32_t owner = 0;
  double opened_hours = 0;
  double decided_hours = kNotYet;  // NaN: still open when the run ends
  bool won = false;
  double amount_usd = 0;
};

struct CrmRep {
  std::int64_t hired_day = 0;
  std::int64_t left_day = -1;  // -1: still active at the end
};

class CrmEventLog {
 public:
  // The run's calendar, which the writer needs to place the export window.
  std::int64_t warmup_days = 0;
  std::int64_t horizon_days = 0;

  std::vector<CrmLead> leads;
  std::vector<CrmActivity> activities;
  std::vector<CrmOpportunity> opportunities;
  std::vector<CrmRep> reps;

  void lead_created(std::uint32_t prospect, std::uint16_t episode, std::uint16_t marketer, double hours, bool mql,
                    bool sales_sourced, std::int32_t owner);
  void lead_routed(std::uint32_t prospect, std::uint32_t rep, bool worked);
  // `hours`: when; kNotYet means at the lead's contact (qualified or not at the first call).
  void lead_ended(std::uint32_t prospect, LeadEnd end, double hours = kNotYet);
  // A first response to lead (prospect, episode), which may be an earlier lead of the prospect.
  void responded(std::uint32_t prospect, std::uint16_t episode, std::uint32_t rep, double hours, bool courtesy);
  // At the contact of the prospect's current lead.
  void opportunity_opened(std::uint32_t prospect, double amount_usd);
  void opportunity_decided(std::uint32_t prospect, double hours, bool won);
  void rep_hired(std::int64_t day) { reps.push_back({day, -1}); }
  void rep_left(std::uint32_t rep, std::int64_t day) { reps.at(rep).left_day = day; }

 private:
  [[nodiscard]] CrmLead& current_lead(std::uint32_t prospect);
  std::unordered_map<std::uint64_t, std::uint32_t> lead_of_episode_;  // (prospect, episode) -> lead
  std::unordered_map<std::uint32_t, std::uint32_t> current_;          // prospect -> its latest lead
};

}  // namespace alignsim::model

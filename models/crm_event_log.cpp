#include "models/crm_event_log.hpp"

#include <cmath>
#include <stdexcept>

namespace alignsim::model {
namespace {
std::uint64_t episode_key(std::uint32_t prospect, std::uint16_t episode) {
  return (static_cast<std::uint64_t>(prospect) << 16U) | episode;
}
}  // namespace

CrmLead& CrmEventLog::current_lead(std::uint32_t prospect) {
  const auto found = current_.find(prospect);
  if (found == current_.end()) throw std::logic_error("CRM event for a prospect that has no lead");
  return leads[found->second];
}

void CrmEventLog::lead_created(std::uint32_t prospect, std::uint16_t episode, std::uint16_t marketer, double hours,
                               bool mql, bool sales_sourced, std::int32_t owner) {
  const auto index = static_cast<std::uint32_t>(leads.size());
  CrmLead lead;
  lead.prospect = prospect;
  lead.episode = episode;
  lead.marketer = marketer;
  lead.created_hours = hours;
  lead.mql = mql;
  lead.sales_sourced = sales_sourced;
  lead.owner = owner;
  lead.worked = sales_sourced;
  leads.push_back(lead);
  lead_of_episode_[episode_key(prospect, episode)] = index;
  current_[prospect] = index;
}

void CrmEventLog::lead_routed(std::uint32_t prospect, std::uint32_t rep, bool worked) {
  CrmLead& lead = current_lead(prospect);
  lead.owner = static_cast<std::int32_t>(rep);
  lead.worked = worked;
}

void CrmEventLog::lead_ended(std::uint32_t prospect, LeadEnd end, double hours) {
  CrmLead& lead = current_lead(prospect);
  lead.end = end;
  lead.ended_hours = std::isnan(hours) ? lead.contact_hours : hours;
}

void CrmEventLog::responded(std::uint32_t prospect, std::uint16_t episode, std::uint32_t rep, double hours,
                            bool courtesy) {
  const auto found = lead_of_episode_.find(episode_key(prospect, episode));
  if (found == lead_of_episode_.end()) throw std::logic_error("CRM response to a lead that was never created");
  activities.push_back({found->second, rep, hours, courtesy ? ActivityKind::courtesy_email : ActivityKind::call});
  CrmLead& lead = leads[found->second];
  if (!courtesy && std::isnan(lead.contact_hours)) lead.contact_hours = hours;
}

void CrmEventLog::opportunity_opened(std::uint32_t prospect, double amount_usd) {
  CrmLead& lead = current_lead(prospect);
  const double hours = lead.contact_hours;
  const auto index = static_cast<std::int32_t>(opportunities.size());
  lead.opportunity = index;
  lead.end = LeadEnd::converted;
  lead.ended_hours = hours;
  opportunities.push_back(
      {current_.at(prospect), static_cast<std::uint32_t>(lead.owner), hours, kNotYet, false, amount_usd});
}

void CrmEventLog::opportunity_decided(std::uint32_t prospect, double hours, bool won) {
  const CrmLead& lead = current_lead(prospect);
  if (lead.opportunity < 0) throw std::logic_error("CRM decision on a lead without an opportunity");
  CrmOpportunity& opportunity = opportunities[static_cast<std::size_t>(lead.opportunity)];
  opportunity.decided_hours = hours;
  opportunity.won = won;
}

}  // namespace alignsim::model

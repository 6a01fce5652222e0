#pragma once
// Made-up personal data for the synthetic CRM: the names, e-mail addresses, phone numbers
// and companies a real export would carry, derived from an agent's id alone (the same
// prospect has the same name in every layout). They exist so that the ingest's removal
// of personal data is tested on realistic files; none is a real person's.
// Thread-safe (pure functions).
#include <cstdint>
#include <string>

namespace alignsim::crm {

struct Person {
  std::string first_name, last_name, email, phone, company;
};

[[nodiscard]] Person prospect_person(std::uint32_t prospect);
[[nodiscard]] Person rep_person(std::uint32_t rep);

// A note as reps type them: commas, quotes, a line break, and the person's name,
// e-mail and phone inside the free text.
[[nodiscard]] std::string free_text_note(const Person& person, std::uint32_t salt);

}  // namespace alignsim::crm

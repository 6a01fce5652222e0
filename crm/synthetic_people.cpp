#include "crm/synthetic_people.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <string_view>

namespace alignsim::crm {
namespace {

constexpr std::array<std::string_view, 24> kFirstNames{
    "Ann", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ivo", "Jana", "Kwame", "Lena",
    "Mateo", "Nia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomoko", "Ugo", "Vera", "Wei", "Zofia"};
constexpr std::array<std::string_view, 24> kLastNames{
    "Abbott", "Bianchi", "Castillo", "Dubois", "Eriksen", "Fischer", "Gallo", "Horvat", "Ibsen", "Jovanovic",
    "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Brien", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka",
    "Urbano", "Varga", "Weber", "Young"};
constexpr std::array<std::string_view, 12> kCompanyWords{"Acme", "Borealis", "Cobalt", "Delta", "Ember", "Fjord",
                                                         "Granite", "Helix", "Iris", "Juniper", "Kestrel", "Lumen"};

// SplitMix64: a fixed, well-mixed hash of the id, so names look random but never change.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27U)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31U);
}

std::string lower_letters(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

Person person(std::uint64_t key, std::uint32_t id, std::string_view domain_kind) {
  const std::uint64_t h = mix(key);
  Person p;
  p.first_name = kFirstNames[h % kFirstNames.size()];
  p.last_name = kLastNames[(h >> 8U) % kLastNames.size()];
  p.company = std::string(kCompanyWords[(h >> 16U) % kCompanyWords.size()]) + " " +
              std::string(kCompanyWords[(h >> 24U) % kCompanyWords.size()]) + " " + std::to_string(id % 997);
  const std::string domain = domain_kind == "rep" ? "seller.example.com" : lower_letters(p.company) + ".example.com";
  p.email = lower_letters(p.first_name) + "." + lower_letters(p.last_name) + std::to_string(id) + "@" + domain;
  char phone[32];
  std::snprintf(phone, sizeof phone, "+1-555-%03u-%04u", static_cast<unsigned>((h >> 32U) % 1000U),
                static_cast<unsigned>(id % 10000U));
  p.phone = phone;
  return p;
}

}  // namespace

Person prospect_person(std::uint32_t prospect) { return person(prospect, prospect, "prospect"); }

Person rep_person(std::uint32_t rep) { return person(0xC0FFEE00000000ULL + rep, rep, "rep"); }

std::string free_text_note(const Person& p, std::uint32_t salt) {
  static constexpr std::array<std::string_view, 4> kOpenings{
      "Asked about pricing, \"urgent\"", "Downloaded the guide; wants a demo", "Met at the webinar, said \"call me\"",
      "Replied to the campaign, budget unclear"};
  return std::string(kOpenings[mix(salt) % kOpenings.size()]) + ".\nContact " + p.first_name + " " + p.last_name +
         " at " + p.phone + " or " + p.email + ", ask for " + p.first_name + ".";
}

}  // namespace alignsim::crm

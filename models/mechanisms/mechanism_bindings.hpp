#pragma once
// Internal to models/: each mechanism's file declares its parameters (the catalog's
// entries, stamped with the mechanism), as ns-3 declares a class's attributes next to
// the class. parameter_catalog.cpp assembles them in the order of docs/model.md.
#include <vector>

#include "models/parameter_binding.hpp"

namespace alignsim::model::binding {

std::vector<Binding> demand_bindings();
std::vector<Binding> scoring_bindings();
std::vector<Binding> routing_bindings();
std::vector<Binding> followup_bindings();
std::vector<Binding> response_bindings();
std::vector<Binding> qualification_bindings();
std::vector<Binding> close_bindings();
std::vector<Binding> trust_bindings();
std::vector<Binding> prospecting_bindings();
std::vector<Binding> feedback_bindings();
std::vector<Binding> content_bindings();
std::vector<Binding> incentives_bindings();
std::vector<Binding> syncs_bindings();
std::vector<Binding> turnover_bindings();
std::vector<Binding> budget_bindings();
std::vector<Binding> churn_bindings();
std::vector<Binding> enablement_bindings();
std::vector<Binding> marketers_bindings();

}  // namespace alignsim::model::binding

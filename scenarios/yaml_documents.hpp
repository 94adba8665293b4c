#pragma once
// Every document of a YAML text (internal to the scenario loader): YAML::LoadAll without its hang.
//
// yaml-cpp 0.7 (Debian 12) loops for ever, allocating a null document per turn, when a ',' stands
// outside a flow collection where a value should start ("- a\n,", "[a],", "--- ,": yaml-cpp issue
// #1040, fixed upstream after 0.8 by jbeder/yaml-cpp#1319). Its parser then returns a document
// without consuming a token. This reads the events first and stops at the first document that
// starts where the one before it started, throwing YAML::ParserException at that place with the
// message kStrayFlowEntry; otherwise it returns YAML::LoadAll(text).
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

namespace evsim::scenarios {

inline constexpr std::string_view kStrayFlowEntry = "a ',' outside a flow collection ([...] or {...})";

std::vector<YAML::Node> load_yaml_documents(const std::string& text);

}  // namespace evsim::scenarios

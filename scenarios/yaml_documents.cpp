#include "scenarios/yaml_documents.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <optional>
#include <sstream>

namespace evsim::scenarios {
namespace {

// Keeps where each document starts; ignores everything else.
class DocumentStarts final : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> start;
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

bool same_place(const YAML::Mark& a, const YAML::Mark& b) { return a.pos == b.pos && a.line == b.line && a.column == b.column; }

}  // namespace

std::vector<YAML::Node> load_yaml_documents(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  std::optional<YAML::Mark> previous;
  for (;;) {
    DocumentStarts events;
    if (!parser.HandleNextDocument(events)) break;
    if (events.start && previous && same_place(*events.start, *previous)) {
      throw YAML::ParserException(*events.start, std::string(kStrayFlowEntry));
    }
    previous = events.start;
  }
  return YAML::LoadAll(text);
}

}  // namespace evsim::scenarios

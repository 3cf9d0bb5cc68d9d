// Every analysis of ../shared/data/expected/*.json and tests/reference/own/*.json run through the CLI's code path
// (core::analysis::runAnalysis on the dataset opened by core::io::openDataFile).
#include "core/analysis/Runner.h"
#include "tests/reference/ReferenceCompare.h"

#include <gtest/gtest.h>

namespace {

using sl::test::ReferenceCase;

class Reference : public testing::TestWithParam<ReferenceCase> {};

TEST_P(Reference, ResultMatchesExpected)
{
    const ReferenceCase& c = GetParam();
    std::string error;
    const auto* dataset = sl::test::referenceDataset(c.datasetPath, error);
    ASSERT_NE(dataset, nullptr) << error;
    auto result = sl::core::analysis::runAnalysis(*dataset, c.type, c.spec);
    ASSERT_TRUE(result.hasValue()) << c.id << ": " << result.error().describe();
    // Every result says which convention it follows, and tells frequency weights apart from a design.
    ASSERT_TRUE(result->contains("method") && (*result)["method"].is_string()) << c.id;
    const std::string method = (*result)["method"].get<std::string>();
    const bool weighted = c.spec.contains("weight") && !c.spec["weight"].is_null();
    EXPECT_EQ(method.find("Frequency weights") != std::string::npos, weighted) << c.id << ": " << method;
    // A convention the spec chose instead of SPSS's is named (docs/CONVENTIONS.md).
    if (c.spec.value("quartiles", "spss") == "r") EXPECT_NE(method.find("type 7"), std::string::npos) << c.id;
    if (c.spec.value("levene_center", "mean") == "median")
        EXPECT_NE(method.find("group medians"), std::string::npos) << c.id;
    if (c.spec.contains("categorical") && c.spec["categorical"].is_object())
        for (const auto& [name, entry] : c.spec["categorical"].items()) {
            const auto reference = entry.contains("reference") ? entry["reference"] : sl::test::Json();
            const std::string named = reference == "first"                      ? name + " against its first level"
                                      : reference.is_null() || reference == "last" ? name + " against its last level"
                                                                                   : name + " against code " + reference.dump();
            EXPECT_NE(method.find(named), std::string::npos) << c.id << ": " << method;
        }
    const auto mismatches = sl::test::compareJson(c.expected, *result);
    for (const auto& m : mismatches) ADD_FAILURE() << c.id << " " << m;
}

std::vector<ReferenceCase> referenceCases()
{
    auto cases = sl::test::loadReferenceCases(std::string(SL_SHARED_DATA_DIR) + "/expected");
    if (cases.empty()) ADD_FAILURE() << "No reference files found in " << SL_SHARED_DATA_DIR << "/expected";
    return cases;
}

INSTANTIATE_TEST_SUITE_P(SharedData, Reference, testing::ValuesIn(referenceCases()),
                         [](const testing::TestParamInfo<ReferenceCase>& info) { return sl::test::testNameOf(info.param); });

// Our own references, for members the shared files do not cover (tests/reference/own, made by
// its make_references.R with R).
std::vector<ReferenceCase> ownReferenceCases()
{
    auto cases = sl::test::loadReferenceCases(std::string(SL_SOURCE_DIR) + "/tests/reference/own");
    if (cases.empty()) ADD_FAILURE() << "No reference files found in tests/reference/own";
    return cases;
}

INSTANTIATE_TEST_SUITE_P(OwnReferences, Reference, testing::ValuesIn(ownReferenceCases()),
                         [](const testing::TestParamInfo<ReferenceCase>& info) { return sl::test::testNameOf(info.param); });

}  // namespace

TEST(ReferenceCompare, FindsNumericAndStructuralMismatches)
{
    using sl::test::Json;
    const Json expected = Json::parse(R"({"n": 10, "r": 0.5, "labels": ["a", null], "t": {"p": 0.01}})");
    EXPECT_TRUE(sl::test::compareJson(expected, Json::parse(R"({"n": 10.0, "r": 0.5000000001, "labels": ["a ", null], "t": {"p": 0.01}, "extra": 1})")).empty());
    EXPECT_EQ(sl::test::compareJson(expected, Json::parse(R"({"n": 10, "r": 0.501, "labels": ["a", null], "t": {}})")).size(), 2u);
    EXPECT_EQ(sl::test::compareJson(expected, Json::parse(R"({"n": 10, "r": 0.5, "labels": ["a"], "t": {"p": 0.01}})")).size(), 1u);
}

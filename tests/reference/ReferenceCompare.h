#pragma once
// Field-by-field comparison of a result with a reference, by the rules of analysis-spec.md:
// numbers within 1e-6 relative (1e-12 absolute near zero; Tukey p-values 1e-8 absolute),
// names, codes and list order exactly, strings after trimming trailing blanks; every member
// the reference holds must be present in the result (a result may hold more).
#include "core/analysis/Json.h"
#include "core/data/Dataset.h"

#include <string>
#include <vector>

namespace sl::test {

using Json = sl::core::analysis::Json;

// Descriptions of every mismatch ("terms[2].se: expected 0.1, got 0.2"); empty when equal.
std::vector<std::string> compareJson(const Json& expected, const Json& actual, const std::string& path = "");

// One analysis of a reference file.
struct ReferenceCase {
    std::string file;      // absolute path of the reference JSON
    std::string datasetPath;  // absolute path of its dataset
    std::string id;
    std::string type;
    Json spec;
    Json expected;
};

// Every analysis in the reference files of a folder (*.json), in file order.
std::vector<ReferenceCase> loadReferenceCases(const std::string& folder);

// The dataset at `path`, opened once per test run through core::io::openDataFile (the CLI's path);
// nullptr with `error` set when it cannot be read.
const sl::core::data::Dataset* referenceDataset(const std::string& path, std::string& error);

// gtest-safe name: letters, digits and underscores.
std::string testNameOf(const ReferenceCase& c);

}  // namespace sl::test

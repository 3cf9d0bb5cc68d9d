#pragma once
// Cross-tabulation of two categorical variables (optionally within the layers of a third):
// weighted cell counts, percentages, expected counts, residuals, chi-square tests and
// measures of association as SPSS CROSSTABS reports them.
#include "core/common/Expected.h"
#include "core/data/Dataset.h"
#include "core/transform/CaseFilter.h"

#include <limits>
#include <optional>
#include <vector>

namespace sl::core::stats {

using Matrix = std::vector<std::vector<double>>;  // rows of cells

// A test statistic with its degrees of freedom and upper-tail p-value.
struct TestStatistic {
    double statistic = std::numeric_limits<double>::quiet_NaN();
    double df = std::numeric_limits<double>::quiet_NaN();
    double p = std::numeric_limits<double>::quiet_NaN();
};

// An ordinal measure of association: ase is ASE1, t = value / ASE0, p two-sided normal.
struct OrdinalAssociation {
    double value = 0, ase = 0, t = 0, p = 0;
};

// Weighted counts of one table; rows and columns are the observed valid values, ascending.
struct CountedTable {
    double layerValue = std::numeric_limits<double>::quiet_NaN();  // NaN without a layer
    std::vector<double> rowValues;
    std::vector<double> colValues;
    Matrix counts;
};

// Counts the cases selected by `mask` that have a usable weight (missing, zero or negative
// weights are left out) and are valid on row, col and layer. Coded columns are counted by code.
// Returns one table per observed layer value in ascending order, or a single table without a
// layer (with no rows when no case is left). A table of more than ten million cells (variables
// with very many distinct values) is refused with an error.
Expected<std::vector<CountedTable>> countTables(const data::Dataset& dataset, const transform::CaseMask& mask,
                                      std::optional<size_t> weight, size_t row, size_t col,
                                      std::optional<size_t> layer = std::nullopt);

struct CrosstabOptions {
    bool exactTest = false;   // Fisher's exact test for 2x2 tables (integer counts only)
    bool ordinal = false;     // gamma and Kendall's tau-b
};

struct Crosstab {
    std::vector<double> rowValues;
    std::vector<double> colValues;
    double n = 0;
    Matrix counts;
    Matrix rowPercent;
    Matrix colPercent;
    Matrix totalPercent;
    Matrix expected;
    Matrix residuals;              // O - E
    Matrix standardizedResiduals;  // (O - E) / sqrt(E)
    Matrix adjustedResiduals;  // (O - E) / sqrt(E (1 - r/n) (1 - c/n))
    TestStatistic pearson;
    TestStatistic likelihoodRatio;
    TestStatistic linearByLinear;  // Mantel-Haenszel (n - 1) r^2 with the codes as scores
    double cramersV = 0;
    double contingencyCoefficient = 0;
    double expectedBelow5Percent = 0;  // percentage of cells with an expected count below 5
    size_t cellsExpectedBelow5 = 0;
    double minimumExpected = 0;
    // 2x2 tables only.
    std::optional<double> phi;  // signed: (n11 n22 - n12 n21) / sqrt(r1 r2 c1 c2)
    std::optional<TestStatistic> continuityCorrected;  // Yates
    std::optional<double> fisherExactP;  // two-sided, as R's fisher.test
    std::optional<double> fisherExactOneSidedP;  // in the direction of the observed association (SPSS)
    // With CrosstabOptions::ordinal.
    std::optional<OrdinalAssociation> gamma;
    std::optional<OrdinalAssociation> tauB;
};

// The statistics of a table of counts with at least one case. With a single row or column the
// tests and measures of association are NaN (nothing varies).
Crosstab crosstab(const CountedTable& table, const CrosstabOptions& options = {});

// Two-sided p of Fisher's exact test for the 2x2 table [[a, b], [c, d]]: the sum of the
// hypergeometric probabilities of the tables with the same margins that are no more likely
// than the observed one (relative tolerance 1e-7, as R).
double fisherExactTwoSided(long long a, long long b, long long c, long long d);

// One-sided p of Fisher's exact test, as SPSS's "Exact Sig. (1-sided)": the probability of the
// observed first cell or a more extreme one in the direction in which it departs from expectation.
double fisherExactOneSided(long long a, long long b, long long c, long long d);

}  // namespace sl::core::stats

#include "core/stats/DesignMatrix.h"
#include "core/stats/Distributions.h"
#include "core/stats/LinearRegression.h"
#include "core/stats/LogisticRegression.h"
#include "tests/stats/ModelsTestData.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace sl::core;
using sl::test::allCases;
using sl::test::datasetOf;

namespace {

stats::Predictor numeric(size_t v) { return stats::Predictor{v, false, {}}; }

stats::Predictor categorical(size_t v, stats::ReferenceLevel::Kind kind, double code = 0)
{
    return stats::Predictor{v, true, stats::ReferenceLevel{kind, code}};
}

stats::DesignMatrix design(const data::Dataset& d, size_t dependent, const std::vector<stats::Predictor>& predictors,
                           std::vector<double> weights = {})
{
    auto m = stats::DesignMatrix::build(d, allCases(d.caseCount(), std::move(weights)), dependent, predictors);
    EXPECT_TRUE(m.hasValue()) << (m ? "" : m.error().describe());
    return std::move(m).value();
}

// n cases of y, x1, x2 with y = 1 + 0.5 x1 − 2 x2 + noise.
data::Dataset noisyLinearData(size_t n)
{
    sl::test::Uniform u(7);
    std::vector<double> y, x1, x2;
    for (size_t i = 0; i < n; ++i) {
        x1.push_back(10 * u());
        x2.push_back(u() + 0.3 * x1.back());
        y.push_back(1 + 0.5 * x1.back() - 2 * x2.back() + (u() - 0.5) * 3);
    }
    return datasetOf({{"y", y}, {"x1", x1}, {"x2", x2}});
}

}  // namespace

TEST(DesignMatrix, DummyColumnsFollowTheReferenceLevel)
{
    const auto d = datasetOf({{"y", {1, 2, 3, 4, 5, 6}}, {"g", {3, 1, 2, 3, 1, 2}}});
    using Kind = stats::ReferenceLevel::Kind;
    const auto last = design(d, 0, {categorical(1, Kind::Last)});
    EXPECT_EQ(last.names(), (std::vector<std::string>{"(Intercept)", "g=1", "g=2"}));
    EXPECT_EQ(last.columns().col(1).transpose(), Eigen::RowVectorXd::Map(std::vector<double>{0, 1, 0, 0, 1, 0}.data(), 6));
    const auto first = design(d, 0, {categorical(1, Kind::First)});
    EXPECT_EQ(first.names(), (std::vector<std::string>{"(Intercept)", "g=2", "g=3"}));
    const auto middle = design(d, 0, {categorical(1, Kind::Code, 2)});
    EXPECT_EQ(middle.names(), (std::vector<std::string>{"(Intercept)", "g=1", "g=3"}));
    EXPECT_EQ(middle.columns().col(2).sum(), 2);
}

TEST(DesignMatrix, LevelsComeOnlyFromTheCasesUsed)
{
    const auto d = datasetOf({{"y", {1, 2, 3, 4}}, {"g", {1, 2, 1, 7}}});
    transform::CaseSelection firstThree = allCases(3);
    auto m = stats::DesignMatrix::build(d, firstThree, 0, {categorical(1, stats::ReferenceLevel::Kind::Last)});
    ASSERT_TRUE(m.hasValue());
    EXPECT_EQ(m->names(), (std::vector<std::string>{"(Intercept)", "g=1"}));
    auto missingReference =
        stats::DesignMatrix::build(d, firstThree, 0, {categorical(1, stats::ReferenceLevel::Kind::Code, 7)});
    ASSERT_FALSE(missingReference.hasValue());
    EXPECT_NE(missingReference.error().message.find("reference category 7"), std::string::npos);
}

TEST(DesignMatrix, DropsTheLastOfLinearlyDependentColumnsAndConstants)
{
    const auto d = datasetOf({{"y", {1, 3, 2, 5, 4, 6}},
                              {"a", {1, 0, 1, 1, 0, 0}},
                              {"k", {2, 2, 2, 2, 2, 2}},
                              {"b", {3, 1, 4, 1, 5, 9}},
                              {"sum", {4, 1, 5, 2, 5, 9}}});
    auto m = design(d, 0, {numeric(1), numeric(2), numeric(3), numeric(4)});
    EXPECT_EQ(m.dropCollinearColumns(), (std::vector<std::string>{"k", "sum"}));
    EXPECT_EQ(m.names(), (std::vector<std::string>{"(Intercept)", "a", "b"}));
    EXPECT_EQ(m.columnCount(), 3u);
}

TEST(LinearRegression, PerfectFitRecoversTheCoefficients)
{
    std::vector<double> x1{1, 2, 3, 4, 5, 6, 7}, x2{2, 1, 4, 3, 6, 5, 9}, y;
    for (size_t i = 0; i < x1.size(); ++i) y.push_back(2 + 3 * x1[i] - x2[i]);
    const auto d = datasetOf({{"y", y}, {"x1", x1}, {"x2", x2}});
    auto fit = stats::fitLinearRegression(design(d, 0, {numeric(1), numeric(2)}));
    ASSERT_TRUE(fit.hasValue());
    EXPECT_NEAR(fit->terms[0].b, 2, 1e-12);
    EXPECT_NEAR(fit->terms[1].b, 3, 1e-12);
    EXPECT_NEAR(fit->terms[2].b, -1, 1e-12);
    EXPECT_NEAR(fit->r2, 1, 1e-14);
    EXPECT_NEAR(fit->sigma, 0, 1e-12);
    EXPECT_EQ(fit->df2, 4);
}

TEST(LinearRegression, AgreesWithTheNormalEquations)
{
    const auto d = noisyLinearData(200);
    const auto m = design(d, 0, {numeric(1), numeric(2)});
    const Eigen::MatrixXd xtx = m.columns().transpose() * m.columns();
    const Eigen::VectorXd b = xtx.llt().solve(m.columns().transpose() * m.dependent());
    const Eigen::VectorXd residuals = m.dependent() - m.columns() * b;
    const double s2 = residuals.squaredNorm() / (200 - 3);
    const Eigen::MatrixXd inverse = xtx.inverse();
    auto fit = stats::fitLinearRegression(m);
    ASSERT_TRUE(fit.hasValue());
    for (int j = 0; j < 3; ++j) {
        EXPECT_NEAR(fit->terms[j].b, b(j), 1e-10 * (1 + std::fabs(b(j))));
        EXPECT_NEAR(fit->terms[j].se, std::sqrt(s2 * inverse(j, j)), 1e-10);
        EXPECT_NEAR(fit->terms[j].p, stats::studentTwoSidedP(b(j) / std::sqrt(s2 * inverse(j, j)), 197), 1e-12);
    }
    EXPECT_NEAR(fit->sigma, std::sqrt(s2), 1e-12);
    // F = (R²/df1) / ((1 − R²)/df2)
    EXPECT_NEAR(fit->f, (fit->r2 / 2) / ((1 - fit->r2) / 197), 1e-8 * fit->f);
    EXPECT_TRUE(fit->dropped.empty());
}

TEST(LinearRegression, OnePredictorGivesTSquaredEqualToFAndToleranceOne)
{
    const auto d = noisyLinearData(50);
    auto fit = stats::fitLinearRegression(design(d, 0, {numeric(1)}));
    ASSERT_TRUE(fit.hasValue());
    EXPECT_NEAR(fit->terms[1].t * fit->terms[1].t, fit->f, 1e-9 * fit->f);
    EXPECT_NEAR(fit->terms[1].p, fit->fP, 1e-12);
    EXPECT_NEAR(fit->terms[1].tolerance, 1, 1e-12);
    // The standardized slope of a simple regression is the correlation: beta² = R².
    EXPECT_NEAR(fit->terms[1].beta * fit->terms[1].beta, fit->r2, 1e-12);
    EXPECT_TRUE(std::isnan(fit->terms[0].beta));
}

TEST(LinearRegression, ToleranceOfTwoPredictorsIsOneMinusTheirSquaredCorrelation)
{
    const auto d = noisyLinearData(100);
    const auto m = design(d, 0, {numeric(1), numeric(2)});
    const Eigen::VectorXd x1 = m.columns().col(1).array() - m.columns().col(1).mean();
    const Eigen::VectorXd x2 = m.columns().col(2).array() - m.columns().col(2).mean();
    const double r = x1.dot(x2) / std::sqrt(x1.squaredNorm() * x2.squaredNorm());
    auto fit = stats::fitLinearRegression(m);
    ASSERT_TRUE(fit.hasValue());
    EXPECT_NEAR(fit->terms[1].tolerance, 1 - r * r, 1e-12);
    EXPECT_NEAR(fit->terms[2].tolerance, 1 - r * r, 1e-12);
    EXPECT_NEAR(fit->terms[2].vif, 1 / (1 - r * r), 1e-10);
}

TEST(LinearRegression, FrequencyWeightsEqualRepeatedCases)
{
    const auto d = noisyLinearData(30);
    std::vector<double> weights(30, 1.0), y, x1, x2;
    for (size_t i = 0; i < 30; ++i) {
        const int copies = 1 + static_cast<int>(i % 3);
        weights[i] = copies;
        for (int c = 0; c < copies; ++c) {
            y.push_back(d.column(0).number(i));
            x1.push_back(d.column(1).number(i));
            x2.push_back(d.column(2).number(i));
        }
    }
    const auto repeated = datasetOf({{"y", y}, {"x1", x1}, {"x2", x2}});
    auto weighted = stats::fitLinearRegression(design(d, 0, {numeric(1), numeric(2)}, weights));
    auto expanded = stats::fitLinearRegression(design(repeated, 0, {numeric(1), numeric(2)}));
    ASSERT_TRUE(weighted.hasValue() && expanded.hasValue());
    EXPECT_EQ(weighted->n, expanded->n);
    EXPECT_EQ(weighted->df2, expanded->df2);
    for (size_t j = 0; j < 3; ++j) EXPECT_NEAR(weighted->terms[j].se, expanded->terms[j].se, 1e-10);
    for (size_t j = 1; j < 3; ++j) {
        EXPECT_NEAR(weighted->terms[j].beta, expanded->terms[j].beta, 1e-10);
        EXPECT_NEAR(weighted->terms[j].vif, expanded->terms[j].vif, 1e-10);
    }
    EXPECT_NEAR(weighted->adjustedR2, expanded->adjustedR2, 1e-12);
}

TEST(LinearRegression, ReportsTheDroppedCollinearTerm)
{
    const auto d = datasetOf({{"y", {1, 3, 2, 5, 4, 6, 8}},
                              {"a", {1, 0, 1, 1, 0, 0, 1}},
                              {"b", {3, 1, 4, 1, 5, 9, 2}},
                              {"sum", {4, 1, 5, 2, 5, 9, 3}}});
    auto fit = stats::fitLinearRegression(design(d, 0, {numeric(1), numeric(2), numeric(3)}));
    ASSERT_TRUE(fit.hasValue());
    EXPECT_EQ(fit->dropped, (std::vector<std::string>{"sum"}));
    ASSERT_EQ(fit->terms.size(), 3u);
    EXPECT_EQ(fit->df1, 2);
    EXPECT_EQ(fit->df2, 4);
}

TEST(LinearRegression, TooFewCasesIsAnError)
{
    const auto d = datasetOf({{"y", {1, 2}}, {"x", {1, 3}}});
    auto fit = stats::fitLinearRegression(design(d, 0, {numeric(1)}));
    ASSERT_FALSE(fit.hasValue());
    EXPECT_EQ(fit.error().code, ErrorCode::Numerical);
}

TEST(LogisticRegression, BinaryPredictorGivesTheLogOddsRatioOfTheTable)
{
    // 2×2 table: x = 0: 12 events of 40; x = 1: 25 events of 35.
    std::vector<double> y, x;
    auto add = [&](double xv, int events, int total) {
        for (int i = 0; i < total; ++i) {
            x.push_back(xv);
            y.push_back(i < events ? 1 : 0);
        }
    };
    add(0, 12, 40);
    add(1, 25, 35);
    auto fit = stats::fitLogisticRegression(design(datasetOf({{"y", y}, {"x", x}}), 0, {numeric(1)}));
    ASSERT_TRUE(fit.hasValue());
    EXPECT_NEAR(fit->terms[0].b, std::log(12.0 / 28), 1e-10);
    EXPECT_NEAR(fit->terms[1].b, std::log((25.0 / 10) / (12.0 / 28)), 1e-10);
    EXPECT_NEAR(fit->terms[1].se, std::sqrt(1.0 / 12 + 1.0 / 28 + 1.0 / 25 + 1.0 / 10), 1e-10);
    EXPECT_NEAR(fit->terms[1].oddsRatio, (25.0 / 10) / (12.0 / 28), 1e-9);
    // Two covariate patterns: two Hosmer–Lemeshow groups, each fitted exactly.
    EXPECT_EQ(fit->hosmerLemeshowDf, 0);
    EXPECT_NEAR(fit->hosmerLemeshow, 0, 1e-12);
    // At cut 0.5, x = 1 (p = 25/35) predicts an event, x = 0 (p = 12/40) does not.
    EXPECT_EQ(fit->classification[0][0], 28);
    EXPECT_EQ(fit->classification[0][1], 10);
    EXPECT_EQ(fit->classification[1][0], 12);
    EXPECT_EQ(fit->classification[1][1], 25);
    EXPECT_NEAR(fit->percentCorrect, 100.0 * 53 / 75, 1e-12);
    EXPECT_NEAR(fit->lrChi2, fit->nullMinus2ll - fit->minus2ll, 1e-12);
    EXPECT_NEAR(fit->aic, fit->minus2ll + 4, 1e-12);
}

TEST(LogisticRegression, ScoreIsZeroAtTheEstimateAndWeightsEqualRepeatedCases)
{
    sl::test::Uniform u(11);
    std::vector<double> y, x1, x2, weights, ry, rx1, rx2;
    for (int i = 0; i < 300; ++i) {
        x1.push_back(u() * 4 - 2);
        x2.push_back(u());
        const double p = 1 / (1 + std::exp(-(0.3 + 1.2 * x1.back() - x2.back())));
        y.push_back(u() < p ? 2 : 1);  // codes 1 and 2: 2 is the event
        weights.push_back(1 + i % 2);
        for (int c = 0; c < 1 + i % 2; ++c) {
            ry.push_back(y.back());
            rx1.push_back(x1.back());
            rx2.push_back(x2.back());
        }
    }
    const auto m = design(datasetOf({{"y", y}, {"x1", x1}, {"x2", x2}}), 0, {numeric(1), numeric(2)}, weights);
    auto fit = stats::fitLogisticRegression(m);
    ASSERT_TRUE(fit.hasValue());
    EXPECT_EQ(fit->eventCode, 2);
    Eigen::VectorXd b(3);
    for (int j = 0; j < 3; ++j) b(j) = fit->terms[j].b;
    const Eigen::ArrayXd p = 1 / (1 + (-(m.columns() * b)).array().exp());
    const Eigen::ArrayXd event = (m.dependent().array() == 2).cast<double>();
    const Eigen::VectorXd score = m.columns().transpose() * (m.weights().array() * (event - p)).matrix();
    EXPECT_LT(score.cwiseAbs().maxCoeff(), 1e-8);
    EXPECT_TRUE(fit->separation.empty());

    auto expanded = stats::fitLogisticRegression(
        design(datasetOf({{"y", ry}, {"x1", rx1}, {"x2", rx2}}), 0, {numeric(1), numeric(2)}));
    ASSERT_TRUE(expanded.hasValue());
    EXPECT_EQ(fit->n, expanded->n);
    EXPECT_NEAR(fit->minus2ll, expanded->minus2ll, 1e-9);
    EXPECT_NEAR(fit->nagelkerkeR2, expanded->nagelkerkeR2, 1e-12);
    EXPECT_NEAR(fit->hosmerLemeshow, expanded->hosmerLemeshow, 1e-9);
    for (int j = 0; j < 3; ++j) EXPECT_NEAR(fit->terms[j].se, expanded->terms[j].se, 1e-9);
}

TEST(LogisticRegression, CompleteSeparationIsAnError)
{
    const auto d = datasetOf({{"y", {0, 0, 0, 0, 1, 1, 1, 1}}, {"x", {1, 2, 3, 4, 5, 6, 7, 8}}});
    auto fit = stats::fitLogisticRegression(design(d, 0, {numeric(1)}));
    ASSERT_FALSE(fit.hasValue());
    EXPECT_NE(fit.error().message.find("separation"), std::string::npos);
}

TEST(LogisticRegression, QuasiCompleteSeparationIsReported)
{
    // Every case with g = 1 is an event; the others vary.
    const auto d = datasetOf({{"y", {1, 1, 1, 0, 1, 0, 0, 1, 0, 1}}, {"g", {1, 1, 1, 2, 2, 2, 2, 2, 2, 2}}});
    auto fit = stats::fitLogisticRegression(design(d, 0, {categorical(1, stats::ReferenceLevel::Kind::Last)}));
    ASSERT_TRUE(fit.hasValue());
    EXPECT_FALSE(fit->separation.empty());
    EXPECT_NEAR(fit->terms[0].b, std::log(3.0 / 4), 1e-8);  // the g = 2 group is fitted normally
}

TEST(LogisticRegression, DependentMustHaveTwoValues)
{
    const auto three = datasetOf({{"y", {0, 1, 2, 1}}, {"x", {1, 2, 3, 4}}});
    EXPECT_FALSE(stats::fitLogisticRegression(design(three, 0, {numeric(1)})).hasValue());
    const auto one = datasetOf({{"y", {1, 1, 1}}, {"x", {1, 2, 3}}});
    auto fit = stats::fitLogisticRegression(design(one, 0, {numeric(1)}));
    ASSERT_FALSE(fit.hasValue());
    EXPECT_NE(fit.error().message.find("only one value"), std::string::npos);
}

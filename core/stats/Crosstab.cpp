#include "core/stats/Crosstab.h"

#include "core/stats/Distributions.h"

#include <algorithm>
#include <cmath>

namespace sl::core::stats {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

// Maps each case's value of a numeric variable to its position among the variable's valid
// values (-1 for system- or user-missing). Coded columns map by code, others by binary search.
class Categories {
public:
    Categories(const data::Dataset& dataset, size_t variable)
        : m_column(dataset.column(variable)), m_missing(dataset.variable(variable).missing)
    {
        if (m_column.isCoded()) {
            m_byCode.assign(m_column.levels().size() + 1, -1);
            for (size_t k = 0; k < m_column.levels().size(); ++k) {
                const double v = m_column.levels()[k];
                if (m_missing.isUserMissing(v)) continue;
                m_byCode[k + 1] = static_cast<int>(m_values.size());
                m_values.push_back(v);
            }
        } else {
            for (size_t c = 0; c < m_column.size(); ++c) {
                const double v = m_column.number(c);
                if (!m_missing.isMissing(v)) m_values.push_back(v);
            }
            std::sort(m_values.begin(), m_values.end());
            m_values.erase(std::unique(m_values.begin(), m_values.end()), m_values.end());
        }
    }

    const std::vector<double>& values() const { return m_values; }
    // Coded storage: one byte per case, and the position of each code (-1 when missing).
    bool hasCodes8() const { return m_column.storage() == data::Column::Storage::Codes8; }
    const uint8_t* codes8() const { return m_column.codes8(); }
    const std::vector<int>& positionOfCode() const { return m_byCode; }

    int operator()(size_t c) const
    {
        if (!m_byCode.empty()) return m_byCode[m_column.code(c)];
        const double v = m_column.number(c);
        if (m_missing.isMissing(v)) return -1;
        return static_cast<int>(std::lower_bound(m_values.begin(), m_values.end(), v) - m_values.begin());
    }

private:
    const data::Column& m_column;
    const data::MissingSpec& m_missing;
    std::vector<int> m_byCode;  // code -> position, when coded
    std::vector<double> m_values;
};

TestStatistic chiSquareTest(double statistic, double df)
{
    return TestStatistic{statistic, df, chiSquaredUpperTail(statistic, df)};
}

// Gamma and tau-b with their asymptotic standard errors (SPSS CROSSTABS algorithms).
void addOrdinalMeasures(Crosstab& t)
{
    const size_t R = t.rowValues.size(), C = t.colValues.size();
    const Matrix& O = t.counts;
    Matrix concordant(R, std::vector<double>(C, 0.0)), discordant(R, std::vector<double>(C, 0.0));
    for (size_t i = 0; i < R; ++i)
        for (size_t j = 0; j < C; ++j)
            for (size_t h = 0; h < R; ++h)
                for (size_t k = 0; k < C; ++k) {
                    if ((h < i && k < j) || (h > i && k > j)) concordant[i][j] += O[h][k];
                    else if ((h < i && k > j) || (h > i && k < j)) discordant[i][j] += O[h][k];
                }
    std::vector<double> r(R, 0.0), c(C, 0.0);
    double P = 0, Q = 0;
    for (size_t i = 0; i < R; ++i)
        for (size_t j = 0; j < C; ++j) {
            r[i] += O[i][j];
            c[j] += O[i][j];
            P += O[i][j] * concordant[i][j];
            Q += O[i][j] * discordant[i][j];
        }
    const double W = t.n;
    double sumR2 = 0, sumC2 = 0;
    for (double x : r) sumR2 += x * x;
    for (double x : c) sumC2 += x * x;
    const double Dr = W * W - sumR2, Dc = W * W - sumC2;
    const double gammaValue = (P - Q) / (P + Q);
    const double tauValue = (P - Q) / std::sqrt(Dr * Dc);

    double s0 = 0, gammaSum = 0, tauSum = 0;
    for (size_t i = 0; i < R; ++i)
        for (size_t j = 0; j < C; ++j) {
            const double diff = concordant[i][j] - discordant[i][j];
            s0 += O[i][j] * diff * diff;
            const double g = Q * concordant[i][j] - P * discordant[i][j];
            gammaSum += O[i][j] * g * g;
            const double v = r[i] * Dc + c[j] * Dr;
            const double u = 2 * std::sqrt(Dr * Dc) * diff + tauValue * v;
            tauSum += O[i][j] * u * u;
        }
    s0 -= (P - Q) * (P - Q) / W;
    const double tValue = (P - Q) / (2 * std::sqrt(s0));
    const double p = normalTwoSidedP(tValue);
    const double gammaAse = 4 / ((P + Q) * (P + Q)) * std::sqrt(gammaSum);
    const double tauAse =
        1 / (Dr * Dc) * std::sqrt(std::max(0.0, tauSum - W * W * W * tauValue * tauValue * (Dr + Dc) * (Dr + Dc)));
    t.gamma = OrdinalAssociation{gammaValue, gammaAse, tValue, p};
    t.tauB = OrdinalAssociation{tauValue, tauAse, tValue, p};
}

// Unweighted counts of two one-byte coded variables: count the code pairs, then map them.
void countCodePairs(const Categories& rows, const Categories& cols, const uint8_t* selected, size_t n,
                    std::vector<double>& cells)
{
    const uint8_t* rowCodes = rows.codes8();
    const uint8_t* colCodes = cols.codes8();
    std::vector<uint64_t> pairs(256 * 256, 0);
    for (size_t c = 0; c < n; ++c) pairs[(size_t{rowCodes[c]} << 8) | colCodes[c]] += selected[c];
    const size_t C = cols.values().size();
    const auto& rowOf = rows.positionOfCode();
    const auto& colOf = cols.positionOfCode();
    for (size_t a = 0; a < rowOf.size(); ++a)
        for (size_t b = 0; b < colOf.size(); ++b)
            if (rowOf[a] >= 0 && colOf[b] >= 0)
                cells[static_cast<size_t>(rowOf[a]) * C + static_cast<size_t>(colOf[b])] +=
                    static_cast<double>(pairs[(a << 8) | b]);
}

// Weighted counts of layer x row x col, case by case.
void countCaseByCase(const data::Dataset& dataset, std::optional<size_t> weight, const Categories& rows,
                     const Categories& cols, const Categories* layers, const uint8_t* selected,
                     std::vector<double>& cells)
{
    const size_t R = rows.values().size(), C = cols.values().size();
    const data::Column* weights = weight ? &dataset.column(*weight) : nullptr;
    const data::MissingSpec* weightMissing = weight ? &dataset.variable(*weight).missing : nullptr;
    const size_t n = dataset.caseCount();
    for (size_t c = 0; c < n; ++c) {
        if (!selected[c]) continue;
        double w = 1.0;
        if (weights) {
            w = weights->number(c);
            if (weightMissing->isMissing(w) || !(w > 0)) continue;
        }
        const int i = rows(c);
        if (i < 0) continue;
        const int j = cols(c);
        if (j < 0) continue;
        size_t l = 0;
        if (layers) {
            const int k = (*layers)(c);
            if (k < 0) continue;
            l = static_cast<size_t>(k);
        }
        cells[(l * R + static_cast<size_t>(i)) * C + static_cast<size_t>(j)] += w;
    }
}

}  // namespace

Expected<std::vector<CountedTable>> countTables(const data::Dataset& dataset, const transform::CaseMask& mask,
                                                std::optional<size_t> weight, size_t row, size_t col,
                                                std::optional<size_t> layer)
{
    const Categories rows(dataset, row), cols(dataset, col);
    const std::optional<Categories> layers =
        layer ? std::optional<Categories>(std::in_place, dataset, *layer) : std::nullopt;
    const size_t R = rows.values().size(), C = cols.values().size();
    const size_t L = layers ? layers->values().size() : 1;
    constexpr double kMaxCells = 1e7;
    if (static_cast<double>(L) * static_cast<double>(R) * static_cast<double>(C) > kMaxCells)
        return makeError(ErrorCode::Unsupported,
                         "The variables have too many distinct values for a table (more than ten million cells).",
                         "variables " + dataset.variable(row).name + " and " + dataset.variable(col).name);
    std::vector<double> cells(L * R * C, 0.0);

    const uint8_t* selected = mask.data();
    if (!weight && !layers && rows.hasCodes8() && cols.hasCodes8())
        countCodePairs(rows, cols, selected, dataset.caseCount(), cells);
    else
        countCaseByCase(dataset, weight, rows, cols, layers ? &*layers : nullptr, selected, cells);

    std::vector<CountedTable> tables;
    for (size_t l = 0; l < L; ++l) {
        const double* block = cells.data() + l * R * C;
        std::vector<size_t> usedRows, usedCols;
        std::vector<double> colTotals(C, 0.0);
        for (size_t i = 0; i < R; ++i) {
            double total = 0;
            for (size_t j = 0; j < C; ++j) {
                total += block[i * C + j];
                colTotals[j] += block[i * C + j];
            }
            if (total > 0) usedRows.push_back(i);
        }
        for (size_t j = 0; j < C; ++j)
            if (colTotals[j] > 0) usedCols.push_back(j);
        if (layers && usedRows.empty()) continue;
        CountedTable t;
        if (layers) t.layerValue = layers->values()[l];
        for (size_t i : usedRows) t.rowValues.push_back(rows.values()[i]);
        for (size_t j : usedCols) t.colValues.push_back(cols.values()[j]);
        for (size_t i : usedRows) {
            std::vector<double> line;
            for (size_t j : usedCols) line.push_back(block[i * C + j]);
            t.counts.push_back(std::move(line));
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

Crosstab crosstab(const CountedTable& table, const CrosstabOptions& options)
{
    Crosstab t;
    t.rowValues = table.rowValues;
    t.colValues = table.colValues;
    t.counts = table.counts;
    const size_t R = t.rowValues.size(), C = t.colValues.size();
    std::vector<double> r(R, 0.0), c(C, 0.0);
    for (size_t i = 0; i < R; ++i)
        for (size_t j = 0; j < C; ++j) {
            r[i] += t.counts[i][j];
            c[j] += t.counts[i][j];
            t.n += t.counts[i][j];
        }
    const double W = t.n;

    double chi2 = 0, g2 = 0, below5 = 0;
    t.rowPercent = t.colPercent = t.totalPercent = t.expected = t.residuals = t.standardizedResiduals =
        t.adjustedResiduals = Matrix(R, std::vector<double>(C, 0.0));
    t.minimumExpected = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < R; ++i)
        for (size_t j = 0; j < C; ++j) {
            const double o = t.counts[i][j];
            const double e = r[i] * c[j] / W;
            t.rowPercent[i][j] = o / r[i] * 100;
            t.colPercent[i][j] = o / c[j] * 100;
            t.totalPercent[i][j] = o / W * 100;
            t.expected[i][j] = e;
            t.minimumExpected = std::min(t.minimumExpected, e);
            t.residuals[i][j] = o - e;
            t.standardizedResiduals[i][j] = (o - e) / std::sqrt(e);
            t.adjustedResiduals[i][j] = (o - e) / std::sqrt(e * (1 - r[i] / W) * (1 - c[j] / W));
            chi2 += (o - e) * (o - e) / e;
            if (o > 0) g2 += 2 * o * std::log(o / e);
            if (e < 5) below5 += 1;
        }
    t.cellsExpectedBelow5 = static_cast<size_t>(below5);
    t.expectedBelow5Percent = 100 * below5 / static_cast<double>(R * C);
    if (R < 2 || C < 2) {
        // A constant row or column variable: no test or measure of association (as SPSS).
        t.cramersV = t.contingencyCoefficient = kNan;
        return t;
    }
    const double df = static_cast<double>((R - 1) * (C - 1));
    t.pearson = chiSquareTest(chi2, df);
    t.likelihoodRatio = chiSquareTest(g2, df);
    t.cramersV = std::sqrt(chi2 / (W * static_cast<double>(std::min(R, C) - 1)));
    t.contingencyCoefficient = std::sqrt(chi2 / (chi2 + W));

    // Linear-by-linear association: the correlation of the row and column codes over the cells.
    double meanRow = 0, meanCol = 0;
    for (size_t i = 0; i < R; ++i) meanRow += r[i] * t.rowValues[i];
    for (size_t j = 0; j < C; ++j) meanCol += c[j] * t.colValues[j];
    meanRow /= W;
    meanCol /= W;
    double sxx = 0, syy = 0, sxy = 0;
    for (size_t i = 0; i < R; ++i) sxx += r[i] * (t.rowValues[i] - meanRow) * (t.rowValues[i] - meanRow);
    for (size_t j = 0; j < C; ++j) syy += c[j] * (t.colValues[j] - meanCol) * (t.colValues[j] - meanCol);
    for (size_t i = 0; i < R; ++i)
        for (size_t j = 0; j < C; ++j)
            sxy += t.counts[i][j] * (t.rowValues[i] - meanRow) * (t.colValues[j] - meanCol);
    const double corr = sxy / std::sqrt(sxx * syy);
    t.linearByLinear = chiSquareTest((W - 1) * corr * corr, 1);

    if (R == 2 && C == 2) {
        const Matrix& O = t.counts;
        t.phi = (O[0][0] * O[1][1] - O[0][1] * O[1][0]) / std::sqrt(r[0] * r[1] * c[0] * c[1]);
        double yates = 0;
        for (size_t i = 0; i < 2; ++i)
            for (size_t j = 0; j < 2; ++j) {
                const double e = t.expected[i][j];
                const double d = std::fabs(O[i][j] - e);
                const double corrected = d - std::min(0.5, d);
                yates += corrected * corrected / e;
            }
        t.continuityCorrected = chiSquareTest(yates, 1);
        if (options.exactTest) {
            const long long a = std::llround(O[0][0]), b = std::llround(O[0][1]), c2 = std::llround(O[1][0]),
                            d = std::llround(O[1][1]);
            t.fisherExactP = fisherExactTwoSided(a, b, c2, d);
            t.fisherExactOneSidedP = fisherExactOneSided(a, b, c2, d);
        }
    }
    if (options.ordinal) addOrdinalMeasures(t);
    return t;
}

namespace {

// Hypergeometric probabilities of the first cell x = lo..hi of the 2x2 tables with the margins of
// [[a, b], [c, d]], scaled to sum to `total`.
struct FisherDistribution {
    long long lo = 0;
    std::vector<double> density;
    double total = 0;
};

FisherDistribution fisherDistribution(long long a, long long b, long long c, long long d)
{
    // x = a is hypergeometric: m = a + b (first row), n = c + d, k = a + c (first column) draws.
    const long long m = a + b, n = c + d, k = a + c;
    FisherDistribution f;
    f.lo = std::max(0LL, k - n);
    const long long hi = std::min(k, m);
    auto logChoose = [](long long total, long long part) {
        return std::lgamma(static_cast<double>(total) + 1) - std::lgamma(static_cast<double>(part) + 1) -
               std::lgamma(static_cast<double>(total - part) + 1);
    };
    f.density.reserve(static_cast<size_t>(hi - f.lo + 1));
    for (long long x = f.lo; x <= hi; ++x) f.density.push_back(logChoose(m, x) + logChoose(n, k - x));
    const double maxLog = *std::max_element(f.density.begin(), f.density.end());
    for (double& v : f.density) {
        v = std::exp(v - maxLog);
        f.total += v;
    }
    return f;
}

}  // namespace

double fisherExactTwoSided(long long a, long long b, long long c, long long d)
{
    const FisherDistribution f = fisherDistribution(a, b, c, d);
    const double observed = f.density[static_cast<size_t>(a - f.lo)] * (1 + 1e-7);
    double p = 0;
    for (double v : f.density)
        if (v <= observed) p += v;
    return std::min(1.0, p / f.total);
}

double fisherExactOneSided(long long a, long long b, long long c, long long d)
{
    const FisherDistribution f = fisherDistribution(a, b, c, d);
    const double expectedA = static_cast<double>(a + b) * static_cast<double>(a + c) / static_cast<double>(a + b + c + d);
    const size_t at = static_cast<size_t>(a - f.lo);
    double p = 0;
    if (static_cast<double>(a) >= expectedA)
        for (size_t x = at; x < f.density.size(); ++x) p += f.density[x];
    else
        for (size_t x = 0; x <= at; ++x) p += f.density[x];
    return std::min(1.0, p / f.total);
}

}  // namespace sl::core::stats

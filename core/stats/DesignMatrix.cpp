#include "core/stats/DesignMatrix.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

namespace sl::core::stats {

std::string DesignMatrix::codeText(double code)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, code);
    return std::string(buffer, result.ptr);
}

namespace {

// The distinct values, ascending. A categorical variable has few, so they are collected in a
// small sorted list instead of sorting every case; many distinct values fall back to a sort.
std::vector<double> observedLevels(const Eigen::VectorXd& values)
{
    constexpr size_t kFewLevels = 256;
    std::vector<double> levels;
    double last = std::numeric_limits<double>::quiet_NaN();
    for (const double v : values) {
        if (v == last) continue;
        last = v;
        const auto it = std::lower_bound(levels.begin(), levels.end(), v);
        if (it != levels.end() && *it == v) continue;
        if (levels.size() == kFewLevels) {
            levels.assign(values.begin(), values.end());
            std::sort(levels.begin(), levels.end());
            levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
            return levels;
        }
        levels.insert(it, v);
    }
    return levels;
}

}  // namespace

Expected<DesignMatrix> DesignMatrix::build(const data::Dataset& dataset, const transform::CaseSelection& cases,
                                           size_t dependent, const std::vector<Predictor>& predictors)
{
    auto checkNumeric = [&](size_t v) -> Status {
        if (dataset.variable(v).isString())
            return makeError(ErrorCode::InvalidInput, "A regression needs numeric variables; this one holds text.",
                             "variable " + dataset.variable(v).name);
        return Ok{};
    };
    if (auto ok = checkNumeric(dependent); !ok) return ok.error();
    for (const auto& p : predictors)
        if (auto ok = checkNumeric(p.variable); !ok) return ok.error();
    if (cases.cases.empty())
        return makeError(ErrorCode::Numerical,
                         "No case has valid values on the dependent variable and all predictors.",
                         "variable " + dataset.variable(dependent).name);

    const auto n = static_cast<Eigen::Index>(cases.size());
    const size_t* rows = cases.cases.data();
    auto copyValues = [&](size_t v, Eigen::Ref<Eigen::VectorXd> out) {
        const auto& column = dataset.column(v);
        auto copyCodes = [&](const auto* codes) {
            std::vector<double> byCode{data::kSysmis};
            byCode.insert(byCode.end(), column.levels().begin(), column.levels().end());
            for (Eigen::Index i = 0; i < n; ++i) out(i) = byCode[codes[rows[i]]];
        };
        switch (column.storage()) {
        case data::Column::Storage::Codes8: copyCodes(column.codes8()); break;
        case data::Column::Storage::Codes16: copyCodes(column.codes16()); break;
        case data::Column::Storage::Doubles: {
            const double* doubles = column.doubles();
            for (Eigen::Index i = 0; i < n; ++i) out(i) = doubles[rows[i]];
            break;
        }
        default:
            for (Eigen::Index i = 0; i < n; ++i) out(i) = column.number(rows[i]);
        }
    };

    // First the columns each predictor becomes: itself, or one dummy per non-reference level.
    std::vector<std::string> names{"(Intercept)"};
    std::vector<std::vector<double>> dummyLevels(predictors.size());
    Eigen::VectorXd values(n);
    for (size_t k = 0; k < predictors.size(); ++k) {
        const auto& p = predictors[k];
        const std::string& name = dataset.variable(p.variable).name;
        if (!p.categorical) {
            names.push_back(name);
            continue;
        }
        std::vector<double> levels;
        const auto& column = dataset.column(p.variable);
        if (column.storage() == data::Column::Storage::Codes8) {
            std::array<bool, 256> seen{};
            const uint8_t* codes = column.codes8();
            for (Eigen::Index i = 0; i < n; ++i) seen[codes[rows[i]]] = true;
            for (size_t k = 0; k < column.levels().size(); ++k)
                if (seen[k + 1]) levels.push_back(column.levels()[k]);
        } else {
            copyValues(p.variable, values);
            levels = observedLevels(values);
        }
        double reference = levels.back();
        if (p.reference.kind == ReferenceLevel::Kind::First) reference = levels.front();
        if (p.reference.kind == ReferenceLevel::Kind::Code) {
            reference = p.reference.code;
            if (!std::binary_search(levels.begin(), levels.end(), reference))
                return makeError(ErrorCode::InvalidInput,
                                 "The reference category " + codeText(reference) +
                                     " does not occur among the cases used.",
                                 "variable " + name);
        }
        constexpr size_t kMaxLevels = 200;
        if (levels.size() > kMaxLevels)
            return makeError(ErrorCode::InvalidInput,
                             "This variable has " + std::to_string(levels.size()) +
                                 " distinct values among the cases used; a categorical predictor may have at most " +
                                 std::to_string(kMaxLevels) + ".",
                             "variable " + name);
        levels.erase(std::find(levels.begin(), levels.end(), reference));
        for (double level : levels) names.push_back(name + "=" + codeText(level));
        dummyLevels[k] = std::move(levels);
    }

    DesignMatrix design;
    design.m_x.resize(n, static_cast<Eigen::Index>(names.size()));
    design.m_x.col(0).setOnes();
    Eigen::Index j = 1;
    for (size_t k = 0; k < predictors.size(); ++k) {
        if (!predictors[k].categorical) {
            copyValues(predictors[k].variable, design.m_x.col(j++));
            continue;
        }
        const auto& column = dataset.column(predictors[k].variable);
        if (column.storage() == data::Column::Storage::Codes8) {
            // One pass over the codes: each case sets the 1 of its level's dummy, if any.
            std::array<Eigen::Index, 256> dummyOfCode;
            dummyOfCode.fill(-1);
            const auto& all = column.levels();
            for (const double level : dummyLevels[k])
                dummyOfCode[std::lower_bound(all.begin(), all.end(), level) - all.begin() + 1] = j++;
            const auto count = static_cast<Eigen::Index>(dummyLevels[k].size());
            design.m_x.middleCols(j - count, count).setZero();
            const uint8_t* codes = column.codes8();
            for (Eigen::Index i = 0; i < n; ++i)
                if (const Eigen::Index d = dummyOfCode[codes[rows[i]]]; d >= 0) design.m_x(i, d) = 1.0;
            continue;
        }
        copyValues(predictors[k].variable, values);
        for (double level : dummyLevels[k]) design.m_x.col(j++) = (values.array() == level).cast<double>();
    }
    design.m_y.resize(n);
    copyValues(dependent, design.m_y);
    design.m_w = Eigen::Map<const Eigen::VectorXd>(cases.weights.data(), n);
    design.m_names = std::move(names);
    return design;
}

Eigen::VectorXd DesignMatrix::columnMeans() const
{
    return m_x.transpose() * m_w / totalWeight();
}

Eigen::MatrixXd DesignMatrix::crossProducts(bool withDependent, Eigen::VectorXd* centres) const
{
    const Eigen::Index n = m_x.rows();
    const Eigen::Index q = m_x.cols() - 1;
    const Eigen::Index size = withDependent ? q + 1 : q;
    Eigen::MatrixXd products = Eigen::MatrixXd::Zero(size, size);
    const double total = totalWeight();
    Eigen::RowVectorXd means(size);
    means.head(q) = (m_x.rightCols(q).transpose() * m_w).transpose() / total;
    if (withDependent) means(q) = m_w.dot(m_y) / total;
    if (centres) *centres = means.transpose();
    if (size == 0) return products;
    // Block by block, so that the centred copy stays small and in cache.
    constexpr Eigen::Index kBlock = 4096;
    Eigen::MatrixXd block(std::min(kBlock, n), size);
    Eigen::ArrayXd rootWeights(block.rows());
    for (Eigen::Index start = 0; start < n; start += kBlock) {
        const Eigen::Index len = std::min(kBlock, n - start);
        rootWeights.head(len) = m_w.segment(start, len).array().sqrt();
        auto rows = block.topRows(len);
        rows.leftCols(q) = m_x.block(start, 1, len, q);
        if (withDependent) rows.col(q) = m_y.segment(start, len);
        rows = (rows.rowwise() - means).array().colwise() * rootWeights.head(len);
        products.selfadjointView<Eigen::Lower>().rankUpdate(rows.transpose());
    }
    return products.selfadjointView<Eigen::Lower>();
}

std::vector<std::string> DesignMatrix::dropCollinearColumns(double minTolerance)
{
    Eigen::MatrixXd products = centeredCrossProducts();
    return dropCollinearColumns(products, minTolerance);
}

std::vector<std::string> DesignMatrix::dropCollinearColumns(Eigen::MatrixXd& products, double minTolerance)
{
    const Eigen::Index q = m_x.cols() - 1;
    // Gaussian elimination on the centred cross-products: after the kept columns before j are
    // eliminated, a(j, j) is the residual sum of squares of column j on them.
    Eigen::MatrixXd a = products.topLeftCorner(q, q);
    const Eigen::VectorXd total = a.diagonal();
    std::vector<Eigen::Index> keep{0};
    std::vector<std::string> dropped;
    for (Eigen::Index j = 0; j < q; ++j) {
        const auto column = m_x.col(j + 1);
        const bool constant = (column.array() == column(0)).all();
        if (constant || !(a(j, j) >= minTolerance * total(j))) {
            dropped.push_back(m_names[static_cast<size_t>(j + 1)]);
            continue;
        }
        keep.push_back(j + 1);
        for (Eigen::Index i = j + 1; i < q; ++i)
            for (Eigen::Index l = i; l < q; ++l) {
                a(i, l) -= a(i, j) * a(j, l) / a(j, j);
                a(l, i) = a(i, l);
            }
    }
    if (dropped.empty()) return dropped;
    std::vector<Eigen::Index> keptProducts;
    for (size_t k = 1; k < keep.size(); ++k) keptProducts.push_back(keep[k] - 1);
    for (Eigen::Index extra = q; extra < products.rows(); ++extra) keptProducts.push_back(extra);
    Eigen::MatrixXd reduced = products(keptProducts, keptProducts);
    products = std::move(reduced);
    Eigen::MatrixXd kept = m_x(Eigen::all, keep);
    m_x = std::move(kept);
    std::vector<std::string> names;
    for (Eigen::Index j : keep) names.push_back(m_names[static_cast<size_t>(j)]);
    m_names = std::move(names);
    return dropped;
}

}  // namespace sl::core::stats

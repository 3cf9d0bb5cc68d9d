#pragma once
// The numbers a regression is fitted to: intercept, predictors and dummy columns, dependent and
// frequency weights of the cases used.
#include "core/common/Expected.h"
#include "core/data/Dataset.h"
#include "core/transform/CaseSelection.h"

#include <Eigen/Dense>

#include <string>
#include <vector>

namespace sl::core::stats {

/// The level of a categorical predictor that gets no dummy column.
struct ReferenceLevel {
    enum class Kind { First, Last, Code };
    Kind kind = Kind::Last;  // SPSS's default
    double code = 0;         // for Kind::Code
};

/// A predictor as a model lists it: a numeric variable, or a categorical one to dummy-code.
struct Predictor {
    size_t variable = 0;
    bool categorical = false;
    ReferenceLevel reference;
};

/// Design matrix of a regression: column 0 is "(Intercept)", then each predictor in the order
/// given; a categorical predictor is replaced in place by one 0/1 column per level observed among
/// the cases used, except the reference level, in ascending code order, named "var=code".
class DesignMatrix {
public:
    /// Builds the matrix for the given cases, which must already be valid (listwise) on the
    /// dependent and every predictor. Errors: string variables, no cases, a reference code that
    /// does not occur among the cases used, a categorical predictor with more than 200 levels.
    static Expected<DesignMatrix> build(const data::Dataset& dataset, const transform::CaseSelection& cases,
                                        size_t dependent, const std::vector<Predictor>& predictors);

    const Eigen::MatrixXd& columns() const { return m_x; }      // cases × columns
    const Eigen::VectorXd& dependent() const { return m_y; }
    const Eigen::VectorXd& weights() const { return m_w; }      // 1 when unweighted
    const std::vector<std::string>& names() const { return m_names; }
    size_t columnCount() const { return static_cast<size_t>(m_x.cols()); }
    double totalWeight() const { return m_w.sum(); }

    /// Weighted means of the columns.
    Eigen::VectorXd columnMeans() const;
    /// Weighted cross-products of the non-intercept columns around their weighted means
    /// (column j of the design is row/column j - 1).
    Eigen::MatrixXd centeredCrossProducts() const { return crossProducts(false, nullptr); }
    /// The same with the dependent as an extra last row and column; `means` receives the weighted
    /// means they are centred on (non-intercept columns, then the dependent).
    Eigen::MatrixXd centeredCrossProductsWithDependent(Eigen::VectorXd& means) const
    {
        return crossProducts(true, &means);
    }

    /// Removes collinear columns as SPSS does (/CRITERIA=TOLERANCE(.0001)): in design order, a
    /// column is dropped when it is constant or when its tolerance (1 − R² on the intercept and
    /// the columns kept before it, weighted) is below `minTolerance`. Returns the names dropped,
    /// in design order. With an exact linear dependence the column that comes last goes, the one
    /// R's lm reports as aliased.
    std::vector<std::string> dropCollinearColumns(double minTolerance = 1e-4);
    /// The same, given this matrix's centeredCrossProductsWithDependent(), which is reduced to the
    /// columns kept (and the dependent), so that the products are computed once.
    std::vector<std::string> dropCollinearColumns(Eigen::MatrixXd& productsWithDependent,
                                                   double minTolerance = 1e-4);

    /// A code as dummy names and messages show it: "3", "2.5", "-1" (shortest exact form).
    static std::string codeText(double code);

private:
    Eigen::MatrixXd crossProducts(bool withDependent, Eigen::VectorXd* means) const;

    Eigen::MatrixXd m_x;
    Eigen::VectorXd m_y;
    Eigen::VectorXd m_w;
    std::vector<std::string> m_names;
};

}  // namespace sl::core::stats

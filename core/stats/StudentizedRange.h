#pragma once
// The distribution of the studentized range (Tukey's HSD): the algorithm of R's ptukey/qtukey.
namespace sl::core::stats {

/// P(Q <= q) for the studentized range Q of `nmeans` means with `df` error degrees of freedom
/// (df may be fractional, as with frequency weights). A port of R's nmath/ptukey.c
/// (Copenhaver & Holland 1988, Gauss-Legendre quadrature), so p-values equal R's
/// ptukey(q, nmeans, df) — including its far upper tail, accurate only to about 1e-8 absolute.
/// NaN when nmeans < 2 or df < 2.
double studentizedRangeCdf(double q, double nmeans, double df);

/// P(Q > q), computed as R's ptukey(q, nmeans, df, lower.tail = FALSE).
double studentizedRangeUpper(double q, double nmeans, double df);

/// The p-quantile of the studentized range: R's qtukey(p, nmeans, df) (secant search from
/// the AS 70 start value, stopped when successive iterates differ by less than 1e-4, as R does).
double studentizedRangeQuantile(double p, double nmeans, double df);

}  // namespace sl::core::stats

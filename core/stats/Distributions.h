#pragma once
// Tail probabilities and quantiles of the reference distributions of the tests (Boost.Math).
// Invalid arguments give NaN instead of throwing; a tail too small for a double gives 0.

namespace sl::core::stats {

// P(X >= x) for X ~ chi-square with df degrees of freedom.
double chiSquaredUpperTail(double x, double df);
// P(|T| >= |t|) for T ~ Student's t with df degrees of freedom (df need not be whole).
double studentTwoSidedP(double t, double df);
// P(F >= f) for F ~ F(d1, d2).
double fisherUpperTail(double f, double d1, double d2);
// P(|Z| >= |z|) for Z ~ N(0, 1).
double normalTwoSidedP(double z);

// The p-quantile of each distribution.
double chiSquaredQuantile(double p, double df);
double studentQuantile(double p, double df);
double fisherQuantile(double p, double d1, double d2);
double normalQuantile(double p);

}  // namespace sl::core::stats

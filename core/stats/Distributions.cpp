#include "core/stats/Distributions.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <limits>

namespace sl::core::stats {

namespace {

using namespace boost::math::policies;
using QuietPolicy = policy<domain_error<ignore_error>, pole_error<ignore_error>, overflow_error<ignore_error>,
                           underflow_error<ignore_error>, denorm_error<ignore_error>,
                           evaluation_error<ignore_error>, rounding_error<ignore_error>>;

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

bool validProbability(double p) { return p >= 0 && p <= 1; }

}  // namespace

double chiSquaredUpperTail(double x, double df)
{
    if (std::isnan(x) || !(df > 0)) return kNan;
    if (x <= 0) return 1.0;
    if (std::isinf(x)) return 0.0;
    return boost::math::cdf(boost::math::complement(boost::math::chi_squared_distribution<double, QuietPolicy>(df), x));
}

double studentTwoSidedP(double t, double df)
{
    if (std::isnan(t) || !(df > 0)) return kNan;
    if (std::isinf(t)) return 0.0;
    const boost::math::students_t_distribution<double, QuietPolicy> dist(df);
    return 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(t)));
}

double fisherUpperTail(double f, double d1, double d2)
{
    if (std::isnan(f) || !(d1 > 0) || !(d2 > 0)) return kNan;
    if (f <= 0) return 1.0;
    if (std::isinf(f)) return 0.0;
    return boost::math::cdf(boost::math::complement(boost::math::fisher_f_distribution<double, QuietPolicy>(d1, d2), f));
}

double normalTwoSidedP(double z)
{
    if (std::isnan(z)) return kNan;
    // erfc keeps full relative accuracy far into the tail.
    return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

double chiSquaredQuantile(double p, double df)
{
    if (!validProbability(p) || !(df > 0)) return kNan;
    return boost::math::quantile(boost::math::chi_squared_distribution<double, QuietPolicy>(df), p);
}

double studentQuantile(double p, double df)
{
    if (!validProbability(p) || !(df > 0)) return kNan;
    return boost::math::quantile(boost::math::students_t_distribution<double, QuietPolicy>(df), p);
}

double fisherQuantile(double p, double d1, double d2)
{
    if (!validProbability(p) || !(d1 > 0) || !(d2 > 0)) return kNan;
    return boost::math::quantile(boost::math::fisher_f_distribution<double, QuietPolicy>(d1, d2), p);
}

double normalQuantile(double p)
{
    if (!validProbability(p)) return kNan;
    return boost::math::quantile(boost::math::normal_distribution<double, QuietPolicy>(0.0, 1.0), p);
}

}  // namespace sl::core::stats

// The studentized range distribution, ported from R's nmath/ptukey.c and nmath/qtukey.c
// (R 4.x; GPL-2+, like SurveyLens). The constants and the order of operations are kept so that
// results agree with R's, which the reference Tukey p-values and intervals come from.
#include "core/stats/StudentizedRange.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace sl::core::stats {

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kOneOverSqrt2Pi = 0.398942280401432677939946059934;

// Standard normal distribution function at x - mean.
double normalCdf(double x, double mean)
{
    return 0.5 * std::erfc(-(x - mean) / std::sqrt(2.0));
}

// Probability integral of Hartley's form of the range, for `cc` means and one range (R's wprob).
double rangeProbability(double w, double cc)
{
    constexpr int nleg = 12;
    constexpr int ihalf = 6;
    constexpr double c1 = -30.0;
    constexpr double c2 = -50.0;
    constexpr double c3 = 60.0;
    constexpr double bb = 8.0;
    constexpr double wlar = 3.0;
    constexpr double wincr1 = 2.0;
    constexpr double wincr2 = 3.0;
    static const double xleg[ihalf] = {0.981560634246719250690549090149, 0.904117256370474856678465866119,
                                       0.769902674194304687036893833213, 0.587317954286617447296702418941,
                                       0.367831498998180193752691536644, 0.125233408511468915472441369464};
    static const double aleg[ihalf] = {0.047175336386511827194615961485, 0.106939325995318430960254718194,
                                       0.160078328543346226334652529543, 0.203167426723065921749064455810,
                                       0.233492536538354808760849898925, 0.249147045813402785000562436043};

    const double qsqz = w * 0.5;
    // For w >= 16 the integral is 1 to 14 digits.
    if (qsqz >= bb) return 1.0;

    // (2 Phi(w/2) - 1)^cc, the first term of Hartley's form; negligible below exp(-50).
    double prW = 2 * normalCdf(qsqz, 0.0) - 1.0;
    if (prW >= std::exp(c2 / cc))
        prW = std::pow(prW, cc);
    else
        prW = 0.0;

    // The second term by Legendre quadrature over (w/2, 8) in two or three equal intervals.
    const double wincr = w > wlar ? wincr1 : wincr2;
    long double blb = qsqz;
    const double binc = (bb - qsqz) / wincr;
    long double bub = blb + binc;
    long double einsum = 0.0;
    const double cc1 = cc - 1.0;
    for (double wi = 1; wi <= wincr; wi++) {
        long double elsum = 0.0;
        const double a = static_cast<double>(0.5 * (bub + blb));
        const double b = static_cast<double>(0.5 * (bub - blb));
        for (int jj = 1; jj <= nleg; jj++) {
            int j;
            double xx;
            if (ihalf < jj) {
                j = (nleg - jj) + 1;
                xx = xleg[j - 1];
            } else {
                j = jj;
                xx = -xleg[j - 1];
            }
            const double c = b * xx;
            const double ac = a + c;
            // exp(-qexpo/2) < 9e-14 adds nothing.
            const double qexpo = ac * ac;
            if (qexpo > c3) break;
            const double pplus = 2 * normalCdf(ac, 0.0);
            const double pminus = 2 * normalCdf(ac, w);
            double rinsum = (pplus * 0.5) - (pminus * 0.5);
            if (rinsum >= std::exp(c1 / cc1)) {
                rinsum = (aleg[j - 1] * std::exp(-(0.5 * qexpo))) * std::pow(rinsum, cc1);
                elsum += rinsum;
            }
        }
        elsum *= (((2.0 * b) * cc) * kOneOverSqrt2Pi);
        einsum += elsum;
        blb = bub;
        bub += binc;
    }

    prW += static_cast<double>(einsum);
    if (prW <= std::exp(c1)) return 0.0;
    return std::min(prW, 1.0);
}

// Start value of the secant search (AS 70, Odeh & Evans 1974), as R's qinv.
double quantileStart(double p, double c, double v)
{
    constexpr double p0 = 0.322232421088;
    constexpr double q0 = 0.993484626060e-01;
    constexpr double p1 = -1.0;
    constexpr double q1 = 0.588581570495;
    constexpr double p2 = -0.342242088547;
    constexpr double q2 = 0.531103462366;
    constexpr double p3 = -0.204231210125;
    constexpr double q3 = 0.103537752850;
    constexpr double p4 = -0.453642210148e-04;
    constexpr double q4 = 0.38560700634e-02;
    constexpr double c1 = 0.8832;
    constexpr double c2 = 0.2368;
    constexpr double c3 = 1.214;
    constexpr double c4 = 1.208;
    constexpr double c5 = 1.4142;
    constexpr double vmax = 120.0;

    const double ps = 0.5 - 0.5 * p;
    const double yi = std::sqrt(std::log(1.0 / (ps * ps)));
    double t = yi + ((((yi * p4 + p3) * yi + p2) * yi + p1) * yi + p0) /
                        ((((yi * q4 + q3) * yi + q2) * yi + q1) * yi + q0);
    if (v < vmax) t += (t * t * t + t) / v / 4.0;
    double q = c1 - c2 * t;
    if (v < vmax) q += -c3 / v + c4 * t / v;
    return t * (q * std::log(c - 1.0) + c5);
}

}  // namespace

double studentizedRangeCdf(double q, double nmeans, double df)
{
    constexpr int nlegq = 16;
    constexpr int ihalfq = 8;
    constexpr double eps1 = -30.0;
    constexpr double eps2 = 1.0e-14;
    constexpr double dhaf = 100.0;
    constexpr double dquar = 800.0;
    constexpr double deigh = 5000.0;
    constexpr double dlarg = 25000.0;
    static const double xlegq[ihalfq] = {0.989400934991649932596154173450, 0.944575023073232576077988415535,
                                         0.865631202387831743880467897712, 0.755404408355003033895101194847,
                                         0.617876244402643748446671764049, 0.458016777657227386342419442984,
                                         0.281603550779258913230460501460, 0.950125098376374401853193354250e-1};
    static const double alegq[ihalfq] = {0.271524594117540948517805724560e-1, 0.622535239386478928628438369944e-1,
                                         0.951585116824927848099251076022e-1, 0.124628971255533872052476282192,
                                         0.149595988816576732081501730547,    0.169156519395002538189312079030,
                                         0.182603415044923588866763667969,    0.189450610455068496285396723208};

    if (std::isnan(q) || std::isnan(nmeans) || std::isnan(df)) return kNan;
    if (q <= 0) return 0.0;
    if (df < 2 || nmeans < 2) return kNan;
    if (!std::isfinite(q)) return 1.0;
    // For very large df the studentized range is the range itself.
    if (df > dlarg) return rangeProbability(q, nmeans);

    // Integrate the range probability against the density of s (chi with df degrees of freedom).
    const double f2 = df * 0.5;
    double f2lf = ((f2 * std::log(df)) - (df * std::numbers::ln2)) - std::lgamma(f2);
    const double f21 = f2 - 1.0;
    const double ff4 = df * 0.25;
    const double ulen = df <= dhaf ? 1.0 : df <= dquar ? 0.5 : df <= deigh ? 0.25 : 0.125;
    f2lf += std::log(ulen);

    double ans = 0.0;
    for (int i = 1; i <= 50; i++) {
        double otsum = 0.0;
        const double twa1 = (2 * i - 1) * ulen;
        for (int jj = 1; jj <= nlegq; jj++) {
            int j;
            double t1;
            if (ihalfq < jj) {
                j = jj - ihalfq - 1;
                t1 = (f2lf + (f21 * std::log(twa1 + (xlegq[j] * ulen)))) - (((xlegq[j] * ulen) + twa1) * ff4);
            } else {
                j = jj - 1;
                t1 = (f2lf + (f21 * std::log(twa1 - (xlegq[j] * ulen)))) + (((xlegq[j] * ulen) - twa1) * ff4);
            }
            // exp(t1) < 9e-14 adds nothing.
            if (t1 >= eps1) {
                const double qsqz = ihalfq < jj ? q * std::sqrt(((xlegq[j] * ulen) + twa1) * 0.5)
                                                : q * std::sqrt(((-(xlegq[j] * ulen)) + twa1) * 0.5);
                otsum += (rangeProbability(qsqz, nmeans) * alegq[j]) * std::exp(t1);
            }
        }
        // Stop when an interval adds less than 1e-14, after at least 1 / ulen intervals.
        if (i * ulen >= 1.0 && otsum <= eps2) break;
        ans += otsum;
    }
    return std::min(ans, 1.0);
}

double studentizedRangeUpper(double q, double nmeans, double df)
{
    return 0.5 - studentizedRangeCdf(q, nmeans, df) + 0.5;
}

double studentizedRangeQuantile(double p, double nmeans, double df)
{
    constexpr double eps = 0.0001;
    constexpr int maxiter = 50;

    if (std::isnan(p) || std::isnan(nmeans) || std::isnan(df)) return kNan;
    if (p < 0 || p >= 1) return kNan;
    if (df < 2 || nmeans < 2) return kNan;
    if (p == 0) return 0.0;

    double x0 = quantileStart(p, nmeans, df);
    double valx0 = studentizedRangeCdf(x0, nmeans, df) - p;
    // The second iterate is one below the first when the first overshoots, else one above.
    double x1 = valx0 > 0.0 ? std::max(0.0, x0 - 1.0) : x0 + 1.0;
    double valx1 = studentizedRangeCdf(x1, nmeans, df) - p;

    double ans = 0.0;
    for (int iter = 1; iter < maxiter; iter++) {
        ans = x1 - ((valx1 * (x1 - x0)) / (valx1 - valx0));
        valx0 = valx1;
        x0 = x1;
        if (ans < 0.0) ans = 0.0;
        valx1 = studentizedRangeCdf(ans, nmeans, df) - p;
        x1 = ans;
        if (std::fabs(x1 - x0) < eps) return ans;
    }
    return ans;
}

}  // namespace sl::core::stats

#include "core/io/ColumnInference.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sl::core::io {

namespace {
constexpr int kMaxDecimals = 6;
constexpr size_t kMaxNominalCodes = 10;
constexpr double kLargestNominalCode = 999;
}  // namespace

int decimalsNeeded(const std::vector<double>& values)
{
    for (int d = 0; d < kMaxDecimals; ++d) {
        const double scale = std::pow(10.0, d);
        const bool exact = std::all_of(values.begin(), values.end(), [&](double v) {
            if (!std::isfinite(v)) return true;
            const double s = v * scale;
            return std::abs(s - std::round(s)) <= 1e-9 * std::max(1.0, std::abs(s));
        });
        if (exact) return d;
    }
    return kMaxDecimals;
}

data::MeasureLevel guessMeasure(const std::vector<double>& values)
{
    std::vector<double> codes;
    for (double v : values) {
        if (std::isnan(v)) continue;
        if (v != std::floor(v) || std::abs(v) > kLargestNominalCode) return data::MeasureLevel::Scale;
        if (std::find(codes.begin(), codes.end(), v) != codes.end()) continue;
        if (codes.size() == kMaxNominalCodes) return data::MeasureLevel::Scale;
        codes.push_back(v);
    }
    return codes.empty() ? data::MeasureLevel::Scale : data::MeasureLevel::Nominal;
}

std::string numberText(double value)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace sl::core::io

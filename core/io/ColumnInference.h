#pragma once
// Display format and measure level guessed from the values of a numeric column, for formats that do not
// store them (Excel, Stata, SAS), and numbers written as text.
#include "core/data/Variable.h"

#include <string>
#include <vector>

namespace sl::core::io {

// The fewest decimals (at most 6) that show every finite value exactly.
int decimalsNeeded(const std::vector<double>& values);

// Nominal when the values are at most 10 distinct integer codes within +-999, else scale.
data::MeasureLevel guessMeasure(const std::vector<double>& values);

// The shortest decimal text that reads back to the same double ("0.5", "99", "1e+20").
std::string numberText(double value);

}  // namespace sl::core::io

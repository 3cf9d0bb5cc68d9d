#pragma once
// A large synthetic survey for benchmarks: 1,000,000 cases x 40 variables by default —
// 32 categorical items with small codes, a design of 100 strata x 20 PSUs, 4 scale variables with
// decimals, a weight and a short string.
#include "core/data/Dataset.h"

namespace sl::bench {

core::data::DatasetPtr makeSyntheticSurvey(size_t cases, unsigned seed = 20240601);

}  // namespace sl::bench

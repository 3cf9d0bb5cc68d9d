#include "core/analysis/Conventions.h"

#include <array>

namespace sl::core::analysis {

namespace {

// The index of spec[member] among `allowed` (0, SPSS's convention, when absent or null); an
// error naming the member and the allowed values otherwise.
template <size_t N>
Expected<size_t> readChoice(const Json& spec, const char* member, const std::array<const char*, N>& allowed)
{
    if (!spec.contains(member) || spec[member].is_null()) return size_t{0};
    const Json& value = spec[member];
    for (size_t i = 0; i < N; ++i)
        if (value.is_string() && value.get<std::string>() == allowed[i]) return i;
    std::string list;
    for (size_t i = 0; i < N; ++i)
        list += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + "\"" + allowed[i] + "\"";
    return makeError(ErrorCode::InvalidInput,
                     std::string("'") + member + "' must be " + list + "; without it, \"" + allowed[0] +
                         "\" (SPSS's convention) applies.",
                     member);
}

}  // namespace

Expected<stats::QuantileDefinition> readQuartiles(const Json& spec)
{
    auto choice = readChoice(spec, "quartiles", std::array{"spss", "r"});
    if (!choice) return choice.error();
    return *choice == 0 ? stats::QuantileDefinition::WeightedAverage : stats::QuantileDefinition::RDefault;
}

std::string quartilesMethod(stats::QuantileDefinition definition)
{
    return definition == stats::QuantileDefinition::RDefault
               ? "Median and quartiles by R's default definition (type 7, position (n - 1)p + 1), not SPSS's."
               : "Median and quartiles by the weighted-average definition (SPSS HAVERAGE, R type 6).";
}

Expected<stats::LeveneCenter> readLeveneCenter(const Json& spec)
{
    auto choice = readChoice(spec, "levene_center", std::array{"mean", "median"});
    if (!choice) return choice.error();
    return *choice == 0 ? stats::LeveneCenter::Mean : stats::LeveneCenter::Median;
}

std::string leveneMethod(stats::LeveneCenter center)
{
    return center == stats::LeveneCenter::Median
               ? "Levene's test centred on the group medians (Brown-Forsythe, R car::leveneTest default), not SPSS's."
               : "Levene's test centred on the group means (SPSS).";
}

}  // namespace sl::core::analysis

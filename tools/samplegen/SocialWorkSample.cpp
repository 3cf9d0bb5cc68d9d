#include "tools/samplegen/SocialWorkSample.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace sl::samplegen {

namespace {

using core::data::kSysmis;

// xoshiro256** seeded through splitmix64: the same stream on every compiler and standard library.
class Random {
public:
    explicit Random(uint64_t seed)
    {
        for (auto& word : m_state) {
            seed += 0x9E3779B97F4A7C15ULL;
            uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            word = z ^ (z >> 31);
        }
    }

    uint64_t next()
    {
        const uint64_t result = rotate(m_state[1] * 5, 7) * 9;
        const uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotate(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return uniform() < p; }

    // Approximately standard normal (sum of twelve uniforms), using only exact arithmetic.
    double normal()
    {
        double sum = 0;
        for (int i = 0; i < 12; ++i) sum += uniform();
        return sum - 6.0;
    }

    // An index drawn with the given probabilities (summing to 1).
    template <size_t N>
    size_t pick(const std::array<double, N>& probabilities)
    {
        double u = uniform();
        for (size_t i = 0; i + 1 < N; ++i) {
            if (u < probabilities[i]) return i;
            u -= probabilities[i];
        }
        return N - 1;
    }

private:
    static uint64_t rotate(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<uint64_t, 4> m_state{};
};

double roundToInteger(double x) { return std::floor(x + 0.5); }
double clampRound(double x, double low, double high) { return std::clamp(roundToInteger(x), low, high); }

// One respondent, as codes (kSysmis for system-missing).
struct Respondent {
    double country, ageGroup, age, gender, yearsExperience, practiceSetting, psychotherapy;
    std::array<double, 4> ict;  // email, text, social media, video
    double ictAny, ictCount, ictFrequency, outsideHours, policyAware, discussSupervisor;
    double friendRequest, searchedClientOnline;
    std::array<double, 5> boundary;
};

// Share of psychotherapy providers by practice setting 1..6.
constexpr std::array<double, 6> kPsychotherapyBySetting{0.86, 0.46, 0.45, 0.27, 0.15, 0.26};
// Probability of any informal ICT use: by age group 1..5, shifted by setting and psychotherapy.
constexpr std::array<double, 5> kIctByAgeGroup{0.495, 0.69, 0.795, 0.87, 0.915};
constexpr std::array<double, 6> kIctShiftBySetting{0.12, -0.01, -0.025, 0.02, -0.12, -0.025};
constexpr double kIctShiftPsychotherapy = 0.045;
constexpr double kIctShiftNoPsychotherapy = -0.025;

Respondent drawRespondent(Random& random)
{
    Respondent r{};
    r.country = random.chance(0.68) ? 1 : 2;
    r.age = clampRound(45.0 + 11.3 * random.normal(), 22, 79);
    r.ageGroup = r.age < 30 ? 1 : r.age < 40 ? 2 : r.age < 50 ? 3 : r.age < 60 ? 4 : 5;
    constexpr std::array<double, 4> genderCodes{1, 2, 3, 99};
    r.gender = genderCodes[random.pick(std::array<double, 4>{0.834, 0.133, 0.018, 0.015})];
    r.yearsExperience = clampRound((r.age - 25.0) * 0.8 + 3.5 * random.normal(), 0, r.age - 21);
    const size_t setting = random.pick(std::array<double, 6>{0.186, 0.201, 0.290, 0.076, 0.103, 0.144});
    r.practiceSetting = static_cast<double>(setting + 1);
    const bool psychotherapy = random.chance(kPsychotherapyBySetting[setting]);
    r.psychotherapy = psychotherapy ? 1 : 0;

    const size_t ageIndex = static_cast<size_t>(r.ageGroup) - 1;
    const double pAny = std::clamp(kIctByAgeGroup[ageIndex] + kIctShiftBySetting[setting] +
                                       (psychotherapy ? kIctShiftPsychotherapy : kIctShiftNoPsychotherapy),
                                   0.02, 0.98);
    const bool user = random.chance(pAny);
    int count = 0;
    if (user) {
        constexpr std::array<double, 4> itemRates{0.80, 0.52, 0.16, 0.39};
        for (size_t k = 0; k < 4; ++k) r.ict[k] = random.chance(itemRates[k]) ? 1 : 0;
        if (r.ict[0] + r.ict[1] + r.ict[2] + r.ict[3] == 0)
            r.ict[random.pick(std::array<double, 4>{0.5, 0.25, 0.05, 0.2})] = 1;
        count = static_cast<int>(r.ict[0] + r.ict[1] + r.ict[2] + r.ict[3]);
        constexpr std::array<std::array<double, 4>, 3> frequencyByCount{
            {{0.60, 0.30, 0.09, 0.01}, {0.45, 0.40, 0.13, 0.02}, {0.30, 0.42, 0.23, 0.05}}};
        r.ictFrequency = 2.0 + static_cast<double>(random.pick(frequencyByCount[static_cast<size_t>(std::min(count, 3) - 1)]));
        r.outsideHours = random.chance(std::min(0.59 + 0.08 * (count - 1), 0.95)) ? 1 : 0;
        r.discussSupervisor = random.chance(setting == 0 ? 0.45 : 0.62) ? 1 : 0;
    } else {
        r.ict = {0, 0, 0, 0};
        r.ictFrequency = 1;
        r.outsideHours = kSysmis;
        r.discussSupervisor = kSysmis;
    }
    r.policyAware = 1.0 + static_cast<double>(random.pick(std::array<double, 3>{0.415, 0.268, 0.317}));
    r.friendRequest = random.chance(r.ict[2] == 1 ? 0.52 : 0.32) ? 1 : 0;
    r.searchedClientOnline = random.chance(0.20 + 0.04 * count) ? 1 : 0;

    // Five Likert items on one latent strain; boundary_3 is reverse-keyed.
    const double strain = random.normal() + (r.outsideHours == 1 ? 0.3 : 0.0);
    constexpr std::array<double, 5> itemMeans{3.35, 3.0, 2.75, 3.45, 2.95};
    constexpr std::array<double, 5> loadings{0.7, 0.7, -0.7, 0.7, 0.65};
    for (size_t k = 0; k < 5; ++k)
        r.boundary[k] = clampRound(itemMeans[k] + loadings[k] * strain + 0.75 * random.normal(), 1, 5);

    // Item non-response.
    auto sprinkle = [&](double& value, double rate) {
        if (random.chance(rate)) value = kSysmis;
    };
    if (random.chance(0.015)) r.age = r.ageGroup = kSysmis;
    sprinkle(r.yearsExperience, 0.025);
    sprinkle(r.practiceSetting, 0.01);
    sprinkle(r.psychotherapy, 0.015);
    if (random.chance(0.01)) r.ict = {kSysmis, kSysmis, kSysmis, kSysmis};
    for (double& item : r.ict) sprinkle(item, 0.007);
    sprinkle(r.ictFrequency, 0.02);
    sprinkle(r.outsideHours, 0.03);
    sprinkle(r.discussSupervisor, 0.03);
    sprinkle(r.policyAware, 0.025);
    sprinkle(r.friendRequest, 0.02);
    sprinkle(r.searchedClientOnline, 0.02);
    for (double& item : r.boundary) sprinkle(item, 0.02);

    // Derived: any = 1 if an item is 1, 0 if all are 0; count only when all four are known.
    const bool anyYes = std::any_of(r.ict.begin(), r.ict.end(), [](double v) { return v == 1; });
    const bool allKnown = std::none_of(r.ict.begin(), r.ict.end(), [](double v) { return std::isnan(v); });
    r.ictAny = anyYes ? 1 : allKnown ? 0 : kSysmis;
    r.ictCount = allKnown ? r.ict[0] + r.ict[1] + r.ict[2] + r.ict[3] : kSysmis;
    if (r.ictAny != 1) r.outsideHours = r.discussSupervisor = kSysmis;
    return r;
}

// Post-stratification-like weights by country x age group x woman/other: mean 1, within 0.40..2.50,
// four decimals.
std::vector<double> weightsFor(const std::vector<Respondent>& respondents, Random& random)
{
    constexpr std::array<double, 2> byCountry{0.85, 1.3};
    constexpr std::array<double, 5> byAgeGroup{1.6, 1.1, 0.85, 0.9, 1.05};
    std::vector<double> weights;
    weights.reserve(respondents.size());
    for (const Respondent& r : respondents) {
        double w = byCountry[static_cast<size_t>(r.country) - 1];
        if (!std::isnan(r.ageGroup)) w *= byAgeGroup[static_cast<size_t>(r.ageGroup) - 1];
        w *= r.gender == 1 ? 0.95 : 1.3;
        w *= std::max(0.5, 1.0 + 0.12 * random.normal());
        weights.push_back(w);
    }
    for (int round = 0; round < 3; ++round) {
        double sum = 0;
        for (double w : weights) sum += w;
        const double scale = static_cast<double>(weights.size()) / sum;
        for (double& w : weights) w = std::clamp(w * scale, 0.40, 2.50);
    }
    for (double& w : weights) w = std::floor(w * 10000.0 + 0.5) / 10000.0;
    return weights;
}

using Labels = std::vector<std::pair<double, std::string>>;

core::data::Variable makeVariable(std::string name, std::string label, core::data::MeasureLevel measure, int width,
                                  int decimals, const Labels& labels = {})
{
    core::data::Variable v;
    v.name = std::move(name);
    v.label = std::move(label);
    v.measure = measure;
    v.format = core::data::DisplayFormat{5, width, decimals};
    v.displayColumns = 8;
    v.alignment = core::data::Alignment::Right;
    for (const auto& [value, text] : labels) v.valueLabels.set(value, text);
    return v;
}

}  // namespace

core::data::DatasetPtr generateSocialWorkSample(uint64_t seed, size_t cases)
{
    using core::data::MeasureLevel;
    Random random(seed);
    std::vector<Respondent> respondents;
    respondents.reserve(cases);
    for (size_t i = 0; i < cases; ++i) respondents.push_back(drawRespondent(random));
    const std::vector<double> weights = weightsFor(respondents, random);

    const Labels noYes{{0, "No"}, {1, "Yes"}};
    const Labels selected{{0, "Not selected"}, {1, "Selected"}};
    const Labels agreement{{1, "Strongly disagree"}, {2, "Disagree"}, {3, "Neither agree nor disagree"},
                           {4, "Agree"}, {5, "Strongly agree"}};

    std::vector<core::data::Variable> variables;
    std::vector<std::vector<double>> values;
    auto add = [&](core::data::Variable variable, auto field) {
        std::vector<double> column;
        column.reserve(cases);
        for (size_t i = 0; i < cases; ++i) column.push_back(field(i));
        variables.push_back(std::move(variable));
        values.push_back(std::move(column));
    };
    auto from = [&](double Respondent::*member) { return [&, member](size_t i) { return respondents[i].*member; }; };

    add(makeVariable("respondent_id", "Respondent ID", MeasureLevel::Nominal, 5, 0),
        [](size_t i) { return static_cast<double>(i + 1); });
    add(makeVariable("country", "Country of practice", MeasureLevel::Nominal, 1, 0,
                     {{1, "Canada"}, {2, "United States"}}),
        from(&Respondent::country));
    add(makeVariable("age_group", "Age group", MeasureLevel::Ordinal, 1, 0,
                     {{1, "<30"}, {2, "30-39"}, {3, "40-49"}, {4, "50-59"}, {5, "60+"}}),
        from(&Respondent::ageGroup));
    add(makeVariable("age", "Age in years", MeasureLevel::Scale, 2, 0), from(&Respondent::age));
    auto gender = makeVariable("gender", "Gender", MeasureLevel::Nominal, 2, 0,
                               {{1, "Woman"}, {2, "Man"}, {3, "Another gender identity"}, {99, "Prefer not to say"}});
    gender.missing.values = {99};
    add(std::move(gender), from(&Respondent::gender));
    add(makeVariable("years_experience", "Years of social work practice experience", MeasureLevel::Scale, 2, 0),
        from(&Respondent::yearsExperience));
    add(makeVariable("practice_setting", "Primary practice setting", MeasureLevel::Nominal, 1, 0,
                     {{1, "Private practice"},
                      {2, "Hospital/health"},
                      {3, "Community agency"},
                      {4, "School"},
                      {5, "Child welfare"},
                      {6, "Government/other"}}),
        from(&Respondent::practiceSetting));
    add(makeVariable("provides_psychotherapy", "Provides psychotherapy/counselling", MeasureLevel::Nominal, 1, 0,
                     noYes),
        from(&Respondent::psychotherapy));
    const std::array<std::pair<const char*, const char*>, 4> items{{{"ict_email", "email"},
                                                                    {"ict_text", "text messaging"},
                                                                    {"ict_social_media", "social media"},
                                                                    {"ict_video", "video calls"}}};
    for (size_t k = 0; k < items.size(); ++k)
        add(makeVariable(items[k].first, std::string("Uses ") + items[k].second + " informally with clients",
                         MeasureLevel::Nominal, 1, 0, selected),
            [&, k](size_t i) { return respondents[i].ict[k]; });
    add(makeVariable("ict_any", "Any informal ICT use with clients", MeasureLevel::Nominal, 1, 0, noYes),
        from(&Respondent::ictAny));
    add(makeVariable("ict_count", "Number of informal ICT types used (0-4)", MeasureLevel::Scale, 1, 0),
        from(&Respondent::ictCount));
    add(makeVariable("ict_frequency", "Frequency of informal ICT use with clients", MeasureLevel::Ordinal, 1, 0,
                     {{1, "Never"}, {2, "Less than monthly"}, {3, "Monthly"}, {4, "Weekly"}, {5, "Daily"}}),
        from(&Respondent::ictFrequency));
    add(makeVariable("outside_hours", "Informal ICT contact outside work hours", MeasureLevel::Nominal, 1, 0, noYes),
        from(&Respondent::outsideHours));
    add(makeVariable("policy_aware", "Aware of agency policy on ICT use with clients", MeasureLevel::Nominal, 1, 0,
                     {{1, "Yes"}, {2, "No"}, {3, "Don't know"}}),
        from(&Respondent::policyAware));
    add(makeVariable("discuss_supervisor", "Discusses informal ICT use with supervisor", MeasureLevel::Nominal, 1, 0,
                     noYes),
        from(&Respondent::discussSupervisor));
    add(makeVariable("friend_request", "Received a social media friend request from a client",
                     MeasureLevel::Nominal, 1, 0, noYes),
        from(&Respondent::friendRequest));
    add(makeVariable("searched_client_online", "Searched for a client online", MeasureLevel::Nominal, 1, 0, noYes),
        from(&Respondent::searchedClientOnline));
    const std::array<const char*, 5> boundaryLabels{
        "Boundaries: informal ICT blurs professional boundaries",
        "Boundaries: clients expect me to be available at all times",
        "Boundaries: I feel in control of my availability (reverse-keyed)",
        "Boundaries: ICT contact intrudes on my personal time",
        "Boundaries: I worry about client privacy with informal ICT"};
    for (size_t k = 0; k < boundaryLabels.size(); ++k)
        add(makeVariable("boundary_" + std::to_string(k + 1), boundaryLabels[k], MeasureLevel::Ordinal, 1, 0,
                         agreement),
            [&, k](size_t i) { return respondents[i].boundary[k]; });
    add(makeVariable("weight", "Post-stratification weight (country x age group x gender)", MeasureLevel::Scale, 6,
                     4),
        [&](size_t i) { return weights[i]; });

    std::vector<core::data::ColumnPtr> columns;
    for (auto& column : values) columns.push_back(core::data::Column::fromDoubles(std::move(column)));
    auto dataset = std::make_shared<core::data::Dataset>(std::move(variables), std::move(columns));
    dataset->fileLabel = "Synthetic survey of social workers' informal ICT use";
    return dataset;
}

}  // namespace sl::samplegen

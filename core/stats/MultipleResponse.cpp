#include "core/stats/MultipleResponse.h"

#include <map>

namespace sl::core::stats {

MultipleResponseTable multipleResponse(const data::Dataset& dataset, const std::vector<size_t>& items,
                                       double countedValue, const transform::CaseSelection& cases,
                                       std::optional<size_t> group)
{
    const size_t k = items.size();
    MultipleResponseTable t;
    t.counts.assign(k, 0.0);
    struct Group {
        double cases = 0;
        std::vector<double> counts;
    };
    std::map<double, Group> groups;
    std::vector<bool> counted(k);
    for (size_t m = 0; m < cases.size(); ++m) {
        const size_t c = cases.cases[m];
        const double w = cases.weights[m];
        bool any = false;
        for (size_t i = 0; i < k; ++i) {
            const double v = dataset.column(items[i]).number(c);
            counted[i] = v == countedValue && !dataset.variable(items[i]).missing.isUserMissing(v);
            any = any || counted[i];
        }
        if (!any) continue;
        t.nCases += w;
        Group* g = nullptr;
        if (group) {
            g = &groups[dataset.column(*group).number(c)];
            if (g->counts.empty()) g->counts.assign(k, 0.0);
            g->cases += w;
        }
        for (size_t i = 0; i < k; ++i)
            if (counted[i]) {
                t.counts[i] += w;
                if (g) g->counts[i] += w;
            }
    }
    double responses = 0;
    for (double x : t.counts) responses += x;
    for (size_t i = 0; i < k; ++i) {
        t.percentOfResponses.push_back(t.counts[i] / responses * 100);
        t.percentOfCases.push_back(t.counts[i] / t.nCases * 100);
    }
    t.groupCounts.assign(k, {});
    t.groupPercentOfCases.assign(k, {});
    for (const auto& [value, g] : groups) {
        t.groupValues.push_back(value);
        t.groupCases.push_back(g.cases);
        for (size_t i = 0; i < k; ++i) {
            t.groupCounts[i].push_back(g.counts[i]);
            t.groupPercentOfCases[i].push_back(g.counts[i] / g.cases * 100);
        }
    }
    return t;
}

}  // namespace sl::core::stats

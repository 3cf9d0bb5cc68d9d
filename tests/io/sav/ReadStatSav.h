#pragma once
// An independent reading of a .sav through ReadStat, to check the native reader against.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sl::test {

struct ReadStatVariable {
    std::string name;
    std::string label;
    std::string format;  // "F8.2", "A20", ...
    bool isString = false;
    int measure = 0;  // readstat_measure_t
    std::vector<std::pair<double, double>> missingRanges;
    std::vector<std::pair<std::string, std::string>> missingText;
    std::string labelSet;
    std::vector<double> numbers;
    std::vector<std::string> texts;
};

struct ReadStatFile {
    bool ok = false;
    std::string error;
    long rows = -1;
    std::vector<ReadStatVariable> variables;
    // label set name -> (value as double or text, label)
    std::map<std::string, std::vector<std::pair<double, std::string>>> numericLabels;
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> textLabels;
};

ReadStatFile readWithReadStat(const std::string& path);

}  // namespace sl::test

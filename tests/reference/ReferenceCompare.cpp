#include "tests/reference/ReferenceCompare.h"

#include "core/io/DataFile.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace sl::test {

namespace {

std::string trimRight(std::string s)
{
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

bool isTukeyP(const std::string& path)
{
    return path.find("tukey") != std::string::npos && path.size() >= 2 && path.substr(path.size() - 2) == ".p";
}

bool numbersAgree(double e, double a, const std::string& path)
{
    if (isTukeyP(path)) return std::fabs(e - a) <= 1e-8;
    if (std::fabs(e) < 1e-12 || std::fabs(a) < 1e-12) return std::fabs(e - a) <= 1e-12;
    return std::fabs(e - a) <= 1e-6 * std::max(std::fabs(e), std::fabs(a));
}

std::string shortDump(const Json& j)
{
    std::string s = j.dump();
    return s.size() > 80 ? s.substr(0, 77) + "..." : s;
}

void compareInto(const Json& e, const Json& a, const std::string& path, std::vector<std::string>& out)
{
    if (e.is_number()) {
        if (!a.is_number())
            out.push_back(path + ": expected " + shortDump(e) + ", got " + shortDump(a));
        else if (!numbersAgree(e.get<double>(), a.get<double>(), path))
            out.push_back(path + ": expected " + shortDump(e) + ", got " + shortDump(a));
        return;
    }
    if (e.is_string()) {
        if (!a.is_string() || trimRight(e.get<std::string>()) != trimRight(a.get<std::string>()))
            out.push_back(path + ": expected " + shortDump(e) + ", got " + shortDump(a));
        return;
    }
    if (e.is_array()) {
        if (!a.is_array() || a.size() != e.size()) {
            out.push_back(path + ": expected a list of " + std::to_string(e.size()) + ", got " + shortDump(a));
            return;
        }
        for (size_t i = 0; i < e.size(); ++i) compareInto(e[i], a[i], path + "[" + std::to_string(i) + "]", out);
        return;
    }
    if (e.is_object()) {
        if (!a.is_object()) {
            out.push_back(path + ": expected an object, got " + shortDump(a));
            return;
        }
        for (auto it = e.begin(); it != e.end(); ++it) {
            const std::string sub = path.empty() ? it.key() : path + "." + it.key();
            if (!a.contains(it.key()))
                out.push_back(sub + ": missing in the result");
            else
                compareInto(it.value(), a[it.key()], sub, out);
        }
        return;
    }
    if (e != a) out.push_back(path + ": expected " + shortDump(e) + ", got " + shortDump(a));
}

}  // namespace

std::vector<std::string> compareJson(const Json& expected, const Json& actual, const std::string& path)
{
    std::vector<std::string> out;
    compareInto(expected, actual, path, out);
    return out;
}

std::vector<ReferenceCase> loadReferenceCases(const std::string& folder)
{
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    std::vector<ReferenceCase> cases;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        const Json doc = Json::parse(text.str(), nullptr, false);
        if (doc.is_discarded() || !doc.contains("analyses")) continue;
        const std::string dataset =
            (fs::path(file).parent_path() / doc.value("dataset", std::string())).lexically_normal().string();
        for (const auto& a : doc["analyses"])
            cases.push_back(ReferenceCase{file, dataset, a.value("id", std::string()), a.value("type", std::string()),
                                          a.value("spec", Json::object()), a.value("expected", Json())});
    }
    return cases;
}

const sl::core::data::Dataset* referenceDataset(const std::string& path, std::string& error)
{
    static std::map<std::string, sl::core::Expected<sl::core::data::DatasetPtr>> cache;
    auto it = cache.find(path);
    if (it == cache.end()) it = cache.emplace(path, sl::core::io::openDataFile(path)).first;
    if (!it->second) {
        error = it->second.error().describe();
        return nullptr;
    }
    return it->second->get();
}

std::string testNameOf(const ReferenceCase& c)
{
    std::string name = std::filesystem::path(c.file).stem().string() + "_" + c.id;
    for (char& ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    return name;
}

}  // namespace sl::test

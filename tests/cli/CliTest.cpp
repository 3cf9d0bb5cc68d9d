// The headless tool as a user runs it: exit codes, one-line errors, JSON on stdout.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

CliRun runCli(const std::string& args)
{
    const fs::path errFile = fs::temp_directory_path() / ("sl-cli-err-" + std::to_string(::getpid()));
    const std::string command = std::string(SL_CLI_PATH) + " " + args + " 2>" + errFile.string();
    CliRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return run;
    std::array<char, 65536> buffer{};
    size_t got;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), got);
    const int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(errFile);
    run.err.assign(std::istreambuf_iterator<char>(err), {});
    fs::remove(errFile);
    return run;
}

fs::path scratchDir()
{
    fs::path dir = fs::temp_directory_path() / ("sl-cli-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

void writeFile(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

const std::string kData = std::string(SL_SHARED_DATA_DIR);

}  // namespace

TEST(CliRun, InfoListsVariablesWithMetadata)
{
    const auto run = runCli("info " + kData + "/socialwork_synth.sav");
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto info = nlohmann::json::parse(run.out);
    EXPECT_EQ(info["cases"], 3834);
    bool sawGender = false;
    for (const auto& v : info["variables"]) {
        if (v["name"] == "gender") {
            sawGender = true;
            EXPECT_EQ(v["missing"]["values"], nlohmann::json::array({99}));
            EXPECT_EQ(v["measure"], "nominal");
            EXPECT_FALSE(v["value_labels"].empty());
        }
    }
    EXPECT_TRUE(sawGender);
}

TEST(CliRun, RunPrintsResultsAndKeepsGoingPastABadAnalysis)
{
    const auto dir = scratchDir();
    writeFile(dir / "spec.json", R"({"dataset": ")" + kData + R"(/chile.csv", "analyses": [
        {"id": "f", "type": "frequencies", "spec": {"var": "region"}},
        {"id": "bad", "type": "frequencies", "spec": {"var": "no_such_variable"}}]})");
    const auto run = runCli("run " + (dir / "spec.json").string());
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto out = nlohmann::json::parse(run.out);
    ASSERT_EQ(out["analyses"].size(), 2u);
    EXPECT_TRUE(out["analyses"][0].contains("result"));
    EXPECT_EQ(out["analyses"][0]["result"]["n_valid"], 2700);
    EXPECT_TRUE(out["analyses"][1].contains("error"));
    EXPECT_NE(out["analyses"][1]["error"].get<std::string>().find("no_such_variable"), std::string::npos);
    fs::remove_all(dir);
}

TEST(CliRun, UnreadableSpecExitsTwoWithOneLineNamingThePlace)
{
    const auto dir = scratchDir();
    writeFile(dir / "broken.json", "{\n  \"dataset\": \"x.sav\",\n  \"analyses\": [ oops ]\n}\n");
    const auto run = runCli("run " + (dir / "broken.json").string());
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("line 3"), std::string::npos) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1);
    fs::remove_all(dir);
}

TEST(CliRun, MissingDatasetExitsTwo)
{
    const auto run = runCli("info /nonexistent/survey.sav");
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("survey.sav"), std::string::npos);
}

TEST(CliRun, CorruptSavExitsTwoNamingTheByte)
{
    const auto dir = scratchDir();
    writeFile(dir / "corrupt.sav", std::string("$FL2@(#) IBM SPSS STATISTICS") + std::string(40, '\0'));
    const auto run = runCli("info " + (dir / "corrupt.sav").string());
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("byte"), std::string::npos) << run.err;
    fs::remove_all(dir);
}

TEST(CliRun, WrongUsageExitsOne)
{
    EXPECT_EQ(runCli("").exitCode, 1);
    EXPECT_EQ(runCli("frobnicate x").exitCode, 1);
}

TEST(CliRun, ConvertCsvToSavAndBackKeepsValues)
{
    const auto dir = scratchDir();
    const auto sav = dir / "chile.sav";
    auto run = runCli("convert " + kData + "/chile.csv " + sav.string());
    ASSERT_EQ(run.exitCode, 0) << run.err;
    run = runCli("convert " + sav.string() + " " + (dir / "back.csv").string());
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto info = nlohmann::json::parse(runCli("info " + (dir / "back.csv").string()).out);
    EXPECT_EQ(info["cases"], 2700);
    fs::remove_all(dir);
}

TEST(CliRun, SmallCrosstabWarnsAboutExpectedCountsAndSaysItsMethod)
{
    const auto dir = scratchDir();
    writeFile(dir / "tiny.csv", "a,b\n1,1\n1,1\n1,2\n2,2\n2,2\n2,1\n1,1\n2,2\n");
    writeFile(dir / "spec.json", R"({"dataset": "tiny.csv", "analyses": [
        {"id": "x", "type": "crosstab", "spec": {"row": "a", "col": "b"}}]})");
    const auto run = runCli("run " + (dir / "spec.json").string());
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto result = nlohmann::json::parse(run.out)["analyses"][0]["result"];
    ASSERT_EQ(result["warnings"].size(), 1u) << result.dump();
    EXPECT_NE(result["warnings"][0].get<std::string>().find("4 cells (100.0%)"), std::string::npos);
    EXPECT_TRUE(result.contains("fisher_exact_p_one_sided"));
    EXPECT_NE(result["method"].get<std::string>().find("2 x 2"), std::string::npos);
    fs::remove_all(dir);
}

// surveylens-cli: SurveyLens without a window.
//   info FILE            variables, metadata and case count as JSON
//   run SPEC.json        runs the analyses of a spec and prints the result JSON
//   convert [--labels] IN OUT   converts between formats by extension (--labels: value labels in a CSV)
// Exit codes: 0 done, 1 wrong usage, 2 a file could not be read or written.
#include "core/analysis/DatasetInfo.h"
#include "core/analysis/Runner.h"
#include "core/io/DataFile.h"
#include "core/io/FileBytes.h"

#include <cstring>
#include <iostream>
#include <string>

namespace {

using namespace sl::core;

int usage()
{
    std::cerr << "usage: surveylens-cli info FILE\n"
                 "       surveylens-cli run SPEC.json\n"
                 "       surveylens-cli convert [--labels] IN OUT   (OUT: .sav .zsav .csv .tsv .xlsx;\n"
                 "                                                  --labels: a CSV/TSV holds value labels, not codes)\n";
    return 1;
}

int fail(const Error& error)
{
    std::string line = error.describe();
    for (char& c : line)
        if (c == '\n') c = ' ';
    std::cerr << "surveylens-cli: " << line << "\n";
    return 2;
}

std::string formatOf(const std::string& path)
{
    auto bytes = io::readWholeFile(path);
    return io::toString(io::detectFormat(path, bytes ? std::string_view(*bytes).substr(0, 16) : std::string_view()));
}

int info(const std::string& path)
{
    auto dataset = io::openDataFile(path);
    if (!dataset) return fail(dataset.error());
    std::cout << analysis::datasetInfo(**dataset, path, formatOf(path)).dump(2) << "\n";
    return 0;
}

int run(const std::string& specPath)
{
    auto result = analysis::runSpecFile(specPath);
    if (!result) return fail(result.error());
    std::cout << result->dump(2) << "\n";
    return 0;
}

int convert(const std::string& in, const std::string& out, io::CsvValues csvValues)
{
    auto dataset = io::openDataFile(in);
    if (!dataset) return fail(dataset.error());
    auto saved = io::saveDataFile(**dataset, out, csvValues);
    if (!saved) return fail(saved.error());
    for (const auto& w : (*dataset)->warnings) std::cerr << "warning: " << w << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) return usage();
    const std::string command = argv[1];
    if (command == "info" && argc == 3) return info(argv[2]);
    if (command == "run" && argc == 3) return run(argv[2]);
    if (command == "convert" && argc == 4) return convert(argv[2], argv[3], io::CsvValues::Codes);
    if (command == "convert" && argc == 5 && std::strcmp(argv[2], "--labels") == 0)
        return convert(argv[3], argv[4], io::CsvValues::Labels);
    if (command == "--help" || command == "-h") {
        usage();
        return 0;
    }
    return usage();
}

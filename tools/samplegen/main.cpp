// surveylens-samplegen OUTPUT.sav: writes the bundled sample survey.
#include "core/io/SavWriter.h"
#include "tools/samplegen/SocialWorkSample.h"

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT.sav\n", argc > 0 ? argv[0] : "surveylens-samplegen");
        return 2;
    }
    const auto dataset = sl::samplegen::generateSocialWorkSample();
    sl::core::io::SavWriteOptions options;
    options.creationDate = "04 Dec 26";  // fixed, so that the file is byte-for-byte reproducible
    options.creationTime = "12:00:00";
    const auto written = sl::core::io::writeSav(*dataset, argv[1], options);
    if (!written) {
        std::fprintf(stderr, "%s\n", written.error().describe().c_str());
        return 1;
    }
    std::printf("%zu cases, %zu variables written to %s\n", dataset->caseCount(), dataset->variableCount(), argv[1]);
    return 0;
}

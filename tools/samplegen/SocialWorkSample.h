#pragma once
// The bundled sample survey: synthetic social workers in Canada and the U.S. and their informal use of
// information and communication technology (ICT) with clients, with the variables, codes, labels and
// user-missing codes of the reference file socialwork_synth and its published margins.
#include "core/data/Dataset.h"

#include <cstddef>
#include <cstdint>

namespace sl::samplegen {

inline constexpr uint64_t kSampleSeed = 0x5357'2026ULL;
inline constexpr size_t kSampleCases = 3800;

// The same seed and case count always give the same dataset, on every platform.
core::data::DatasetPtr generateSocialWorkSample(uint64_t seed = kSampleSeed, size_t cases = kSampleCases);

}  // namespace sl::samplegen

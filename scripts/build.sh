#!/usr/bin/env bash
# Configures (once) and builds SurveyLens in build/ (Release). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${SL_BUILD_DIR:-build}
jobs=${SL_JOBS:-$(nproc)}
if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
fi
cmake --build "$build_dir" -j "$jobs"

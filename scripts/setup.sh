#!/usr/bin/env bash
# Installs the Debian packages SurveyLens needs to build, test and run.
# Idempotent: does nothing (in well under a second) when everything is there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-svg-dev libgl-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n tzdata
  libqcustomplot-dev libqcustomplot2.1-qt6
  libeigen3-dev libboost-math-dev
  libreadstat-dev zlib1g-dev
  libminizip-dev libexpat1-dev libxlsxwriter-dev
  libgtest-dev googletest libbenchmark-dev
  nlohmann-json3-dev
  fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); else
    echo "error: packages missing (${missing[*]}) and not running as root; install them with apt-get." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

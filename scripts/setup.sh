#!/usr/bin/env bash
# Installs Fundstelle's build and test dependencies from Debian 12's packages.
# Idempotent: asks apt only for what is missing, and is quiet when everything is there.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config           # toolchain
  libxapian-dev xapian-tools                 # the index (xapian-tools: remote-shard tests)
  libpugixml-dev libgumbo-dev                # XML DOM, HTML5 parser
  libicu-dev libuchardet-dev                 # Unicode normalisation, charset conversion/detection
  libarchive-dev                             # archives and compressed input
  libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libreadline-dev                            # interactive mode: line editing, history
  libjemalloc-dev                            # allocator of the binaries (faster indexing)
  dpkg-dev                                   # CPack .deb: dpkg-shlibdeps finds runtime dependencies
  libgtest-dev                               # tests
  wngerman                                   # German word list for compound splitting
  python3                                    # evaluation and benchmark scripts
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

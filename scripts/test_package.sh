#!/usr/bin/env bash
# Builds the .deb with CPack and checks it: its contents and declared dependencies, then (as root,
# or with sudo) installs it with apt, runs the installed tools on data/ and removes it again.
# Usage: scripts/test_package.sh [BUILD_DIR]   (default: build/; built here if needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
"$root/scripts/setup.sh"
FUNDSTELLE_TARGETS="fundstelle-index fundstelle-query fundstelle_man_pages" "$root/scripts/build.sh" "$build"

(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls -t "$build"/fundstelle_*.deb | head -1)"
echo "package: $deb"

contents="$(dpkg-deb -c "$deb")"
for path in ./usr/bin/fundstelle-query ./usr/bin/fundstelle-index \
            ./usr/share/man/man1/fundstelle-query.1.gz ./usr/share/man/man1/fundstelle-index.1.gz \
            ./usr/share/bash-completion/completions/fundstelle-query \
            ./usr/share/zsh/vendor-completions/_fundstelle-query; do
  grep -q " $path\$" <<<"$contents" || { echo "missing in package: $path" >&2; exit 1; }
done
depends="$(dpkg-deb -f "$deb" Depends)"
echo "depends: $depends"
for library in libxapian libreadline libicu; do
  grep -q "$library" <<<"$depends" || { echo "dependency on $library not declared" >&2; exit 1; }
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "not root and no sudo: contents and dependencies checked, install skipped" >&2
    exit 0
  fi
  sudo="sudo"
fi
if dpkg-query -W -f='${Status}' fundstelle 2>/dev/null | grep -q "install ok installed"; then
  echo "a fundstelle package is installed already; not touching it" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
work="$(mktemp -d)"
$sudo apt-get install -y -qq "$deb" >/dev/null
trap '$sudo dpkg -r fundstelle >/dev/null; rm -rf "$work"' EXIT
/usr/bin/fundstelle-query --version
/usr/bin/fundstelle-index --version
/usr/bin/fundstelle-index -q --db "$work/index" "$root/data"
hit="$(/usr/bin/fundstelle-query --db "$work/index" -n 1 --format json Wer wurde Interims-CEO?)"
grep -q Murati <<<"$hit" || { echo "installed fundstelle-query did not find the answer" >&2; exit 1; }
man_page="$(zcat /usr/share/man/man1/fundstelle-query.1.gz)"
grep -q '^\.TH FUNDSTELLE-QUERY' <<<"$man_page" || { echo "man page unreadable" >&2; exit 1; }
echo "package ok: installed, ran, removed"

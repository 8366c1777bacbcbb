#!/usr/bin/env bash
# Sets up, builds, indexes data/ into the default index and ranks passages for a question.
# Usage: scripts/demo.sh ["German question"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
question="${*:-Wer wurde Interims-CEO?}"

"$root/scripts/setup.sh"
FUNDSTELLE_TARGETS="fundstelle-index fundstelle-query" "$root/scripts/build.sh" "$root/build" >/dev/null
"$root/build/indexer/fundstelle-index" "$root/data"
echo
echo "Frage: $question"
echo
status=0
"$root/build/query/fundstelle-query" -n 5 "$question" || status=$?
exit "$status"

#!/usr/bin/env bash
# Moves every Python dependency to the newest version pyproject.toml's ranges allow, as a measured
# step: the accuracy benchmarks run before and after, and what moved is printed (packages and
# figures). The new lock is left in place for review; to go back:
#   git checkout requirements.lock && bash scripts/bootstrap.sh
#   bash scripts/upgrade.sh            fixtures (every engine) and the corpus CI subset
#   bash scripts/upgrade.sh --quick    fixtures only
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${UPGRADE_DIR:-fixtures/build/upgrade}
rm -rf "$out" && mkdir -p "$out/before" "$out/after"

measure() {
  local dir=$1
  .venv/bin/python -m pip freeze --all >"$dir/versions.txt"
  .venv/bin/python benchmarks/accuracy.py --engine all --json "$dir/fixtures.json" >"$dir/fixtures.txt"
  if [[ "$QUICK" != 1 ]]; then
    .venv/bin/python benchmarks/accuracy.py --corpus --subset ci --floors "$dir/corpus-ci.json" >"$dir/corpus-ci.txt"
  fi
}

QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
bash scripts/bootstrap.sh
echo "scorekit: measuring with the locked versions ($out/before)" >&2
measure "$out/before"
bash scripts/lock.sh --upgrade
bash scripts/bootstrap.sh
echo "scorekit: measuring with the upgraded versions ($out/after)" >&2
measure "$out/after"
.venv/bin/python benchmarks/moved.py "$out/before" "$out/after" | tee "$out/moved.txt"

#!/usr/bin/env bash
# ruff (lint and format) over the repository and mypy over the package, as CI runs them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
# the repository root is the package `scorekit`: mypy finds it through a link of that name
root=$(pwd)
link=$(mktemp -d)
trap 'rm -rf "$link"' EXIT
ln -s "$root" "$link/scorekit"
(cd "$link" && MYPYPATH="$link" "$root/.venv/bin/mypy" --config-file "$root/pyproject.toml" \
  --cache-dir "$root/.venv/.mypy_cache" -p scorekit)

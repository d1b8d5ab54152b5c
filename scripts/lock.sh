#!/usr/bin/env bash
# Writes requirements.lock from pyproject.toml's ranges: an exact version and its hashes for every
# Python dependency of every extra, for Python 3.11 and later on any platform. Versions already in
# the lock are kept wherever the ranges still allow them (uv prefers an existing output's pins),
# so adding a dependency moves nothing else; scripts/upgrade.sh is how versions move.
#   bash scripts/lock.sh            refresh, keeping the locked versions
#   bash scripts/lock.sh --upgrade  every package to the newest its range allows
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh >&2
extra=$(mktemp)
trap 'rm -f "$extra"' EXIT
# installed with --no-deps (bootstrap.sh): it asks for the GUI OpenCV, which would replace the
# headless one and needs libGL; the rest of its requirements are the ocr-rapid extra
echo 'rapidocr-onnxruntime==1.4.4' >"$extra"
.venv/bin/uv pip compile pyproject.toml "$extra" --all-extras --universal --python-version 3.11 \
  --generate-hashes --no-emit-package opencv-python --no-header --quiet "$@" -o requirements.lock
sed -i "s#$extra#scripts/lock.sh#" requirements.lock
echo "scorekit: requirements.lock written ($(grep -c '^[a-z0-9].*==' requirements.lock) packages)" >&2

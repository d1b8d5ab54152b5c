#!/usr/bin/env bash
# Installs what scorekit needs on a Debian machine, as root, and only what is missing: system
# packages (tesseract for OCR, python venv support), then the project's .venv, exactly as
# requirements.lock pins it (versions and hashes), so a fresh machine gets what CI tested.
# Safe to run again: it checks before it installs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
# the English word list that tells a text layer of words from shifted codes (extract/ocr/textquality.py)
[ -e /usr/share/dict/british-english ] || missing+=(wbritish)
# the corpus generator sets documents in these faces by path (fixtures/generator/corpus/fonts.py);
# its tests re-render committed documents with them
fonts=/usr/share/fonts/truetype
[ -e $fonts/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu)
[ -e $fonts/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
[ -e $fonts/crosextra/Carlito-Regular.ttf ] || missing+=(fonts-crosextra-carlito)
[ -e $fonts/crosextra/Caladea-Regular.ttf ] || missing+=(fonts-crosextra-caladea)
[ -e $fonts/noto/NotoSans-Regular.ttf ] || missing+=(fonts-noto-core)
# the review report's test drives a real headless browser
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# tesserocr is built against the system's tesseract (the CLI's own version): its headers, a compiler
pkg-config --exists tesseract lept 2>/dev/null || missing+=(libtesseract-dev libleptonica-dev pkg-config)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
python3 -c 'import os, sysconfig, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
  >/dev/null 2>&1 || missing+=(python3-dev)
if ((${#missing[@]})); then
  echo "scorekit setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
stamp=.venv/.scorekit-installed
if [ -f "$stamp" ] && [ ! pyproject.toml -nt "$stamp" ] && [ ! requirements.lock -nt "$stamp" ]; then
  exit 0
fi
echo "scorekit setup: installing the locked Python environment into .venv" >&2
pip=(.venv/bin/python -m pip install -q --disable-pip-version-check)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# tesserocr is built from source (so it links the CLI's tesseract) and may fail to build: it is
# installed apart, from the same lock, and scorekit falls back to the tesseract CLI without it
awk -v main="$work/main.txt" -v tess="$work/tesserocr.txt" '
  /^[A-Za-z0-9]/ { out = ($0 ~ /^tesserocr==/) ? tess : main }
  out { print > out }' requirements.lock
if ! { "${pip[@]}" 'pip==26.3' &&
       "${pip[@]}" --require-hashes --no-deps -r "$work/main.txt" &&
       "${pip[@]}" --no-deps -e .; } >.venv/pip.log 2>&1; then
  cat .venv/pip.log >&2
  echo "scorekit setup: pip install failed (log above, also in .venv/pip.log)" >&2
  exit 1
fi
# tesseract in-process (no process start per OCR call). Without it scorekit runs the tesseract
# CLI: slower, same readings.
"${pip[@]}" --require-hashes --no-deps --no-binary tesserocr -r "$work/tesserocr.txt" >>.venv/pip.log 2>&1 ||
  echo "scorekit setup: tesserocr did not build (see .venv/pip.log); OCR will use the tesseract CLI" >&2
touch "$stamp"

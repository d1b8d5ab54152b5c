#!/usr/bin/env bash
# Installs what scorekit needs on a Debian machine, as root, and only what is missing:
# system packages (tesseract for OCR, python venv support), then the project's .venv.
# Safe to run again: it checks before it installs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
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
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "scorekit setup: installing the Python environment into .venv" >&2
  if ! { .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip &&
         .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,ocr-rapid]' &&
         .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps 'rapidocr-onnxruntime==1.4.4'; } >.venv/pip.log 2>&1; then
    cat .venv/pip.log >&2
    echo "scorekit setup: pip install failed (log above, also in .venv/pip.log)" >&2
    exit 1
  fi
  # tesseract in-process (no process start per OCR call); built from source so it links the
  # CLI's tesseract. Without it scorekit runs the tesseract CLI: slower, same readings.
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-binary tesserocr 'tesserocr>=2.7' >>.venv/pip.log 2>&1 ||
    echo "scorekit setup: tesserocr did not build (see .venv/pip.log); OCR will use the tesseract CLI" >&2
  touch "$stamp"
fi

"""The versions of what scorekit's readings depend on: system OCR, its language data, and the
Python packages whose releases have been seen to move the figures (OpenCV moved OCR recall by ten
points between 5.0 and 5.1). Printed by the test run and `scorekit --version`, so a figure can be
traced to the environment that produced it."""

from __future__ import annotations

import hashlib
import importlib.metadata
import shutil
import subprocess
from pathlib import Path

PACKAGES = (
    "opencv-python-headless",
    "numpy",
    "pdfplumber",
    "pdfminer.six",
    "pypdfium2",
    "tesserocr",
    "rapidocr-onnxruntime",
    "onnxruntime",
    "rapidfuzz",
    "pandas",
)


def tesseract_version() -> str:
    exe = shutil.which("tesseract")
    if not exe:
        return "missing"
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30, check=False)
    first = (out.stdout or out.stderr).splitlines()
    return first[0].split()[-1] if first else "unknown"


def tessdata() -> str:
    """The English model's file and a short hash: Debian ships several `eng` data packages."""
    exe = shutil.which("tesseract")
    if not exe:
        return "missing"
    out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    head = (out.stdout or "").splitlines()[:1]
    folder = Path(head[0].split('"')[1]) if head and '"' in head[0] else None
    model = folder / "eng.traineddata" if folder else None
    if not model or not model.exists():
        return "eng missing"
    return f"eng.traineddata sha256:{hashlib.sha256(model.read_bytes()).hexdigest()[:12]}"


def word_list() -> str:
    from .extract.textquality import WORD_LISTS

    found = next((p for p in WORD_LISTS if p.exists()), None)
    if found is None:
        return "missing"
    return f"{found} sha256:{hashlib.sha256(found.read_bytes()).hexdigest()[:12]}"


def versions() -> dict[str, str]:
    out = {"tesseract": tesseract_version(), "tessdata": tessdata(), "word list": word_list()}
    for name in PACKAGES:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out

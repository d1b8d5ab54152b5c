"""The tesseract CLI as a function: a grey image in, TSV words in image pixels out.

pytesseract writes every image as PNG (slow to encode for a 5000 px page) and parses its output
through pandas-free string juggling per call; an uncompressed PGM in a temp dir and one TSV read
cost a fraction of that, which matters when the OCR budget is 1.3x bare tesseract.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True, slots=True)
class TessWord:
    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    conf: float  # 0-1
    line: tuple[int, int, int]  # (block, paragraph, line): words of one printed line share it


def run(
    image: np.ndarray, psm: int, *, whitelist: str = "", lang: str = "eng", dpi: int = 300, timeout: int = 600
) -> list[TessWord]:
    """In-process through tesserocr where it is installed and built on the same tesseract as the
    CLI, else the CLI. `timeout` bounds the CLI only: in-process, a page's time limit is its
    worker's (the parent replaces a worker stuck in C code)."""
    api = _api(lang)
    if api is not None:
        from PIL import Image

        api.SetPageSegMode(psm)
        api.SetVariable("tessedit_char_whitelist", whitelist)
        api.SetVariable("user_defined_dpi", str(dpi))
        api.SetImage(Image.fromarray(image))
        return parse_tsv("header\n" + api.GetTSVText(0))
    return _run_cli(image, psm, whitelist=whitelist, lang=lang, dpi=dpi, timeout=timeout)


_APIS: dict[tuple[int, str], object] = {}


def _api(lang: str):
    """One tesseract API per process and language: a CLI start costs 0.1-0.2 s, an API call 1 ms,
    and a scanned page makes eight calls. Built in the process that uses it (never across a
    fork), on the system's tessdata, and only where tesserocr links the CLI's own tesseract:
    another version reads the scans differently from the one the thresholds were measured on."""
    key = (os.getpid(), lang)
    if key not in _APIS:
        _APIS[key] = _new_api(lang)
    return _APIS[key]


def _new_api(lang: str):
    if os.environ.get("SCOREKIT_TESSERACT") == "cli":
        return None
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        import tesserocr
    except ImportError:
        return None
    out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=False)
    cli = (out.stdout or out.stderr).split("\n")[0].strip()
    if cli != tesserocr.tesseract_version().split("\n")[0].strip():
        return None
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    first = (langs.stdout or langs.stderr).split("\n")[0]
    if first.count('"') < 2:
        return None
    try:
        return tesserocr.PyTessBaseAPI(path=first.split('"')[1], lang=lang)
    except RuntimeError:
        return None


def _run_cli(image: np.ndarray, psm: int, *, whitelist: str, lang: str, dpi: int, timeout: int) -> list[TessWord]:
    import cv2

    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="scorekit-ocr-") as tmp:
        src = Path(tmp) / "in.pgm"
        cv2.imwrite(str(src), image)
        cmd = ["tesseract", str(src), "stdout", "-l", lang, "--psm", str(psm), "--dpi", str(dpi)]
        if whitelist:
            cmd += ["-c", f"tessedit_char_whitelist={whitelist}"]
        cmd.append("tsv")
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout, env=env, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"tesseract failed: {proc.stderr.decode(errors='replace').strip()[:200]}")
    return parse_tsv(proc.stdout.decode("utf-8", errors="replace"))


def parse_tsv(tsv: str) -> list[TessWord]:
    out = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5":
            continue
        text = f[11].strip()
        conf = float(f[10])
        if not text or conf < 0:
            continue
        x, y, w, h = int(f[6]), int(f[7]), int(f[8]), int(f[9])
        out.append(TessWord(text, x, y, x + w, y + h, conf / 100, (int(f[2]), int(f[3]), int(f[4]))))
    return out

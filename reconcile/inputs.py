"""Observations for reconciling: extracted-and-matched tables, or PDFs extracted and matched here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd


class InputError(ValueError):
    """One line naming the file and the problem."""


def sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def matcher(catalogue: str | Path | None = None, decisions: str | Path | None = None):
    from ..match import catalogue as catmod
    from ..match import decisions as decmod
    from ..match.matcher import Matcher

    try:
        return Matcher(catmod.load(catalogue), decmod.load(decisions))
    except (catmod.CatalogueError, decmod.DecisionsError) as exc:
        raise InputError(str(exc)) from None


def match_frame(df: pd.DataFrame, m=None) -> pd.DataFrame:
    from ..match.annotate import annotate

    if len(df) == 0:
        return df.assign(canonical_id=pd.Series(dtype="string"))
    return annotate(df, m or matcher())[0]


def _provisional(df: pd.DataFrame, m) -> pd.DataFrame:
    """Matched earlier: names left without an id get their provisional identity, and provisional
    ones a reviewer has mapped since move to the canonical id (see `match/provisional.py`)."""
    from ..match import provisional
    from ..match.annotate import settle

    return settle(provisional.fill(df), m)


def extract_pdf(path: Path, m=None) -> tuple[pd.DataFrame, object]:
    from ..extract.pipeline import ExtractError, extract_file

    try:
        res = extract_file(path)
    except ExtractError as exc:
        raise InputError(f"{path}: {exc}") from None
    df = match_frame(res.observations, m)
    df["path"] = str(path.resolve())
    df["sha256"] = sha256(path)
    return df, res


def _is_pdf(path: Path) -> bool:
    if path.suffix.lower() == ".pdf":
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


def load(paths: list[Path], catalogue=None, match_decisions=None) -> pd.DataFrame:
    from ..match import io as obsio

    frames = []
    m = None
    for p in paths:
        p = Path(p)
        if str(p) != "-" and not p.exists():
            raise InputError(f"{p}: no such file")
        if str(p) != "-" and _is_pdf(p):
            m = m or matcher(catalogue, match_decisions)
            frames.append(extract_pdf(p, m)[0])
            continue
        try:
            df = obsio.read(p)
        except obsio.ObservationsError as exc:
            raise InputError(str(exc)) from None
        m = m or matcher(catalogue, match_decisions)
        df = match_frame(df, m) if "canonical_id" not in df.columns else _provisional(df, m)
        frames.append(df)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

"""A provisional identity for names the catalogue does not (yet) hold, so nothing is dropped downstream.

Two editions of another council's scorecard print the same names; reconcile, the archive and
`history` group by `canonical_id`, so those rows need an id before a person has mapped them. The
identity is `~PUBLISHER/REF/NAME`: the publisher, the printed ref (its base parts) and the name's
normalised key, the three things that stay put from one edition to the next.

The publisher is a `publisher` column where the observations carry one (a pipeline that knows it
sets it), else the source file's name without what changes between editions: dates, years,
months, quarters and edition numbers (`northshire-scorecard-2023-05.pdf` -> `northshire-scorecard`).
Two publishers whose files are named alike would share provisional ids; a `publisher` column or
`scorekit match --publisher` keeps them apart.

When a reviewer maps a name, `annotate.settle` moves its rows to the canonical id and keeps the
provisional one in `provisional_id`, so its history is found under either.
"""

from __future__ import annotations

import re
from pathlib import PurePath

import pandas as pd

from .matcher import ref_parts
from .normalise import key

RULE_PROVISIONAL = "provisional"
PREFIX = "~"
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
_EDITION = re.compile(r"^(?:\d+|(?:19|20)\d{2}\w*|q[1-4]|fy\d*|v\d+|ed\d*|edition|draft|final|rev\d*)$")


def publisher_of(source: str) -> str:
    """The file's name without its edition: dates, years, months, quarters, version numbers."""
    stem = PurePath(str(source or "")).stem.lower()
    words = [w for w in re.split(r"[^a-z0-9]+", stem) if w]
    kept = [w for w in words if w not in _MONTHS and not _EDITION.match(w)]
    return "-".join(kept) or "unknown"


def provisional_id(publisher: str, ref: str, name: str) -> str:
    slug = re.sub(r"\s+", "-", key(name).split(" [")[0].strip()) or "unnamed"
    refs = "+".join(sorted(ref_parts(ref))).lower() or "-"
    return f"{PREFIX}{publisher}/{refs}/{slug}"


def is_provisional(canonical_id: str) -> bool:
    return str(canonical_id or "").startswith(PREFIX)


def publishers(df: pd.DataFrame, fixed: str | None = None) -> pd.Series:
    """Per row: `fixed`, else the `publisher` column where set, else from the source file's name."""
    if fixed:
        return pd.Series([fixed] * len(df), index=df.index, dtype=object)
    source = df["source"] if "source" in df.columns else pd.Series([""] * len(df), index=df.index)
    derived = source.astype("string").fillna("").map(publisher_of)
    if "publisher" not in df.columns:
        return derived.astype(object)
    given = df["publisher"].astype("string").fillna("").str.strip().str.lower()
    return given.where(given != "", derived).astype(object)


def fill(df: pd.DataFrame, fixed_publisher: str | None = None) -> pd.DataFrame:
    """Rows with an indicator name and no canonical id get their provisional identity."""
    out = df.copy()
    if "canonical_id" not in out.columns:
        out["canonical_id"] = ""
    cid = out["canonical_id"].astype("string").fillna("")
    names = out["indicator"].astype("string").fillna("") if "indicator" in out.columns else cid.map(lambda _: "")
    todo = (cid == "") & (names != "")
    if not todo.any():
        return out
    pub = publishers(out, fixed_publisher)
    refs = out["ref"].astype("string").fillna("") if "ref" in out.columns else names.map(lambda _: "")
    ids = {(p, r, n): provisional_id(p, r, n) for p, r, n in zip(pub[todo], refs[todo], names[todo], strict=True)}
    out["canonical_id"] = out["canonical_id"].astype(object)
    out.loc[todo, "canonical_id"] = [ids[(p, r, n)] for p, r, n in zip(pub[todo], refs[todo], names[todo], strict=True)]
    if "match_rule" in out.columns:
        out["match_rule"] = out["match_rule"].astype(object)
        out.loc[todo, "match_rule"] = RULE_PROVISIONAL
    return out

"""How well and how fast indicator matching works, on the hand-labelled set and at scale.

Two accuracy figures, because one alone misleads:
- in-catalogue: every labelled name against the shipped catalogue (which holds them as aliases):
  what a run over already-catalogued documents gets.
- held-out document: each document's names against a catalogue built from the *other* documents
  only, so every rename has to be found by the matcher, not looked up. Names whose indicator
  exists only in the held-out document should come back unmatched (a candidate new indicator).

Run: `.venv/bin/python benchmarks/matching.py`
"""

from __future__ import annotations

import csv
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from scorekit.match.catalogue import Alias, Catalogue, Indicator, load
from scorekit.match.matcher import RULE_REVIEW, Matcher, Query

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "match" / "labelled.csv"
TRAPS = ROOT / "tests" / "match" / "traps.csv"


def read_labelled() -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_traps() -> set[frozenset[str]]:
    with TRAPS.open(encoding="utf-8") as f:
        return {frozenset((r["id_a"], r["id_b"])) for r in csv.DictReader(f)}


def queries_for(rows: list[dict[str, str]]) -> list[Query]:
    return [Query.build(r["indicator"], r["ref"], r["period"]) for r in rows]


def without_document(cat: Catalogue, document: str) -> Catalogue:
    """The catalogue as it would be had `document` never been seen."""
    out = Catalogue(version=cat.version)
    for ind in cat:
        kept = [a for a in ind.aliases if a.source != document]
        if kept:
            latest = max(kept, key=lambda a: a.period)
            out.add(Indicator(ind.id, latest.name, ind.unit, ind.polarity, ind.definition, kept))
    return out


def score(rows, results, known_ids, traps) -> dict[str, float]:
    accepted = correct = review = in_cat = new_ok = new_total = trap = 0
    for row, res in zip(rows, results, strict=False):
        truth = row["canonical_id"]
        if truth in known_ids:
            in_cat += 1
        else:
            new_total += 1
            new_ok += res.rule == "unmatched" or res.rule == RULE_REVIEW
        if res.rule == RULE_REVIEW:
            review += 1
        if res.indicator_id:
            accepted += 1
            correct += res.indicator_id == truth
            if res.indicator_id != truth and frozenset((truth, res.indicator_id)) in traps:
                trap += 1
    return {
        "names": len(rows),
        "accepted": accepted,
        "correct": correct,
        "precision": correct / accepted if accepted else 1.0,
        "recall": correct / in_cat if in_cat else 1.0,
        "review": review / len(rows) if rows else 0.0,
        "review_n": review,
        "trap_merges": trap,
        "new_total": new_total,
        "new_kept_apart": new_ok,
    }


def errors(rows, results, limit=40):
    out = []
    for row, res in zip(rows, results, strict=False):
        if res.indicator_id and res.indicator_id != row["canonical_id"]:
            out.append(
                f"  WRONG {row['document']} {row['ref']!r} {row['indicator']!r}: "
                f"{res.indicator_id} (truth {row['canonical_id']}) {res.explanation}"
            )
    return out[:limit]


def pairwise_traps(cat: Catalogue, traps: set[frozenset[str]]) -> int:
    """Every alias of A against a catalogue holding B but not A: it must never be accepted as B."""
    merges = 0
    for pair in traps:
        a, b = sorted(pair)
        for src, dst in ((a, b), (b, a)):
            if src not in cat.indicators or dst not in cat.indicators:
                continue
            sub = Catalogue()
            sub.add(cat.indicators[dst])
            m = Matcher(sub)
            qs = [Query.build(al.name, "", al.period) for al in cat.indicators[src].aliases]
            merges += sum(r.indicator_id == dst for r in m.match_many(qs))
    return merges


# -- synthetic scale test --------------------------------------------------------------------

_AREAS = [
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Team 1",
    "Team 2",
    "Team 3",
    "Locality A",
    "Locality B",
    "Hub 1",
    "Hub 2",
]
_SWAPS = [
    ("Looked after Children", "children in our care"),
    ("Children In Need", "CiN"),
    ("Section 47", "S47"),
    ("Single Assessments", "C&F assessments"),
    ("Child Protection Plan", "CP Plan"),
    ("Percentage of", "%"),
    ("Number of", "No. of"),
]


def synthetic(
    cat: Catalogue, n_entries: int = 2000, n_queries: int = 10000, seed: int = 7
) -> tuple[Catalogue, list[Query]]:
    rng = random.Random(seed)
    real = list(cat)
    big = Catalogue()
    i = 0
    while len(big) < n_entries:
        base = real[i % len(real)]
        area = _AREAS[(i // len(real)) % len(_AREAS)] if i >= len(real) else ""
        name = f"{base.name} ({area})" if area else base.name
        iid = f"{base.id}_{i}"
        big.add(
            Indicator(iid, name, base.unit, base.polarity, base.definition, [Alias("2020-01", "synthetic", "", name)])
        )
        i += 1
    entries = list(big)
    queries = []
    for _ in range(n_queries):
        name = rng.choice(entries).name
        for old, new in _SWAPS:
            if old in name and rng.random() < 0.5:
                name = name.replace(old, new)
        r = rng.random()
        if r < 0.3:
            name = name.lower()
        elif r < 0.5:
            name = name + " in the month"
        elif r < 0.7 and len(name) > 12:
            k = rng.randrange(2, len(name) - 2)
            name = name[:k] + name[k + 1] + name[k] + name[k + 2 :]
        queries.append(Query.build(name, f"S{rng.randrange(1000)}", "2021-03"))
    return big, queries


def main() -> int:
    cat = load()
    rows = read_labelled()
    traps = read_traps()
    known = set(cat.indicators)

    full = Matcher(cat).match_many(queries_for(rows))
    s_full = score(rows, full, known, traps)

    held_rows, held_results, held_known = [], [], set()
    by_doc = defaultdict(list)
    for r in rows:
        by_doc[r["document"]].append(r)
    per_doc = {}
    for doc, drows in sorted(by_doc.items()):
        sub = without_document(cat, doc)
        res = Matcher(sub).match_many(queries_for(drows))
        per_doc[doc] = score(drows, res, set(sub.indicators), traps)
        held_rows += drows
        held_results += res
        held_known |= {r["canonical_id"] for r in drows if r["canonical_id"] in sub.indicators}
        for r in drows:
            r["_in_sub"] = r["canonical_id"] in sub.indicators
    # recall counts only names whose indicator the reduced catalogue still holds
    acc = sum(p["accepted"] for p in per_doc.values())
    cor = sum(p["correct"] for p in per_doc.values())
    in_cat = sum(bool(r["_in_sub"]) for r in held_rows)
    rev = sum(p["review_n"] for p in per_doc.values())
    s_held = {
        "names": len(held_rows),
        "accepted": acc,
        "correct": cor,
        "precision": cor / acc if acc else 1.0,
        "recall": cor / in_cat if in_cat else 1.0,
        "review": rev / len(held_rows),
        "review_n": rev,
        "trap_merges": sum(p["trap_merges"] for p in per_doc.values()),
        "new_total": sum(p["new_total"] for p in per_doc.values()),
        "new_kept_apart": sum(p["new_kept_apart"] for p in per_doc.values()),
    }
    pair_merges = pairwise_traps(cat, traps)

    big, queries = synthetic(cat)
    t0 = time.perf_counter()
    m = Matcher(big)
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    m.match_many(queries)
    t_match = time.perf_counter() - t0

    print(
        f"catalogue: {len(cat)} indicators, {sum(len(i.aliases) for i in cat)} aliases; "
        f"labelled names: {len(rows)}; trap pairs: {len(traps)}"
    )
    print()
    print(
        f"{'evaluation':<28}{'names':>6}{'precision':>11}{'recall':>8}{'review':>8}{'traps':>7}{'new kept apart':>16}"
    )
    for label, s in (("in-catalogue (exact alias)", s_full), ("held-out document", s_held)):
        print(
            f"{label:<28}{s['names']:>6}{s['precision']:>11.3f}{s['recall']:>8.3f}"
            f"{s['review']:>8.1%}{s['trap_merges']:>7}"
            f"{str(s['new_kept_apart']) + '/' + str(s['new_total']):>16}"
        )
    for doc, s in per_doc.items():
        print(
            f"  {doc:<26}{s['names']:>6}{s['precision']:>11.3f}{s['recall']:>8.3f}"
            f"{s['review']:>8.1%}{s['trap_merges']:>7}"
            f"{str(s['new_kept_apart']) + '/' + str(s['new_total']):>16}"
        )
    print(f"pairwise trap test (each alias of A vs a catalogue holding only B): {pair_merges} merges")
    print(f"scale: {len(queries):,} names x {len(big):,} entries: match {t_match:.2f} s (index build {t_build:.2f} s)")
    total = t_build + t_match
    print()
    print("targets: precision >= 0.99, recall >= 0.97, review <= 5%, trap merges 0, scale < 5 s")
    for label, s in (("in-catalogue", s_full), ("held-out", s_held)):
        verdict = [
            ("precision", s["precision"] >= 0.99),
            ("recall", s["recall"] >= 0.97),
            ("review", s["review"] <= 0.05),
            ("traps", s["trap_merges"] == 0),
        ]
        print(f"  {label:<13}" + "  ".join(f"{k} {'ok' if v else 'MISSED'}" for k, v in verdict))
    print(
        f"  scale         {'ok' if total < 5 else 'MISSED'} ({total:.2f} s incl. index build); "
        f"pairwise traps {'ok' if pair_merges == 0 else 'MISSED'}"
    )
    if "-v" in sys.argv:
        print("\n".join(errors(held_rows, held_results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How well and how fast indicator matching works.

- Unseen wording (`tests/match/unseen.csv`), development and validation parts apart: paraphrases
  given the right id / sent to review / given a wrong id; traps merged with their near miss;
  novel indicators given an existing id. The validation part is never tuned on.
- The blind set (`tests/match/fresh.csv`): a second validation part, written without sight of
  the matcher's answers; measured, never tuned on.
- Probes (`tests/match/probes.csv`): wordings written to tune on, reported apart.
- The seed documents (`tests/match/labelled.csv`): each document's names against a catalogue
  built from the *other* documents (held-out document), so every rename has to be found by the
  matcher: precision and recall.
- Trap pairs (`tests/match/traps.csv`): every alias of A against a catalogue holding only B.
- Edited names: every catalogue name with one edit that changes what it measures (in the month ->
  year to date, started -> completed, 10 -> 15 working days, children -> families, CLA -> UASC,
  per 10,000 -> per 1,000, a target or England column, ...): how many still get the original's
  id; edits that leave the measure as it is (a gloss, a double negative, a word the name says
  elsewhere: `_gloss` says why, `-v` lists them) are counted apart.
- Scale: 10,000 names against 2,000 entries.

Run: `.venv/bin/python benchmarks/matching.py` (`-v` lists the errors; `--dev` lists the
development part's misses with the matcher's explanation, never the validation part's; `--probes` lists
the probes' misses, both sets (`R` marks real wording); `--calibrate` prints the
threshold sweep on the development part and the seed documents that the thresholds were read from).
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scorekit.match import evaluation as ev
from scorekit.match.catalogue import Alias, Catalogue, Indicator, Sighting, load
from scorekit.match.evaluation import without_document
from scorekit.match.matcher import Matcher, Query, Result

ROOT = Path(__file__).resolve().parent.parent
UNSEEN = ROOT / "tests" / "match" / "unseen.csv"
LABELLED = ROOT / "tests" / "match" / "labelled.csv"
TRAPS = ROOT / "tests" / "match" / "traps.csv"
PROBES = ROOT / "tests" / "match" / "probes.csv"
FRESH = ROOT / "tests" / "match" / "fresh.csv"
PROBES2 = ROOT / "tests" / "match" / "probes2.csv"
PROBES3 = ROOT / "tests" / "match" / "probes3.csv"
PROBES4 = ROOT / "tests" / "match" / "probes4.csv"
PROBES5 = ROOT / "tests" / "match" / "probes5.csv"
PROBES6 = ROOT / "tests" / "match" / "probes6.csv"
PROBES7 = ROOT / "tests" / "match" / "probes7.csv"
PROBES8 = ROOT / "tests" / "match" / "probes8.csv"
PROBES9 = ROOT / "tests" / "match" / "probes9.csv"
PROBES10 = ROOT / "tests" / "match" / "probes10.csv"
PROBES11 = ROOT / "tests" / "match" / "probes11.csv"
PROBES12 = ROOT / "tests" / "match" / "probes12.csv"
PROBES13 = ROOT / "tests" / "match" / "probes13.csv"
PROBES14 = ROOT / "tests" / "match" / "probes14.csv"
PROBES15 = ROOT / "tests" / "match" / "probes15.csv"
PROBES16 = ROOT / "tests" / "match" / "probes16.csv"
PROBES17 = ROOT / "tests" / "match" / "probes17.csv"  # generated: tests/match/generate_probes17.py
PROBES17B = ROOT / "tests" / "match" / "probes17b.csv"  # the same, from the probes' published titles
PROBES18 = ROOT / "tests" / "match" / "probes18.csv"
PROBES19 = ROOT / "tests" / "match" / "probes19.csv"
PROBES20 = ROOT / "tests" / "match" / "probes20.csv"
PROBES21 = ROOT / "tests" / "match" / "probes21.csv"  # real published titles only
PROBES22 = ROOT / "tests" / "match" / "probes22.csv"  # real published titles, mostly traps
PROBES23 = ROOT / "tests" / "match" / "probes23.csv"  # one axis of a published wording changed
PROBES24 = ROOT / "tests" / "match" / "probes24.csv"  # paraphrases in publications not drawn on before
PROBES25 = ROOT / "tests" / "match" / "probes25.csv"  # real published titles, labelled before the run
PROBES26 = ROOT / "tests" / "match" / "probes26.csv"  # real published titles from sources no set drew on
REAL = "real wording"  # probes whose source is a published title, not a written one


# -- unseen wording ---------------------------------------------------------------------------


def unseen_results(matcher: Matcher, rows: Sequence[ev.Labelled]) -> list[Result]:
    return matcher.match_many([Query.build(r.name, r.ref, r.period) for r in rows])


def development_misses(rows: Sequence[ev.Labelled], results: Sequence[Result]) -> None:
    """Every development name not given its answer, with the matcher's explanation. Validation
    rows are never listed: they are measured, not looked at."""
    for row, res in zip(rows, results, strict=True):
        if row.split != "development" or res.indicator_id == (row.answer if row.answer != ev.NEW else ""):
            continue
        if row.kind != "paraphrase" and not res.indicator_id:
            continue
        got = res.indicator_id or res.rule
        print(f"  {row.kind:<10} {row.name!r} -> {got} (answer {row.answer}): {res.explanation}")


def unseen_table(rows: Sequence[ev.Labelled], results: Sequence[Result], verbose: bool) -> None:
    print(
        f"{'unseen wording':<16}{'paraphrases: right / review / wrong':>38}{'traps merged':>15}{'novel given id':>16}"
    )
    for part in ev.SPLITS:
        idx = [i for i, r in enumerate(rows) if r.split == part]
        held_out_line(part, [rows[i] for i in idx], [results[i] for i in idx], verbose)


def held_out_line(label: str, rows: Sequence[ev.Labelled], results: Sequence[Result], verbose: bool) -> None:
    s = ev.score(rows, results)
    p, t, n = s.paraphrase, s.trap, s.novel
    para = f"{p.rate(p.right):.1%} / {p.rate(p.review):.1%} / {p.wrong + p.merged} of {p.names}"
    print(f"{label:<16}{para:>38}{f'{t.merged} of {t.names}':>15}{f'{n.wrong} of {n.names}':>16}")
    print(f"{label:<16}traps: {t.right} given the right id, {t.review} to review, {t.wrong} another wrong id")
    if verbose:
        for kind in ev.KINDS:
            for w in s.of(kind).wrong_names:
                print(f"{'':<16}WRONG {kind}: {w}")


def fresh_table(matcher: Matcher, verbose: bool) -> None:
    """The blind set (`tests/match/fresh.csv`): written by someone who never saw the matcher's
    answers, measured, never tuned on: a second validation part, larger than the first."""
    rows = ev.read(FRESH)
    held_out_line("fresh (blind)", rows, unseen_results(matcher, rows), verbose)


def probe_misses(rows: Sequence[ev.Labelled], results: Sequence[Result]) -> None:
    """Every probe paraphrase not given its answer, every probe trap merged and every novel probe
    given an id, with the matcher's explanation (real wording marked)."""
    for row, res in zip(rows, results, strict=True):
        answer = row.answer if row.answer != ev.NEW else ""
        if row.kind == "paraphrase" and res.indicator_id == answer:
            continue
        if row.kind == "trap" and res.indicator_id != row.near_miss:
            continue
        if row.kind == "novel" and not res.indicator_id:
            continue
        got = res.indicator_id or res.rule
        real = "R" if REAL in row.source else " "
        print(f"  {real} {row.kind:<10} {row.name!r} -> {got} (answer {row.answer}): {res.explanation}")


def probe_table(matcher: Matcher, misses: bool = False) -> None:
    """Wordings written to tune on (`tests/match/probes.csv`, none in the unseen set): how far the
    mechanisms tuned on them hold, next to the validation part that nothing was tuned on. A probe
    trap's own answer is unknown: only its merge with the near miss is counted. Probes copied from
    published titles (their source says `real wording`) are also counted apart."""
    rows = ev.read(PROBES)
    results = unseen_results(matcher, rows)
    real = [i for i, r in enumerate(rows) if REAL in r.source]
    for label, idx in (("probes (tuned)", range(len(rows))), ("  real wording", real)):
        s = ev.score([rows[i] for i in idx], [results[i] for i in idx])
        p, t, n = s.paraphrase, s.trap, s.novel
        para = f"{p.rate(p.right):.1%} / {p.rate(p.review):.1%} / {p.wrong + p.merged} of {p.names}"
        print(f"{label:<16}{para:>38}{f'{t.merged} of {t.names}':>15}{f'{n.wrong} of {n.names}':>16}")
    if misses:
        probe_misses(rows, results)


def probes2_table(matcher: Matcher, misses: bool = False, path: Path = PROBES2, label: str = "probes2 (new)") -> None:
    """The fifteenth session's probes (`tests/match/probes2.csv`, and its second helper's
    `probes3.csv`), the sixteenth session's (`probes4.csv`, `probes5.csv`), the seventeenth's
    (`probes6.csv`, `probes7.csv`), the eighteenth's (`probes8.csv`), the nineteenth's
    (`probes9.csv`), the twentieth's (`probes10.csv`), the twenty-first's (`probes11.csv`) and the
    twenty-second's (`probes12.csv`), the twenty-third's (`probes13.csv`), the twenty-fourth's
    (`probes14.csv`), the twenty-sixth's (`probes15.csv`) and the twenty-seventh's (`probes16.csv`,
    and `probes17.csv`/`probes17b.csv`, made by `tests/match/generate_probes17.py` from the
    catalogue's names and from the probes' published titles), the thirtieth's (`probes18.csv`) and the
    thirty-first's (`probes19.csv`), the thirty-second's (`probes20.csv`), the thirty-third's
    (`probes21.csv`, real published titles only), the thirty-fifth's (`probes22.csv`, real
    published titles, mostly traps), the thirty-sixth's (`probes23.csv`, one axis of a
    published wording changed at a time) and the thirty-seventh's (`probes24.csv`, paraphrases in
    the wording of publications not drawn on before, with one-axis traps beside them) and the
    thirty-eighth's (`probes25.csv`, real published titles from sources no earlier set drew on) and
    the thirty-ninth's (`probes26.csv`, real published titles: FOI answers, minutes, DfE and Ofsted):
    written before the matcher was run on
    them, measured once untouched, then tuned on; reported apart from the older probes."""
    rows = ev.read(path)
    results = unseen_results(matcher, rows)
    s = ev.score(rows, results)
    p, t, n = s.paraphrase, s.trap, s.novel
    para = f"{p.rate(p.right):.1%} / {p.rate(p.review):.1%} / {p.wrong + p.merged} of {p.names}"
    print(f"{label:<16}{para:>38}{f'{t.merged} of {t.names}':>15}{f'{n.wrong} of {n.names}':>16}")
    if misses:
        probe_misses(rows, results)


# -- seed documents, held out -----------------------------------------------------------------


@dataclass
class SeedRow:
    document: str
    period: str
    ref: str
    name: str
    answer: str


def read_seed_rows() -> list[SeedRow]:
    import csv

    with LABELLED.open(encoding="utf-8", newline="") as f:
        return [
            SeedRow(r["document"], r["period"], r["ref"], r["indicator"], r["canonical_id"]) for r in csv.DictReader(f)
        ]


@dataclass
class Held:
    names: int = 0
    accepted: int = 0
    correct: int = 0
    in_catalogue: int = 0
    review: int = 0
    new_total: int = 0
    new_kept_apart: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.accepted if self.accepted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.in_catalogue if self.in_catalogue else 1.0


def held_out(cat: Catalogue, rows: list[SeedRow], errors: list[str], **kw: float) -> Held:
    by_doc: dict[str, list[SeedRow]] = defaultdict(list)
    for r in rows:
        by_doc[r.document].append(r)
    h = Held()
    for doc, drows in sorted(by_doc.items()):
        sub = without_document(cat, doc)
        results = Matcher(sub, **kw).match_many([Query.build(r.name, r.ref, r.period) for r in drows])  # type: ignore[arg-type]
        for r, res in zip(drows, results, strict=True):
            h.names += 1
            known = r.answer in sub.indicators
            h.in_catalogue += known
            h.new_total += not known
            h.new_kept_apart += (not known) and not res.indicator_id
            h.review += res.rule == "review"
            if res.indicator_id:
                h.accepted += 1
                h.correct += res.indicator_id == r.answer
                if res.indicator_id != r.answer:
                    errors.append(
                        f"{doc} {r.ref!r} {r.name!r}: {res.indicator_id} (answer {r.answer}) {res.explanation}"
                    )
    return h


def pairwise_traps(cat: Catalogue, **kw: float) -> int:
    import csv

    with TRAPS.open(encoding="utf-8") as f:
        pairs = [(r["id_a"], r["id_b"]) for r in csv.DictReader(f)]
    merges = 0
    for a, b in pairs:
        for src, dst in ((a, b), (b, a)):
            sub = Catalogue()
            sub.add(cat.indicators[dst])
            qs = [Query.build(al.name, "", al.first.period) for al in cat.indicators[src].aliases]
            merges += sum(r.indicator_id == dst for r in Matcher(sub, **kw).match_many(qs))  # type: ignore[arg-type]
    return merges


# -- edited names -----------------------------------------------------------------------------

# One edit that changes what a name measures: its period, stage, timescale, unit, who is counted,
# which way it counts. A name so edited that still gets its original's id is a merged trap,
# unless the edit leaves the measure as it is (a gloss, a double negative).
_EDITS: list[tuple[str, tuple[str, ...]]] = [
    (r"\bin the month\b", ("rolling 12 months", "year to date", "during the year")),
    (r"\bin month\b", ("(rolling 12 months)", "year to date")),
    (r"\bstarted\b", ("completed",)),
    (r"\bcompleted\b", ("started",)),
    (r"\b10 working days\b", ("15 working days",)),
    (r"\b15 working days\b", ("10 working days", "20 working days")),
    (r"\b45 working days\b", ("20 working days",)),
    (r"^Number of\b", ("Percentage of", "Rate per 10,000 of")),
    (r"^Percentage of\b", ("Number of",)),
    (r"\(not CWD\)", ("(CWD)",)),
    (r"\(CWD\)", ("(not CWD)",)),
    (r"\brepeat\b", ("first",)),
    (r"\b12 months\b", ("24 months", "6 months")),
    (r"\b6 months\b", ("3 months",)),
    (r"\b4 weeks\b", ("6 weeks",)),
    (r"\bwithin\b", ("outside",)),
    (r"\bincluding\b", ("excluding",)),
    (r"\bexcluding\b", ("including",)),
    (r"\bsuitable\b", ("unsuitable",)),
    (r"\bin contact\b", ("not in contact",)),
    (r"\bat period end\b", ("during the period",)),
    (r"\bchildren\b", ("families",)),
    (r"\bnew\b", ("closed",)),
    (r"\bopened\b", ("closed",)),
    (r"\bstepped up\b", ("stepped down",)),
    (r"\bIFA\b", ("in-house",)),
    # round 16: axes the list above left out, written before the matcher was run on them
    # population: all children, CWD, UASC, care leavers of an age band, under 5
    (r"\bCLA\b", ("all children", "UASC", "CWD")),
    (r"\bLooked after Children\b", ("care leavers", "disabled children")),
    (r"\bchildren\b", ("children under 5", "children with disabilities")),
    (r"\bcare leavers\b", ("care leavers aged 17-18", "care leavers aged 19-21")),
    (r"\bexcluding UASC\b", ("UASC only",)),
    (r"\bwho are UASC\b", ("who are not UASC",)),
    (r"\b16\+", ("16-17",)),
    (r"\b16-17 year olds\b", ("16-18 year olds",)),
    (r"\b16 \u2013 18 year olds\b", ("16-17 year olds",)),
    (r"\bunder 18\b", ("under 5",)),
    (r"\b0-17\b", ("0-4",)),
    # rate units
    (r"\bper 10,000\b", ("per 1,000", "per 100,000")),
    (r"\bper 100,000\b", ("per 10,000",)),
    # first vs second or subsequent, repeat within a window
    (r"\bfirst time\b", ("second or subsequent time",)),
    (r"\bat any time\b", ("within the last 2 years",)),
    (r"\b2nd or more\b", ("first",)),
    (r"\bre-referrals\b", ("first referrals",)),
    (r"\bnew referrals\b", ("re-referrals",)),
    # open vs ceased vs started
    (r"\bopen\b", ("closed", "new")),
    (r"\bceased\b", ("started",)),
    (r"\bceasing\b", ("starting",)),
    (r"\bnew\b", ("ceased",)),
    (r"\bsubject to\b", ("becoming subject to", "ceasing to be subject to")),
    # actual vs target; the authority's figure vs England, statistical neighbours, region
    (
        r"$",
        (
            " - target",
            " (target)",
            " - England",
            " (England average)",
            " - statistical neighbours",
            " (SN average)",
            " - region",
            " (regional average)",
        ),
    ),
    (r"^", ("Target: ", "England average - ")),
    # numerator vs denominator
    (r"^((?:Percentage|%) .*)$", (r"\1 - numerator", r"\1 (denominator)")),
    # snapshot vs cumulative
    (r"\b(?:as )?at (?:the )?end of (?:the )?(?:month|period)\b", ("in the year to date", "during the year")),
    (r"\bin the month\b", ("at the end of the month",)),
    (r"\bin period\b", ("at period end",)),
    (r"\bduring the period\b", ("at period end",)),
    # early help vs statutory
    (r"\bEarly Help\b", ("children's social care", "statutory services")),
    (r"\bstatutory service\b", ("early help",)),
    (r"\bChildren In Need\b", ("Early Help",)),
    # lasting 2+ years vs not
    (r"\bfor 15\+ months\b", ("for 2 years or more",)),
    (r" for 15\+ months\b", ("",)),
    (r"\bCP plans?\b", ("CP plan lasting 2 years or more",)),
    (r"\b(?:12\+ months|12\+m|a year\+)", ("2+ years",)),
]


_PERIOD_EDITS = ("during the year",)
# Edits no rule above recognises that leave one entry's measure as it is, each with the reason.
_SAME_MEASURE: dict[tuple[str, str], str] = {
    ("cpp_repeat_pct", "becoming subject to"): "its definition counts children becoming subject to a plan (NI 65)",
    ("icpc_in_timescale", "becoming subject to"): "a child becomes subject to a conference by being subject to one",
    ("cp_transfer_ins_to_cpp_pct", "becoming subject to"): "'became becoming subject to' says 'became' twice",
}
_DENIALS = frozenset({"not", "non", "no", "excluding"})


def _opened(name: str, at: int) -> int:
    """Where the parenthesis open at `at` begins (one a name leaves unclosed too), or `at`."""
    depth = 0
    for i in range(at - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(name[i], 0)
        if depth < 0:
            return i
    return at


def _gloss(ind: Indicator, name: str, edited: str, at: tuple[int, int], replacement: str) -> str:
    """Why an edit leaves the measure as it is, or "": it denies a denial (a double negative);
    it writes the unit the name already states elsewhere (`Number of ... rate per 10,000` ->
    `Rate per 10,000 of ... rate per 10,000`); it rewrites words of a note (after `NB`) or a
    member of a list of what a count includes (`(includes plans completed, and those still
    open)`: another member leaves nothing out); the name still says what the edit replaced
    (`Children Looked After (CLA)` -> `Children Looked After (all children)`) or already says
    what it writes (`CLA who are UASC` -> `UASC who are UASC`) or what the entry's recorded
    population says (care leavers aged 19-21); or it writes the year for a share
    whose entry carries a name counting over the document's period (`during period`): a share's
    year is its window, as the probes label it. `_SAME_MEASURE` lists the few left, with reasons."""
    import re

    from scorekit.match.normalise import unit_from_name

    if re.search(r"\bnot\s+\(?not\b", edited, flags=re.I):
        return "a double negative"
    if (ind.id, replacement) in _SAME_MEASURE:
        return _SAME_MEASURE[(ind.id, replacement)]
    start = at[0]
    said = name[at[0] : at[1]]
    if unit_from_name(said) and unit_from_name(replacement) == unit_from_name(name) != unit_from_name(said):
        return f"the name states its unit ({unit_from_name(name)}) elsewhere"
    if at[1] > start and re.search(r"\bNB\b", name[:start]):
        return "in a note (after NB)"
    if re.match(r"\(\s*includ", name[_opened(name, start) :], flags=re.I):
        return "in a parenthesis listing what the count includes (another member there leaves out nothing)"
    return _said_elsewhere(ind, name, edited, at, replacement)


def _said_elsewhere(ind: Indicator, name: str, edited: str, at: tuple[int, int], replacement: str) -> str:
    """`_gloss`'s word checks: what the edit replaced or writes is said elsewhere."""
    from scorekit.match.normalise import vocabulary

    v = vocabulary()

    def toks(text: str) -> set[str]:
        return set(v.tokens(v.canonical(text)[0]))

    said = name[at[0] : at[1]]
    rest = toks(name[: at[0]] + " " + name[at[1] :])  # the name without what the edit replaced
    lost, written = toks(said) - toks(edited), toks(replacement)
    if said and toks(said) and toks(said) <= rest:
        return "the name still says what the edit replaced"
    if written and written <= toks(name) and not lost & _DENIALS and not v.facts(replacement).basis:
        return "it writes what the name already says"
    if written and written <= toks(ind.population) and not lost & _DENIALS:
        return f"it writes the entry's recorded population ({ind.population})"
    any_period = any(v.facts(n).any_period for n in ind.names)
    if replacement in _PERIOD_EDITS and ind.unit == "percent" and any_period:
        return "a share's period: the entry counts over the document's period"
    return ""


def edited_names(cat: Catalogue) -> tuple[int, list[str], list[str]]:
    """Every catalogue name with one meaning-changing edit: how many editions there are, those
    given the original's id, and those of them whose edit leaves the measure as it is (a gloss,
    a double negative: `_gloss` says why)."""
    import re

    matcher = Matcher(cat)
    found: dict[tuple[str, str, str], str] = {}
    for ind in cat:
        for name in ind.names:
            for pattern, replacements in _EDITS:
                m = re.search(pattern, name, flags=re.I)
                if m is None:
                    continue
                for r in replacements:
                    edited = re.sub(pattern, r, name, count=1, flags=re.I)
                    if edited != name and (ind.id, name, edited) not in found:
                        found[(ind.id, name, edited)] = _gloss(ind, name, edited, m.span(), m.expand(r))
    made = sorted(found)
    results = matcher.match_many([Query.build(e) for _, _, e in made])
    kept, glosses = [], []
    for (iid, n, e), res in zip(made, results, strict=True):
        if res.indicator_id == iid:
            why = found[(iid, n, e)]
            (glosses if why else kept).append(f"{iid}: {e!r} (from {n!r})" + (f" [gloss: {why}]" if why else ""))
    return len(made), kept, glosses


# -- scale ------------------------------------------------------------------------------------

_AREAS = ["North", "South", "East", "West", "Central", "Team 1", "Team 2", "Team 3", "Locality A", "Locality B"]
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
    rng = random.Random(seed)  # noqa: S311 (a fixed seed for a reproducible synthetic set, not security)
    real = list(cat)
    big = Catalogue()
    i = 0
    while len(big) < n_entries:
        base = real[i % len(real)]
        area = _AREAS[(i // len(real)) % len(_AREAS)] if i >= len(real) else ""
        name = f"{base.name} ({area})" if area else base.name
        alias = Alias(
            base.aliases[0].ref if base.aliases else "",
            name,
            Sighting("2020-01", "synthetic"),
            Sighting("2020-01", "synthetic"),
        )
        big.add(Indicator(f"{base.id}_{i}", name, base.unit, base.polarity, base.definition, [alias], base.time_basis))
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


def scale(cat: Catalogue, repeat: int) -> tuple[float, float]:
    """Best of `repeat`: index build and matching, each in a fresh matcher (no warm caches)."""
    big, queries = synthetic(cat)
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        from scorekit.match.normalise import Vocabulary, vocabulary

        fresh = Vocabulary(vocabulary().profile)
        t0 = time.perf_counter()
        m = Matcher(big, vocab=fresh)
        t1 = time.perf_counter()
        m.match_many(queries)
        t2 = time.perf_counter()
        if t2 - t0 < sum(best):
            best = (t1 - t0, t2 - t1)
    return best


# -- calibration ------------------------------------------------------------------------------


@dataclass
class Outcome:
    """A name's best and second-best candidate, to replay any accept threshold and margin."""

    answer: str
    kind: str
    near_miss: str
    top: str
    top_score: float
    gap: float
    exact: bool


def _outcomes(results: Sequence[Result], answers: Sequence[tuple[str, str, str]]) -> list[Outcome]:
    out = []
    for (answer, kind, near), res in zip(answers, results, strict=True):
        if res.rule in ("exact_alias", "decision"):
            out.append(Outcome(answer, kind, near, res.indicator_id, 100.0, 100.0, True))
            continue
        top = res.top
        runner = res.candidates[1] if len(res.candidates) > 1 else None
        gap = top.score - runner.score if top and runner else 100.0
        out.append(Outcome(answer, kind, near, top.indicator_id if top else "", top.score if top else 0.0, gap, False))
    return out


def _given(o: Outcome, accept: float, margin: float) -> str:
    return o.top if o.exact or (o.top_score >= accept and o.gap >= margin) else ""


def _seed_outcomes(cat: Catalogue, seeds: list[SeedRow], **kw: float) -> list[Outcome]:
    by_doc: dict[str, list[SeedRow]] = defaultdict(list)
    for r in seeds:
        by_doc[r.document].append(r)
    out = []
    for doc, drows in sorted(by_doc.items()):
        sub = without_document(cat, doc)
        m = Matcher(sub, accept=0.0, review=0.0, **kw)  # type: ignore[arg-type]
        res = m.match_many([Query.build(r.name, r.ref, r.period) for r in drows])
        answers = [(r.answer if r.answer in sub.indicators else "new", "seed", "") for r in drows]
        out += _outcomes(res, answers)
    return out


def calibrate(cat: Catalogue, rows: list[ev.Labelled], seeds: list[SeedRow]) -> None:
    """Penalties, accept threshold and margin from the development part and the seed documents
    only: each setting's paraphrases right, and whether anything was given a wrong id."""
    dev = [r for r in rows if r.split == "development"]
    print(
        f"{'soft':>5}{'unseen':>7}{'missing':>8}{'accept':>7}{'margin':>7}{'right':>8}{'wrong':>6}{'merged':>7}{'trap?':>6}"
        f"{'novel':>6}{'seed P':>8}{'seed R':>8}{'pairs':>7}"
    )
    for soft, unseen, missing in itertools.product((10.0, 12.0), (0.0, 3.0, 5.0, 8.0), (10.0, 20.0, 35.0)):
        kw = {"soft_penalty": soft, "unseen_penalty": unseen, "missing_penalty": missing}
        m = Matcher(cat, accept=0.0, review=0.0, **kw)  # type: ignore[arg-type]
        mine = _outcomes(unseen_results(m, dev), [(r.answer, r.kind, r.near_miss) for r in dev])
        theirs = _seed_outcomes(cat, seeds, **kw)
        for accept, margin in itertools.product((74.0, 76.0, 78.0, 80.0, 82.0, 84.0), (3.0, 5.0)):
            pairs = pairwise_traps(cat, accept=accept, margin=margin, **kw)
            _calibration_row(kw, accept, margin, mine, theirs, pairs)


def _calibration_row(
    kw: dict[str, float], accept: float, margin: float, mine: list[Outcome], theirs: list[Outcome], pairs: int
) -> None:
    n = {"right": 0, "wrong": 0, "merged": 0, "trap": 0, "novel": 0, "para": 0}
    for o in mine:
        got = _given(o, accept, margin)
        if o.kind == "paraphrase":
            n["para"] += 1
            n["right"] += got == o.answer
            n["wrong"] += bool(got) and got != o.answer
        elif o.kind == "trap" and got and got != o.answer:
            n["merged" if got == o.near_miss else "trap"] += 1
        elif o.kind == "novel" and got:
            n["novel"] += 1
    given = [(o, _given(o, accept, margin)) for o in theirs]
    accepted = [(o, g) for o, g in given if g]
    correct = sum(g == o.answer for o, g in accepted)
    known = sum(o.answer != "new" for o in theirs)
    p = correct / len(accepted) if accepted else 1.0
    r = correct / known if known else 1.0
    print(
        f"{kw['soft_penalty']:>5.0f}{kw['unseen_penalty']:>7.0f}{kw['missing_penalty']:>8.0f}{accept:>7.0f}{margin:>7.0f}"
        f"{n['right'] / n['para']:>8.1%}{n['wrong']:>6}{n['merged']:>7}{n['trap']:>6}{n['novel']:>6}{p:>8.3f}{r:>8.3f}"
        f"{pairs:>7}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true", help="list every wrong id")
    ap.add_argument("--dev", action="store_true", help="list the development part's misses (never validation's)")
    ap.add_argument("--probes", action="store_true", help="list the probes' misses")
    ap.add_argument("--calibrate", action="store_true", help="the threshold sweep on the development part")
    ap.add_argument("--repeat", type=int, default=3, help="scale timing: best of N")
    args = ap.parse_args()
    cat = load()
    rows = ev.read(UNSEEN)
    seeds = read_seed_rows()
    if args.calibrate:
        calibrate(cat, rows, seeds)
        return 0
    print(
        f"catalogue: {len(cat)} indicators, {sum(len(i.aliases) for i in cat)} aliases; unseen names: {len(rows)}; "
        f"seed names: {len(seeds)}"
    )
    print()
    matcher = Matcher(cat)
    results = unseen_results(matcher, rows)
    unseen_table(rows, results, args.v)
    fresh_table(matcher, args.v)
    probe_table(matcher, args.probes)
    probes2_table(matcher, args.probes)
    probes2_table(matcher, args.probes, PROBES3, "probes3 (new)")
    probes2_table(matcher, args.probes, PROBES4, "probes4 (new)")
    probes2_table(matcher, args.probes, PROBES5, "probes5 (new)")
    probes2_table(matcher, args.probes, PROBES6, "probes6 (new)")
    probes2_table(matcher, args.probes, PROBES7, "probes7 (new)")
    probes2_table(matcher, args.probes, PROBES8, "probes8 (new)")
    probes2_table(matcher, args.probes, PROBES9, "probes9 (new)")
    probes2_table(matcher, args.probes, PROBES10, "probes10 (new)")
    probes2_table(matcher, args.probes, PROBES11, "probes11 (new)")
    probes2_table(matcher, args.probes, PROBES12, "probes12 (new)")
    probes2_table(matcher, args.probes, PROBES13, "probes13 (new)")
    probes2_table(matcher, args.probes, PROBES14, "probes14 (new)")
    probes2_table(matcher, args.probes, PROBES15, "probes15 (new)")
    probes2_table(matcher, args.probes, PROBES16, "probes16 (new)")
    probes2_table(matcher, args.probes, PROBES17, "probes17 (gen.)")
    probes2_table(matcher, args.probes, PROBES17B, "probes17b (gen.)")
    probes2_table(matcher, args.probes, PROBES18, "probes18 (new)")
    probes2_table(matcher, args.probes, PROBES19, "probes19 (new)")
    probes2_table(matcher, args.probes, PROBES20, "probes20 (new)")
    probes2_table(matcher, args.probes, PROBES21, "probes21 (real)")
    probes2_table(matcher, args.probes, PROBES22, "probes22 (real)")
    probes2_table(matcher, args.probes, PROBES23, "probes23 (axes)")
    probes2_table(matcher, args.probes, PROBES24, "probes24 (para.)")
    probes2_table(matcher, args.probes, PROBES25, "probes25 (real)")
    probes2_table(matcher, args.probes, PROBES26, "probes26 (real)")
    if args.dev:
        development_misses(rows, results)
    print()
    errors: list[str] = []
    h = held_out(cat, seeds, errors)
    print(
        f"seed documents, each held out: {h.names} names, precision {h.precision:.3f}, recall {h.recall:.3f}, "
        f"review {h.review / h.names:.1%}, new kept apart {h.new_kept_apart}/{h.new_total}"
    )
    if args.v:
        for e in errors:
            print("  WRONG", e)
    print(f"trap pairs (each alias of A against a catalogue holding only B): {pairwise_traps(cat)} merges")
    made, kept, glosses = edited_names(cat)
    print(
        f"edited names (one meaning-changing edit of a catalogue name): {len(kept)} of {made} given the original's id"
        f" (and {len(glosses)} whose edit leaves the measure as it is)"
    )
    if args.v:
        for k in kept:
            print("  KEPT", k)
        for g in glosses:
            print("  GLOSS", g)
    build, match = scale(cat, args.repeat)
    print(
        f"scale: 10,000 names x 2,000 entries: {build + match:.2f} s (index build {build:.2f} s, "
        f"match {match:.2f} s; best of {args.repeat})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Indicator-name normalisation and the hard guards that no similarity score may override.

Councils rename indicators freely ("Looked after Children" -> "children in our care", "Single
Assessment" -> "C&F assessment"), so similarity is computed on a canonical vocabulary. What the
vocabulary must never blur is what makes two indicators different: the unit (a count, its
percentage and its rate), the numbers in the name (10 vs 15 working days, 3 vs 6 weeks) and a
handful of qualifiers (started vs completed, CWD vs not CWD, UASC vs non-UASC).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

UNITS = ("count", "percent", "rate_per_10k", "rate_per_100k", "days", "weeks", "other")

# Applied in order to lower-cased text; each maps a domain phrase onto one canonical token.
_SYNONYMS: list[tuple[str, str]] = [
    # Referrals to children's social care are referrals of children in need, however worded.
    (r"\breferrals? (in)?to (statutory services?|(children'?s )?social care( services?)?)\b", " referrals of cin "),
    (r"\bc\s*&\s*f\b", " sa "),
    (r"\bchildren and families\b", " sa "),
    (r"\bsingle[\s-]*assessments?\b", " sa "),
    (r"\bsa\s+assessments?\b", " sa "),
    (r"\bsa\b(\s+sa\b)+", " sa "),
    (r"\buniversal help\b", " early help "),
    (r"\b(uha|eha)s?\b", " early help assessment "),
    (r"\b(uhp|ehp)s?\b", " early help plan "),
    (r"\beh\b", " early help "),
    (r"\bchildren looked after\b", " cla "),
    (r"\blooked after child(ren)?\b", " cla "),
    (r"\bchild(ren)? in (our )?care\b", " cla "),
    (r"\bchild(ren)? looked after\b", " cla "),
    (r"\blooked after\b", " cla "),
    (r"\b(lac|cla)s?\b", " cla "),
    # A child leaving care is a looked-after child whose care ceased (not a care leaver).
    (r"\b(child(ren)? |young people )?leaving care\b", " cla ceased "),
    (r"\bchild(ren)? in need\b", " cin "),
    (r"\bcins?\b", " cin "),
    (r"\bsection\s*47s?\b", " s47 "),
    (r"\bs\.?\s?47s?\b", " s47 "),
    (r"\binitial child protection conferences?\b", " icpc "),
    (r"\bicpcs?\b", " icpc "),
    (r"\breview child protection conferences?\b", " rcpc "),
    (r"\brcpcs?\b", " rcpc "),
    (r"\bchild protection( cp)? plans?\b", " cpp "),
    (r"\bcp plans?\b", " cpp "),
    (r"\bcpps?\b", " cpp "),
    (r"\bchild protection\b", " cp "),
    (r"\bunaccompanied asylum seeking child(ren)?\b", " uasc "),
    (r"\buascs?\b", " uasc "),
    (r"\bno further action\b", " nfa "),
    (r"\bindependent foster(ing)? agenc(y|ies)\b", " ifa "),
    (r"\bifas?( placements?)?\b", " ifa "),
    (r"\bspecial guardianship orders?\b", " sgo "),
    (r"\bsgos?\b", " sgo "),
    (r"\bchild sexual exploitation\b", " cse "),
    (r"\bchild(ren)? with disabilit(y|ies)\b", " cwd "),
    (r"\bmulti[\s-]*agency safeguarding hub\b", " mash "),
    (r"\bnot in education,? employment or training\b", " neet "),
    (r"\belectively home educated\b", " ehe "),
    (r"\bpersonal education plans?\b", " pep "),
    (r"\bfirst time entrants?\b", " fte "),
    (r"\bstrategy (discussion|meeting)s?\b", " strategy "),
    (r"\breferrals?( of cin)? (which|that) (are|were) re-?\s?referrals?\b", " rereferral "),
    (r"\bre-?\s?referrals?\b", " rereferral "),
    (r"\bvisits? (has|have) taken place\b", " visited "),
    (r"\badopted\b", " adoption "),
    (r"\bcare leavers?\b", " careleaver "),
    (r"\bsocial workers?\b", " sw "),
    # Timeliness is phrased every way: on time, in time, in/within (agreed) timescale(s).
    (r"\b(on|in) time\b|\bup to date\b|\b(with)?in (the )?(agreed )?timescales?\b", " timely "),
]

_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "twelve": "12",
}

# Phrases that say when or per what, not which indicator.
_NOISE: list[str] = [
    r"\b(as )?at (the )?end of (the )?(month|period|quarter|year)\b",
    r"\bat period end\b",
    r"\bduring (the )?(period|month|year)\b",
    r"\bin (the )?(month|period)\b",
    r"\b(per|/)\s*10,?000\b",
    r"\b(per|/)\s*100,?000\b",
    r"\b10,?000\b",
    r"\b100,?000\b",
    r"\bpopulation\b",
    r"\b0\s*-\s*17( year olds?)?\b",
    r"\bunder 18( years? olds?)?\b",
    r"\baged 0\s*-\s*17\b",
    r"\bages 0\s*-\s*17\b",
    r"\(\s*[a-z]\d+(\s*,\s*[a-z]\d+)*\s*\)",  # placement / legal-status code lists: (E11, E12)
    r"\(\s*(val|vel|all)\s*\)",
    r"\*prov\b",
]

_UNIT_WORDS = [
    r"\btotal number of\b",
    r"\bnumbers? of\b",
    r"\bpercentage of\b",
    r"\bpercentage\b",
    r"\bproportion of\b",
    r"\brolling rate of\b",
    r"\brate of\b",
    r"\brate per\b",
    r"\brate\b",
    r"\bper cent\b",
    r"\bcount of\b",
    r"%\s*of\b",
    r"%",
]

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "at",
        "to",
        "for",
        "and",
        "or",
        "with",
        "who",
        "which",
        "that",
        "are",
        "is",
        "was",
        "were",
        "be",
        "been",
        "by",
        "on",
        "from",
        "as",
        "their",
        "there",
        "this",
        "those",
        "these",
        "has",
        "have",
        "had",
        "its",
        "it",
        "all",
        "any",
        "subject",
        "current",
        "total",
        "received",
        "whom",
        "agreed",
        "child",
        "children",
    ]
)

# Marker -> conflict group. Two names whose markers in one group differ are different indicators.
_QUALIFIERS: list[tuple[str, str, str]] = [
    (r"\bnot cwd\b|\bnoncwd\b", "cwd", "not_cwd"),
    (r"(?<!not )\bcwd\b", "cwd", "cwd"),
    (r"\bnonuasc\b|\bexcluding uasc\b|\blocal cla\b", "uasc", "non_uasc"),
    (r"(?<!excluding )\buasc\b", "uasc", "uasc"),
    (r"\bstarted\b|\bopened\b", "stage", "start"),
    (r"\bcompleted\b|\bcompletion\b|\bended\b", "stage", "end"),
    (r"\bceas(ed|ing)\b|\bleaving care\b", "flow", "out"),
    (r"\bnew (cla|uasc|cpp)\b", "flow", "in"),
    (r"\bincluding adults\b", "adults", "incl"),
    (r"\bexcluding adults\b", "adults", "excl"),
    (r"\bvisit(ed|s)?\b|\bseen\b", "activity", "visit"),
    (r"\bsupervision\b", "activity", "supervision"),
    (r"\bcore group\b", "activity", "core_group"),
    (r"\bstage 1\b", "stage_no", "1"),
    (r"\bstage 2\b", "stage_no", "2"),
    (r"\bepisodes of\b", "counted", "episodes"),
    (r"\bplaced\b", "placed", "placed"),
    (r"\bas at (the )?latest\b", "as_at", "latest_review"),
    (r"\bup to \d+|\bunder \d+|<\s*\d+|\bwithin (the )?(last )?\d+|\bin \d+ working days", "bound", "upper"),
    (r"\d+\+|\bat least \d+", "bound", "lower"),
    (r"\bicpc\b", "cp_object", "icpc"),
    (r"\brcpc\b", "cp_object", "rcpc"),
    (r"\bcpp\b", "cp_object", "cpp"),
    (r"\bifa\b", "placement", "ifa"),
    (r"\bresidential\b", "placement", "residential"),
    (r"\bplaced with parents\b", "placement", "parents"),
    (r"\bconnected carers?\b", "placement", "connected"),
    (r"\bunregulated\b|\bunregistered\b", "placement", "unregulated"),
    (r"\bin-?\s?house\b", "placement", "in_house"),
    (r"\bscc foster\b", "placement", "scc"),
    (r"\bplaced for adoption\b", "placement", "adoption"),
    (r"\bindependent sector\b", "sector", "independent"),
    (r"\btransfer[\s-]?ins?\b", "transfer", "transfer_in"),
    (r"\bearly help\b", "service", "early_help"),
]


_COMPILED: dict[str, re.Pattern[str]] = {}


def _rx(pattern: str) -> re.Pattern[str]:
    rx = _COMPILED.get(pattern)
    if rx is None:
        rx = _COMPILED[pattern] = re.compile(pattern)
    return rx


# A subset is a different indicator: "CLA" vs "CLA who are UASC", "missing" vs "episodes of".
ONE_SIDED_HARD = frozenset({"uasc", "cwd", "as_at", "counted", "sector"})
# An exclusion names a subset, so on one side only it is a different indicator; an inclusion
# states the default (all of them), so on one side only it is no difference at all.
ONE_SIDED_HARD_VALUES = frozenset({("adults", "excl")})
ONE_SIDED_FREE_VALUES = frozenset({("adults", "incl")})


def _apply(patterns: list[tuple[str, str]], text: str) -> str:
    # Spaces are collapsed after each step: a replacement's padding must not stop the next
    # pattern ("referrals of  cin  that are re-referrals").
    for pattern, repl in patterns:
        new = _rx(pattern).sub(repl, text)
        if new != text:
            text = " ".join(new.split())
    return text


def _drop(patterns: list[str], text: str) -> str:
    for pattern in patterns:
        text = _rx(pattern).sub(" ", text)
    return text


@lru_cache(maxsize=65536)
def _base(text: str) -> str:
    """Lower-case, unify punctuation and spell out the forms councils abbreviate inconsistently."""
    t = str(text or "").lower()
    for old, new in (("\u2013", "-"), ("\u2014", "-"), ("\u2019", "'"), ("\u00a0", " ")):
        t = t.replace(old, new)
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", lambda m: _NUMBER_WORDS[m.group(1)], t)
    t = re.sub(r"\bnon[\s-]+(uasc|cwd)\b", r"non\1", t)
    t = re.sub(r"\b(1|a|one)\s*year\s*\+", "12+ months", t)
    t = re.sub(r"\b(1|a) years?\b", "12 months", t)
    t = re.sub(r"\b(\d+)\s*m\b", r"\1 months", t)
    t = re.sub(r"\b(\d+)\s*(mnths?|month)\b", r"\1 months", t)
    t = re.sub(r"\b(\d+)(st|nd|rd|th)\b", r"\1", t)
    t = re.sub(r"\b(\d+)\s+or\s+more\b", r"\1+", t)
    t = re.sub(r"\bat least (\d+)\b", r"\1+", t)
    t = re.sub(r"(?<=[a-z])\(s\)", "s", t)
    t = re.sub(r"\bover (\d+)\b", r"\1+", t)
    t = re.sub(r"(?:>|more than )\s*(\d+)", r"\1+", t)
    t = re.sub(r"\bhrs?\b", "hours", t)
    t = re.sub(r"\bwkg? days?\b", "working days", t)
    return _apply(_SYNONYMS, t)


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for tok in re.findall(r"[a-z0-9+]+", text):
        if tok in _STOP:
            continue
        if len(tok) > 4 and tok.endswith("ies"):
            tok = tok[:-3] + "y"
        elif len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
            tok = tok[:-1]
        if out and out[-1] == tok:
            continue
        out.append(tok)
    return out


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The identity of a printed name for exact alias look-up and for decisions.

    Keeps the unit words: "Number of X" and "Percentage of X" must not share a key.
    """
    return " ".join(_tokens(_denoised(name).replace("%", " percentage ")))


@lru_cache(maxsize=65536)
def _denoised(name: str) -> str:
    return _drop(_NOISE, _base(name))


@lru_cache(maxsize=65536)
def content(name: str) -> str:
    """What the indicator is about, with unit words removed and tokens sorted.

    Unit words are removed because renames move them about ("LAC rate per 10,000" vs "Rate of
    children in our care per 10,000"); the unit guard, not the string, keeps units apart.
    """
    return _content_of(_denoised(name))


def _content_of(denoised: str) -> str:
    return " ".join(sorted(set(_tokens(_drop(_UNIT_WORDS, denoised)))))


_DENOMINATOR_NOISE = [
    r"\b(per|/)\s*10,?000\b",
    r"\b(per|/)\s*100,?000\b",
    r"\b10,?000\b",
    r"\b100,?000\b",
    r"\b0\s*-\s*17\b",
    r"\bunder 18\b",
    r"\b10\s*-\s*17 year\b",
    r"\(\s*[a-z]\d+(\s*,\s*[a-z]\d+)*\s*\)",
    r"\b[a-z]\d+\b",
    r"\b\d{4}\b",
    r"\bmasc?h\d+\b",
    r"\badults aged \d+\s*\+?",
]


@lru_cache(maxsize=65536)
def numbers(name: str) -> frozenset[int]:
    """The numbers that define the indicator (10 days, 6 weeks, 13+, 11-25), not its denominator."""
    t = _base(name)
    t = _drop(_DENOMINATOR_NOISE, t)
    return frozenset(int(n) for n in re.findall(r"(?<![a-z\d])(\d{1,3})(?![\d])", t))


_POPULATION = [
    r"\bunder 18( years?)?( olds?)?\b",
    r"\b0\s*-\s*17( year olds?)?\b",
    r"\b10\s*-\s*17 year olds?\b",
    r"(?<=\badults) aged \d+\s*\+?",
]


@lru_cache(maxsize=65536)
def core(name: str) -> str:
    """The name without its parenthetical glosses, which renames add and drop freely.

    A parenthesis holding a number ("(within 1 year)") defines the indicator and is kept.
    """
    stripped = _rx(r"\([^()\d]*\)").sub(" ", _denoised(name))
    return _content_of(stripped) if stripped.strip() else content(name)


@lru_cache(maxsize=65536)
def qualifiers(name: str) -> dict[str, frozenset[str]]:
    t = _drop(_POPULATION, _base(name))
    t = " " + " ".join(t.replace("(", " ").replace(")", " ").split()) + " "
    found: dict[str, set[str]] = {}
    for pattern, group, value in _QUALIFIERS:
        if _rx(pattern).search(t):
            found.setdefault(group, set()).add(value)
    return {g: frozenset(v) for g, v in found.items()}


def unit_from_name(name: str) -> str | None:
    """The unit the wording commits to, or None when the words do not say."""
    t = str(name or "").lower()
    if re.search(r"per\s*100,?000", t):
        return "rate_per_100k"
    if re.search(r"per\s*10,?000|\brate\b", t):
        return "rate_per_10k"
    if re.search(r"%|\bpercentage\b|\bper cent\b|\bproportion\b|\bgap between\b", t):
        return "percent"
    if re.search(r"\baverage\b.*\bdays\b|\bdays taken\b", t):
        return "days"
    if re.search(r"\blength of\b.*\bproceedings\b|\baverage\b.*\bweeks\b", t):
        return "weeks"
    if re.search(r"\baverage\b|\bratio\b|\bper (worker|caseholder|social worker)\b", t):
        return "other"
    if re.search(r"\bnumbers? of\b|\btotal\b|\bcount\b", t):
        return "count"
    return None


def unit_from_values(values: list[str]) -> str | None:
    """Printed cells as evidence: a `%` cell is a percentage, `21 weeks` is weeks."""
    cells = [str(v).strip() for v in values if v is not None and str(v).strip()]
    cells = [c for c in cells if re.search(r"\d", c)]
    if not cells:
        return None
    pct = sum("%" in c for c in cells)
    if pct * 2 > len(cells):
        return "percent"
    if sum(bool(re.search(r"\bweeks?\b", c, re.I)) for c in cells) * 2 > len(cells):
        return "weeks"
    if sum(bool(re.search(r"\bdays?\b", c, re.I)) for c in cells) * 2 > len(cells):
        return "days"
    return None


def family(unit: str | None) -> str | None:
    if unit is None:
        return None
    return "rate" if unit.startswith("rate") else unit


def units_compatible(a: str | None, b: str | None) -> bool:
    """Unknown is compatible with anything; a bare "rate" with either rate."""
    return a is None or b is None or a == b


@dataclass(frozen=True)
class Conflict:
    kind: str
    detail: str


def guard(a_name: str, a_unit: str | None, b_name: str, b_unit: str | None) -> Conflict | None:
    """The first hard reason two names cannot be the same indicator, or None."""
    if not units_compatible(a_unit, b_unit):
        return Conflict("unit", f"unit {a_unit} vs {b_unit}")
    na, nb = numbers(a_name), numbers(b_name)
    if na and nb and na != nb:
        return Conflict("numbers", f"numbers {sorted(na)} vs {sorted(nb)}")
    qa, qb = qualifiers(a_name), qualifiers(b_name)
    for group in qa.keys() & qb.keys():
        if qa[group] != qb[group]:
            return Conflict("qualifier", f"{group} {'/'.join(sorted(qa[group]))} vs {'/'.join(sorted(qb[group]))}")
    for group in sorted(qa.keys() ^ qb.keys()):
        vals = qa.get(group) or qb.get(group) or frozenset()
        if group in ONE_SIDED_HARD or any((group, v) in ONE_SIDED_HARD_VALUES for v in vals):
            return Conflict("qualifier", f"'{'/'.join(sorted(vals))}' only on one side")
    return None


def soft_differences(a_name: str, b_name: str) -> list[str]:
    """Differences that are not proof of a different indicator but weaken the match."""
    out: list[str] = []
    na, nb = numbers(a_name), numbers(b_name)
    if bool(na) != bool(nb):
        out.append(f"numbers only on one side ({sorted(na or nb)})")
    qa, qb = qualifiers(a_name), qualifiers(b_name)
    for group in sorted((qa.keys() ^ qb.keys()) - ONE_SIDED_HARD):
        vals = qa.get(group) or qb.get(group) or frozenset()
        if all((group, v) in ONE_SIDED_FREE_VALUES for v in vals):
            continue
        out.append(f"'{'/'.join(sorted(vals))}' only on one side")
    return out

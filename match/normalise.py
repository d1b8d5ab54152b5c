"""What a printed indicator name says: its words on a canonical vocabulary, and the facts that make
two names different measures however alike they read.

Councils and the DfE word one measure many ways ("Looked after Children", "CiC", "children in our
care"; "3 or more", "3+", "three or more"; "within a year", "in 12 months"), so similarity is
computed on a canonical vocabulary. What the vocabulary must never blur is kept apart as facts: the
unit, the time basis (in the month, rolling 12 months, year to date, in the year, at a point in
time), the numbers with their kind and bound (10 vs 15 working days, 15 vs 24 months, aged 0-4 vs
1-4), qualifiers (CWD, UASC, early help, started vs completed...), and what is excluded or included.

The vocabulary is data (`profile.json`); the grammar of numbers, thresholds and durations is here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from . import profile as profmod
from .phrases import Phrases
from .profile import Profile, Timescale

UNITS = ("count", "percent", "rate_per_1k", "rate_per_10k", "rate_per_100k", "days", "weeks", "other")

_HEADING = re.compile(r"^\s*((?:[^\s:()]+ ){0,2}[^\s:()]+)\s*:(?=\s*\S)")
_PLANS_WORD = re.compile(r"\bplans?$")
# a plan a name leaves unnamed: `subject to a plan`, `the plan`, `their plans`
_BARE_PLAN = re.compile(r"\b(a|an|the|their) (plans?)\b")
_PRONOUN_ONE = "".join(f"(?<!{d} )" for d in ("the", "this", "that", "previous", "same", "each", "any", "last", "no"))
# a population, then the share of it that a clause says, after a colon (a statistical release's
# table title: `Referrals during the year: percentage that were within 12 months of a previous
# referral`): read as `percentage of <population> that were ...`
_SHARE_OF_HEADING = re.compile(
    r"^(?P<pop>[^:]{8,}?)\s*:\s*(?P<unit>percentage|proportion|%|per ?cent)(?: of (?:them|these|those))?"
    r" (?P<rel>that|which|who) (?P<verb>were|was|are|is|had|have|has)\b"
)


def _restates_heading(name: str) -> bool:
    """The words of a name's opening heading come again, as printed, in what follows it."""
    t = clean(name).lower()
    m = _HEADING.match(t)
    if m is None:
        return False
    return re.search(rf"(?<![\w-]){re.escape(m.group(1))}(?![\w-])", t[m.end() :]) is not None


_CLEAN = str.maketrans(
    {"\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2019": "'", "\u2018": "'", "\u00a0": " "}
    # a footnote mark (a superscript figure, a dagger) says where a note is, not what is measured:
    # `Looked after children at 31 March\u00b9` is the title without it, not `march1`
    | dict.fromkeys("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u2020\u2021", "")
)


def clean(name: str) -> str:
    """A name as every reading of it starts: lower-cased, one kind of dash and quote, single
    spaces. Names printed alike but for these (re-cased, re-wrapped) say the same thing."""
    return _clean(name if isinstance(name, str) else str(name or ""))


@lru_cache(maxsize=65536)
def _clean(name: str) -> str:
    """`clean` once a text: a batch reads a name several times over (its key, its reading, its
    units, whether it is the same question as another)."""
    return " ".join(name.translate(_CLEAN).lower().split())


def _age_list(m: re.Match[str]) -> str:
    """`aged 19, 20 and 21` is the band 19-21; a list with a gap is left as printed."""
    ages = [int(a) for a in re.findall(r"\d+", m.group(2))]
    if ages == list(range(ages[0], ages[0] + len(ages))):
        return f"{m.group(1)} {ages[0]}-{ages[-1]}"
    return m.group(0)


# Words after a number that measure a span, a distance or a share rather than count things.
_MEASURED = frozenset(
    "working calendar day days week weeks month months mth mths m year years yr yrs hour hours hr hrs "  # noqa: SIM905
    "mile miles per percent".split()
)
_SPAN_WORDS = _MEASURED - {"per", "percent", "mile", "miles"}


def _strictly_more(m: re.Match[str]) -> str:
    """`more than 3 placements` counts whole things, so it is `4+ placements`, a different threshold
    from `3 or more`; over a span (`more than 12 months`, `over 45 days`) the bound is the span's
    own and stays `12+ months`. With nothing counted after it (`over 16`) the bound is read as printed."""
    n, counted = int(m.group(1)), m.group(2)
    if counted in _SPAN_WORDS and m.string[m.end(1) : m.end(1) + 1] != ".":
        return f">{n}+"  # marked strict: in a span counted whole it is also `{n + 1} or more`
    if counted is None or counted in _MEASURED or m.string[m.end(1) : m.end(1) + 1] == ".":
        return f"{n}+"
    return f"{n + 1}+"


_AT_A_POINT = re.compile(
    r"\bcurrent(ly)?\b|\b(as )?at 31 march\b|\b(as )?at (the )?end of (the )?(month|period)\b|\b(month|period)[- ]end\b"
)
_BECOMING = re.compile(
    r"\b(becom\w*|became|new|newly|start\w*|began|begun|commenc\w*|in the (month|year|period)|during)\b"
)
_CP_PLAN = r"(?:cp |child protection )?(?:plans?|cpps?)"
_A_SHARE = re.compile(r"%|\b(per ?cent(age)?|proportion|share)\b")
_ON_A_REPEAT_PLAN = (
    (re.compile(r"\b(\d+) or subsequent\b"), r"\1+"),
    (
        re.compile(
            rf"\b(?:who|that) (?:have|has) (?:had|been on) (?:a |an )?(?:previous|prior|earlier) ({_CP_PLAN})"
            r"(?: before)?"
        ),
        r"with 2+ \1",
    ),
    (re.compile(rf"\b(?:who|that) (?:have|has) been on (?:a |an )?({_CP_PLAN}) before"), r"with 2+ \1"),
)


def _current_ordinal(m: re.Match[str]) -> str:
    """Children on a child protection plan now, that plan being their second or later (`currently
    on their second or subsequent CP plan`, `on a CP plan who have had a previous plan (current)`):
    the plan's ordinal as a state, as `2nd or more CP plan` says it, not children becoming subject
    to a repeat plan in a period (NI 65), which a name says by becoming, starting or a period.
    Read so only in a name that states a share: one that states no unit may count those children
    (`Children with a CP plan at month end - second or subsequent plan`), a measure of its own."""
    text = m.group(0)
    if not _AT_A_POINT.search(text) or _BECOMING.search(text) or not _A_SHARE.search(text):
        return text
    if not re.search(r"\b(cp|cpps?|child protection)\b", text):
        return text
    for pattern, repl in _ON_A_REPEAT_PLAN:
        text = pattern.sub(repl, text)
    return text


# Thresholds and durations written one way. Order matters: a range before a bound, "a year+"
# before "a year", ages before durations, a unit spelled out (`wd`, `hrs`) before a bound reads
# it. Each rule runs only where one of its cue words is present.
_GRAMMAR: list[tuple[tuple[str, ...], str, str | Callable[[re.Match[str]], str]]] = [
    (("1st",), r"\b1st\b(?! (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", "first"),
    (("st", "nd", "rd", "th"), r"(\d+)(?:st|nd|rd|th)\b", r"\1"),
    ((",",), r"(\d),(\d{3})\b", r"\1\2"),
    ((" 000",), r"\b(\d{1,3}) 000\b", r"\g<1>000"),
    (("yr",), r"\b(\d+)(?:-|\s*)yrs?\b", r"\1 years"),
    (("-",), r"\b(\d+)\s*-\s*(\d+)\b", r"\1-\2"),
    (("between",), r"\bbetween (\d+) and (\d+)\b", r"\1-\2"),
    (
        (" to ", " and "),
        r"\b(\d+) (?:to|and) (\d+)(?= (?:years?|year olds?|days|working days|weeks|months)\b)",
        r"\1-\2",
    ),
    (("age",), r"\b(aged?|ages) (\d+(?:, ?\d+)+,? (?:and|or|&) \d+)\b", _age_list),
    (("age",), r"\b(aged?|ages) (\d+) (?:to|and) (\d+)\b", r"\1 \2-\3"),
    (("0-",), r"(?<![\d.])(?<!aged )(?<!ages )\b0-(\d+)[ -]years?\b(?:[ -]olds?\b)?", r"aged 0-\1"),
    (("old",), r"\b(\d+)[ -]years?[ -]olds?\b", r"\1 year old"),
    (("under",), r"\bunder[- ](\d+)s\b", r"aged under \1"),
    (  # who is counted, bounded by age (`children under 5`), not a duration or a share
        ("under",),
        r"\b(child(?:ren)?|young people|pupils|babies|infants|cla|lac|cic|cin|looked[- ]after|per 10,?000)"
        r" under[- ](\d+)\b"
        r"(?! ?(?:months?|weeks?|days?|working|calendar|hours?|miles?|years? (?:in|of|on)|%|\d))",
        r"\1 aged under \2",
    ),
    (  # `aged 0-17 years`, not the year of `(aged 0-17) year to date`
        ("age",),
        r"\b(aged? (?:under |up to )?\d+(?:-\d+)?\+?)(?: or (?:over|more))? years?\b(?! old)(?! to date)",
        r"\1",
    ),
    (("w/in",), r"\bw/in\b", "within"),
    (
        ("wd", "wk", "working", "w/"),
        r"(?<!/)(?<!per )\b(\d+)(?:-|\s*)(?:wds?|w/ ?d(?:ays?)?|wkg? days?|working[\s-]days?)\b",
        r"\1 working days",
    ),
    (
        ("calendar",),
        r"(?<!/)(?<!per )\b(\d+)(?:-|\s*)(?:calendar[\s-]days?|days? \(calendar(?: days?)?\))",
        r"\1 calendar days",
    ),
    (("day",), r"(?<!/)(?<!per )\b(\d+)(?:-|\s*)(?:days?)\b", r"\1 days"),
    (("wk", "week"), r"(?<!/)(?<!per )\b(\d+)(?:-|\s*)(?:wks?|weeks?)\b", r"\1 weeks"),
    (("mth",), r"(?<!/)(?<!per )\b(\d+)(?:-|\s*)mths?\b", r"\1 months"),
    (("hr", "hour"), r"(?<!/)(?<!per )\b(\d+)(?:-|\s*)(?:hrs?|hours?)\b", r"\1 hours"),
    (("plus",), r"\b(\d+)( (?:months?|years?|weeks?|days?|working days|hours?))? plus\b", r"\1+\2"),
    (("current", "31 march", "end"), r"^.*$", _current_ordinal),
    # a plan's ordinal as a state (`a plan that is their second or subsequent`), as `2nd or more`
    # says it, not the event of becoming subject to a repeat plan
    (("subsequent",), r"\b(is|are) (their|the child's) (\d+) or subsequent\b", r"\1 \2 \3+"),
    (("time or ",), r"\b(?:for )?(?:the |a )?(\d+) times? or (?:more|later)\b", r"\1+"),
    (("or ", "and "), r"\b(\d+)\s*(?:or|and) (?:more|over|above|older|greater|later)\b", r"\1+"),
    (
        ("+", "or "),
        r"\b(\d+) ?(months?|years?|weeks?|days?|working days|calendar days|hours?|miles?)"
        r" ?(?:\+|or (?:more|over|longer|further))",
        r"\1+ \2",
    ),
    (
        ("or ",),
        r"\b(\d+) ?(months?|years?|weeks?|days?|working days?|calendar days|hours?) or (?:less|fewer|under|sooner)\b",
        r"up to \1 \2",
    ),
    (("least",), r"\bat least (\d+)", r"\1+"),
    (("or more",), r"\b(\d+) ([a-z]+) or more\b", r"\1+ \2"),
    (
        ("more", "greater", "longer", "over", "above", "exceed", "beyond", "outside", ">"),
        r"(?:\bmore than|\bgreater than|\blonger than|\bover|\babove|\bexceeding|\bbeyond|\boutside(?: of)?|>)\s*(\d+)"
        r"(?=\s+([a-z]+))?",
        _strictly_more,
    ),
    (
        ("after", "later"),
        r"(?<!looked )(?<!looked-)(?:\bafter|\blater than)\s+(\d+)"
        r"(?= (?:working days|calendar days|days|weeks|hours)\b)",
        r"\1+",
    ),
    (("+",), r"\b(\d+)\s*\+", r"\1+"),
    (("or ",), r"\b(\d+) or (?:less|fewer|under|below)\b", r"up to \1"),
    (("less", "fewer", "below", "<"), r"(?:\bless than|\bfewer than|\bbelow|<)\s*(\d+)", r"under \1"),
    (("m",), r"(?<!/)(?<!per )\b(\d+)(\+?)(?:-|\s*)(?:m|mths?|mnths?|months?)\b(\+?)", r"\1\2\3 months"),
    (("year",), r"\b(?:a|1) ?year ?(?:\+|or (?:more|over|longer)\b)", "12+ months"),
    (("year",), r"\b(?:more than|longer than|over) (?:a|1) ?year\b", "12+ months"),
    (("more than", "longer than", "over"), r"\b(?:more than|longer than|over) an? (day|week|month)\b", r"1+ \1s"),
    (
        ("over", "during"),
        r"\b(?:over|during) (?:the )?(?:last|past|previous) (?:12 months|year)\b",
        "last 12 months",
    ),
    (
        ("last", "past", "previous", "12 month", "a year"),
        r"\b(?:(?:in|within) (?:the )?(?:last|past|previous) (?:12 months|year)"
        r"|(?:in|within) (?:a |the )?12 months?(?: period)?|(?:within (?:a |the )?|in a )year(?: period)?"
        r"|within 1 year)\b",
        "within 12 months",
    ),
]
_DIGIT = re.compile(r"\d")
_SPANS_OF_TIME = re.compile(r"\d+ (?:working days|calendar days|days|weeks|months|hours)\b")  # a limit a clock runs to
# A lower bound written `more than N` over a span (`>45+ days` once the grammar has run).
_STRICT = re.compile(r">(\d+)\+ (working days|calendar days|days|weeks|months|hours)\b")
_A_SPAN = re.compile(r"\b(?:more than|longer than|over) an? (?:day|week|month)\b")  # a span with no digit
_DURATION = re.compile(r"\b\d+(?:\.\d+)?(?:-\d+)?\+? (?:working days|calendar days|days|weeks|months|hours)\b")
# A relative clause after an excluding/including clause's object, outside a gloss, says what the
# name counts (`including UASC who are placed out of area`); after a bare pronoun it is the object
# itself (`excluding those that became referrals`).
_RELATIVE = re.compile(r"(?<!\bthose)(?<!\bones)(?<!\bthem) (?:who|which|that|where|whose)\b")
# the clause a clock starts from ends at a parenthesis or a dash (`... of strategy discussion - target`)
_CLOCK_START = re.compile(
    r"\b(\d+ (?:working days|calendar days|days|weeks|hours)(?: timely)?) (?:of|from|after)\b"
    r"[^();]*?(?=\s*(?:[();]| - |$))"
)
_TIMELY = re.compile(r"\b(?:un)?timely\b")
_YEARS = re.compile(
    r"(?<!aged )(?<!age )(?<!ages )\b(?:(\d+(?:\.\d+)?)-)?(a|\d+(?:\.\d+)?)(\+?) years?\b(?! old)(?! to date)"
)
_QUANTITY = re.compile(
    r"(?:\b(aged?|ages) )?(?:\b(up to|under|within|in)(?: the)?( last| past| previous)? )?"
    r"(?<![a-z\d.])(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?(\+)?"
    r"(?: (working days|calendar days|days|weeks|months|hours|miles|year old|years))?"
)
_KINDS = {
    "working days": "days",
    "calendar days": "calendar days",
    "days": "days",
    "weeks": "weeks",
    "months": "months",
    "hours": "hours",
    "miles": "miles",
}
_CODES = re.compile(r"\b[a-z]+\d+[a-z]*\b|\b(?:19|20)\d{2}\b")
_TOKEN = re.compile(r"[a-z0-9+]+")
_LINK = r"(?:(?:on|with|by|to|an?|the) )*"  # words between `or` and what it offers (`or on an SGO`)
_EITHER = re.compile(rf"\b([a-z0-9+]+) or {_LINK}([a-z0-9+]+)\b")
_EITHER_LIST = re.compile(rf"\b([a-z0-9+]+) ?, {_LINK}([a-z0-9+]+),? (and|or) {_LINK}([a-z0-9+]+)\b")
_LIST = re.compile(r"\(\s*([a-z+]+(?:\s*,\s*[a-z+]+){2,})\s*\)")
_LAST_12M = "last_12m"
_WINDOWS = frozenset({"year", _LAST_12M})
_YEAR_END = frozenset({"snapshot", "year"})
_AGE_WORDS = frozenset({"aged", "age", "ages", "year", "old"})
_PAREN_GLOSS = re.compile(r"\([^()\d]*\)")
_PARENS = re.compile(r"\([^()]*\)")
# A gloss of this many words or fewer names what the measure is of or which column it is
# (`(neglect)`, `(forecast)`, `(Central team)`); a longer one explains or lists.
SHORT_GLOSS = 2
_YEAR_WINDOW = "within 12 months"
_YEAR_BACK = re.compile(r"\b(last|past|previous) (12|twelve) months\b")
# a financial year printed bare (`2022-23`, `(2023/24)`): one span, not a series of them
_YEAR_SPAN = re.compile(r"(?<![\w/.-])(?:19|20)\d{2} ?[/-] ?(?:\d{2}|(?:19|20)\d{2})(?![\w/.-])")
_END_GLOSS = re.compile(r" \([^()]*\)\s*$")
# A clause written after its object, ending a gloss or the name (`(UASC excluded)`, `, adults
# included`, `- % - step-ups excluded`: the object never spans a ` - `); `excluded from school` is
# no clause.
_POSTPOSED_CUES = ("excl", "incl", "removed")
_CLAUSE_VERBS = frozenset({"include", "includes", "exclude", "excludes"})
_POSTPOSED = re.compile(
    r"(\(|,\s*|\s-\s)((?:(?!\s-\s)[^(),])+?)\s+(excluded|removed|excl\.?|included|incl\.?)(?=\s*(?:\)|,|\(|$))"
)


@dataclass(frozen=True, order=True)
class Quantity:
    """A number that defines a measure: 45 working days (upper), 3+ (lower), aged 16+ (age)."""

    value: float
    kind: str = ""
    bound: str = ""

    def __str__(self) -> str:
        v = f"{self.value:g}"
        text = {"lower": f"{v}+", "upper": f"up to {v}"}.get(self.bound, v)
        return f"aged {text}" if self.kind == "age" else f"{text} {self.kind}".strip()


@dataclass(frozen=True)
class Facts:
    """Everything the guards and the score read from one name (under one unit)."""

    key: str
    content: str
    core: str
    quantities: frozenset[Quantity]
    basis: frozenset[str]
    qualifiers: frozenset[tuple[str, str]]
    excluded: frozenset[str]
    included: frozenset[str]
    unit: str | None
    expansions: tuple[str, ...]

    either: frozenset[tuple[str, str]] = frozenset()
    groups: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)
    words: frozenset[str] = frozenset()
    mentions: frozenset[str] = frozenset()
    windows: frozenset[Quantity] = frozenset()
    whole: bool = False
    any_period: bool = False
    negated: frozenset[str] = frozenset()
    negated_gloss: frozenset[str] = frozenset()
    strict: frozenset[Quantity] = frozenset()  # lower bounds written `more than N` in a span counted whole
    breakdown: str = ""  # `by age group`: the name heads a table of the measure split so
    two_units: bool = False  # `percentage ... - rate`, `number and rate of`: the name says two units
    only: frozenset[str] = frozenset()  # `transfer-ins only`: what the name counts alone
    only_values: frozenset[tuple[str, str]] = frozenset()  # the qualifier values those words say
    bare: frozenset[str] = frozenset()  # the words outside every parenthesis of more than one word
    glossed: frozenset[str] = frozenset()  # the words of short glosses (`(neglect)`, `(Central team)`)
    # a point in time and a span of the year it counts over (`current ... looked after during the
    # year`): two periods, not a snapshot taken each year (`at 31 March each year`)
    spanned: bool = False
    # the event a timescale's clock runs from: stated (`45 working days of the contact`) or, for an
    # event whose guidance sets one, the one its limit implies (an assessment's: the referral)
    clock_from: frozenset[str] = frozenset()
    # the ages bounding what an including/excluding clause adds or leaves out (`including adults
    # aged 21+`: ('including', aged 21+))
    clause_ages: frozenset[tuple[str, Quantity]] = frozenset()
    # the thing the name counts (children, episodes, households): the profile's `counted_units`
    counts: frozenset[str] = frozenset()
    # a share's year said of its children (`plans starting during the year that were ...`): when
    # they are counted, the period of the measure, which another name may leave unsaid
    cohort_year: bool = False
    # the words of a topic heading that opens the name (`NEET: 16-17 year olds whose activity is
    # not known`) and that the measure after it does not say: the section it is printed under
    heading: frozenset[str] = frozenset()
    # the name counts over the year back from its date (`in the last 12 months`), not for a length
    # of stay (`under 12 months`) nor an event's own window (`re-referred within 12 months`)
    year_back: bool = False
    # the name is another nation's measure (the profile's `elsewhere`): `in timescale` there is
    # its own nation's timescale, not the limit England's guidance sets
    elsewhere: bool = False
    # the name states no basis but prints one financial year bare (`Number of contacts 2023/24`):
    # the year its figure is for, which the noise drops from its words
    year_span: bool = False
    # the name counts at any time, ever (the profile's `any_time`, in its own words: not the `at
    # any time` a repeat's previous plan is said in): no point in time
    any_time: bool = False


def _grouped(qualifiers: frozenset[tuple[str, str]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for group, value in qualifiers:
        out.setdefault(group, set()).add(value)
    return {g: frozenset(v) for g, v in out.items()}


def _words(forms: Iterable[str]) -> str:
    ordered = sorted(dict.fromkeys(forms), key=len, reverse=True)
    return "|".join(f"(?:{f})" for f in ordered)


class Vocabulary:
    """A profile compiled once; a name is tried only against the forms whose words it holds."""

    def __init__(self, prof: Profile) -> None:
        self.profile = prof
        self._numbers, self._number_table = self._number_words(prof.number_words)
        self._grammar = [(cues, re.compile(p), r) for cues, p, r in _GRAMMAR]
        self._equiv = Phrases(
            [f for e in prof.equivalents for f in e.forms],
            [e.token for e in prof.equivalents for _ in e.forms],
            prof.stop_words,
        )
        self._noise = Phrases(prof.noise)
        self._unit_words = Phrases(prof.unit_words)
        self._units = Phrases(
            [f for c in prof.units for f in c.cues], [str(i) for i, c in enumerate(prof.units) for _ in c.cues]
        )
        self._unit_names = [c.unit for c in prof.units]
        # a later entry of a unit already listed is its fallback (a bare `rate` reads per 10,000)
        self._fallback = frozenset(i for i, c in enumerate(prof.units) if c.unit in self._unit_names[:i])
        # a count's cues written as a gloss (`(no.)`, `(num)`, a closing `- number`): beside a
        # share or a rate, a column of the count the share is taken of
        self._count_glosses = Phrases(
            [f for c in prof.units if c.unit == "count" for f in c.cues if f.startswith(("\\(", "- "))]
        )
        self._bases = Phrases(
            [f for b in prof.time_basis for f in b.forms], [b.basis for b in prof.time_basis for _ in b.forms]
        )
        self._cumulative = frozenset(b.basis for b in prof.time_basis if b.cumulative)
        self._whole = Phrases(prof.whole_population)
        self._breakdowns = Phrases(prof.breakdowns)
        self._unit_pairs = Phrases(prof.unit_pairs)
        self._any_period = Phrases(prof.any_period)
        self._any_time = Phrases(prof.any_time)
        self._period_spans = Phrases(prof.period_spans)
        self._cohort_years = Phrases(prof.cohort_years)
        self._clock_starts = Phrases(
            [f for c in prof.clock_starts for f in c.forms], [c.value for c in prof.clock_starts for _ in c.forms]
        )
        self._negations = Phrases(prof.negations)
        self._counted = Phrases(
            [f for c in prof.counted_units for f in c.forms], [c.value for c in prof.counted_units for _ in c.forms]
        )
        self._qualifiers = self._qualifier_phrases(prof)
        inc = prof.inclusions
        self._clause_words = Phrases(inc.excluding + inc.including)
        stop = r"(?=$|[);]| - |\b(?:" + _words(inc.excluding + inc.including) + r")\b)"
        self._clause = re.compile(
            rf"(?<![\w&])(?:(?P<ex>{_words(inc.excluding)})|(?P<inc>{_words(inc.including)}))(?![\w&])"
            rf"(?P<obj>(?:[^()]|\([^()]*\))*?){stop}"
        )
        self._timescales = [self._timescale_phrases(ts) for ts in prof.timescales]
        self._elsewhere = re.compile(rf"(?<![\w/])(?:{'|'.join(prof.elsewhere)})(?![\w/])") if prof.elsewhere else None
        self._restricted = self._restriction_pattern(prof)
        self._windows = [(w, re.compile(rf"\b(?:{'|'.join(w.forms)})\b")) for w in prof.windows]
        self._cache: dict[tuple[str, str | None], Facts] = {}
        self._read: dict[tuple[str, str | None], Facts] = {}
        self._cued: dict[str, list[str]] = {}
        self._canonical: dict[str, tuple[str, tuple[str, ...]]] = {}
        # the words a share's year adds to a name that says it (`during the year` reads as a window)
        self.window_words = frozenset(self.tokens(_YEAR_WINDOW))

    @staticmethod
    def _qualifier_phrases(prof: Profile) -> Phrases:
        """The qualifiers' forms, each group its own kind: a longer form hides a shorter one of its
        own group (`not in contact` hides `in contact`), never another group's (`new UASC` says
        both a flow in and UASC)."""
        said: dict[tuple[str, str], list[str]] = {}
        for q in prof.qualifiers:
            for v in q.values:
                for f in v.forms:
                    said.setdefault((q.group, f), []).append(f"{q.group}\t{v.value}")
        return Phrases([f for _, f in said], ["\n".join(gs) for gs in said.values()], kinds=[g for g, _ in said])

    @staticmethod
    def _restriction_pattern(prof: Profile) -> re.Pattern[str] | None:
        """A word of the profile's restrictions (`only`) beside a word the vocabulary stands for
        (`transfer-ins only`, `only UASC`): the name counts that alone."""
        if not prof.restrictions:
            return None
        said = _words(prof.restrictions)
        return re.compile(rf"(?:([a-z0-9+]+) (?:{said})|(?:{said}) ([a-z0-9+]+))(?![\w-])")

    def _only(self, text: str) -> tuple[str, frozenset[str]]:
        """What the name counts alone, and its words without the restriction: the content word
        beside a restriction (`police only`, `only UASC`); a stop word or a number beside one
        (`children and young people only`, `aged 21+ only`) restricts nothing the guards can tell."""
        if self._restricted is None:
            return text, frozenset()
        alone: set[str] = set()

        def take(m: re.Match[str]) -> str:
            word = m.group(1) or m.group(2)
            if word not in self.profile.stop_words and not _DIGIT.search(word):
                alone.add(_stem(word))
            return f" {word} "

        return self._restricted.sub(take, text), frozenset(alone)

    def _short_glosses(self, plain: str) -> frozenset[str]:
        """The words of every gloss of at most SHORT_GLOSS words and no number: such a gloss names
        a part of the measure or another column beside it, so its words are the name's own."""
        said = (self.tokens(m.group(0)) for m in _PAREN_GLOSS.finditer(plain))
        return frozenset(w for ws in said if len(ws) <= SHORT_GLOSS for w in ws)

    def _bare(self, plain: str) -> frozenset[str]:
        """The words outside every parenthesis that says more than one word: a one-word gloss
        (`(CWD)`) names what the measure is of, a longer one (`(... or from notification date for
        transfer-in cases)`, `(Assessment, CIN, CP, CLA, CL)`) explains or lists its parts."""

        def keep(m: re.Match[str]) -> str:
            return m.group(0) if len(self.tokens(m.group(0))) == 1 else " "

        return frozenset(self.tokens(_PARENS.sub(keep, plain)))

    def values_of(self, word: str) -> frozenset[tuple[str, str]]:
        """The qualifier values one word says on its own (`repeat`: a second or later time)."""
        return self._values_of(frozenset({word}))

    def _values_of(self, words: frozenset[str]) -> frozenset[tuple[str, str]]:
        found = (gv for w in sorted(words) for x in self._qualifiers.found(w) for gv in x.split("\n"))
        return frozenset((g, v) for g, _, v in (x.partition("\t") for x in found))

    @staticmethod
    def _timescale_phrases(ts: Timescale) -> tuple[Timescale, re.Pattern[str], re.Pattern[str]]:
        """The event said to be in timescale (`icpc held timely`, `timely icpc`), and the event with
        its limit stated (`icpc held within 15 working days`); days stand for working days as
        everywhere in the grammar."""
        subject = "(?:" + "|".join(ts.forms) + ")"
        n, unit = ts.limit.split(" ", 1)
        units = "(?:working days|days)" if unit in ("working days", "days") else re.escape(unit)
        timely = re.compile(rf"\b{subject} timely\b|\btimely (?:percentage )?{subject}\b")
        # `timely` may stand between: a name said in timescale has its limit written after it
        limit = re.compile(rf"\b{subject} (?:timely )?(?:within|in|up to) (?:the )?(?:last )?{n} {units}\b")
        return ts, timely, limit

    @staticmethod
    def _number_words(words: dict[str, int]) -> tuple[Phrases, dict[str, int]]:
        """Number words as digits; `forty-five` and `forty five` first, then single words. `One`
        after a determiner stands for a noun, no number (`within 12 months of the previous one`)."""
        tens = {w: n for w, n in words.items() if n >= 20 and n % 10 == 0}
        units = {w: n for w, n in words.items() if 0 < n < 10}
        table = dict(words)
        forms = [_PRONOUN_ONE + re.escape(w) if n == 1 else re.escape(w) for w, n in words.items()]
        for t, tn in tens.items():
            for u, un in units.items():
                table[f"{t}-{u}"] = table[f"{t} {u}"] = tn + un
                forms.append(f"{t}[- ]{u}")
        return Phrases(forms, [f.replace("[- ]", " ") for f in forms]), table

    # -- one name -------------------------------------------------------------------------------

    def canonical(self, name: str) -> tuple[str, tuple[str, ...]]:
        """Lower-cased, numbers and thresholds written one way, equivalents replaced by their token."""
        hit = self._canonical.get(name)
        if hit is None:
            if len(self._canonical) > _MOST_CUED:
                self._canonical.clear()
            hit = self._canonical[name] = self._canonical_of(name)
        return hit

    def _canonical_of(self, name: str) -> tuple[str, tuple[str, ...]]:
        t = _SHARE_OF_HEADING.sub(r"\g<unit> of \g<pop> \g<rel> \g<verb>", clean(name))
        t = self._plan_of_heading(t)
        t, _ = self._numbers.sub(t, lambda m, word: str(self._number_table[m.group(0)]))
        if _DIGIT.search(t) or "year" in t or _A_SPAN.search(t) or _AT_A_POINT.search(t):
            for cues, pattern, repl in self._grammar:
                if any(map(t.__contains__, cues)):
                    t = pattern.sub(repl, t)
            if "year" in t:
                t = _YEARS.sub(_years_to_months, t)
        expansions: list[str] = []

        def swap(m: re.Match[str], token: str) -> str:
            if m.group(0) != token:
                expansions.append(f"{m.group(0)} = {self.profile.label(token)}")
            return f" {token} "

        t, _ = self._equiv.sub(t, swap)
        t = " ".join(t.split())
        if self._timescales and ("timely" in t or _DIGIT.search(t)) and not self._another_nation(t):
            t = self._in_timescale(t, expansions)
        if self._windows and not _DURATION.search(t):
            t = self._in_window(t, expansions)
        return t, tuple(dict.fromkeys(expansions))

    def _plan_of_heading(self, text: str) -> str:
        """A bare `plan` under a heading naming a kind of plan is that plan (`Child protection:
        children subject to a plan at month end`): where the vocabulary reads the heading and
        `plan` as one thing (`child protection plan`), the heading moves to the plan it names."""
        m = _HEADING.match(text)
        if m is None:
            return text
        kind = _PLANS_WORD.sub("", m.group(1)).strip()
        rest = text[m.end() :]
        bare = _BARE_PLAN.search(rest)
        if not kind or bare is None or "plan" in self.tokens(self.canonical(f"{kind} plan")[0]):
            return text  # no bare plan, or no one kind of plan the vocabulary reads in the heading
        # the heading said again where the plan is: no heading is left over the measure
        return f"{rest[: bare.start(2)]}{kind} {rest[bare.start(2) :]}".strip()

    def _another_nation(self, text: str) -> bool:
        """The name is another nation's measure (the profile's `elsewhere`: its code or its
        name), whose statutory timescales are not the ones the profile's `timescales` state."""
        return self._elsewhere is not None and self._elsewhere.search(text) is not None

    def _in_window(self, text: str, expansions: list[str]) -> str:
        """An event counted only within a window, in a name that states no duration, is counted in
        that window (`re-referrals` are `re-referrals within 12 months`)."""
        for w, subject in self._windows:
            m = subject.search(text)
            if m:
                expansions.append(f"{w.subject} = {w.subject} within {w.limit}")
                return f"{text[: m.end()]} within {w.limit}{text[m.end() :]}"
        return text

    def _in_timescale(self, text: str, expansions: list[str]) -> str:
        """An event said to be in timescale also states its limit, and one held within its limit
        is also in timescale, so either wording meets the other; a name stating another limit (or
        any duration) keeps what it says."""
        for ts, timely, limit in self._timescales:
            m = timely.search(text)
            if m and not _DURATION.search(text):
                expansions.append(f"in timescale = within {ts.limit} ({ts.subject})")
                return f"{text[: m.end()]} within {ts.limit}{text[m.end() :]}"
            m = limit.search(text)
            if m and not _TIMELY.search(text):
                expansions.append(f"within {ts.limit} = in timescale ({ts.subject})")
                return f"{text[: m.end()]} timely{text[m.end() :]}"
        return text

    def facts(self, name: str, unit: str | None = None) -> Facts:
        """`unit`: the catalogue's unit for an alias; a query's own is read from its words."""
        k = (name, unit)
        hit = self._cache.get(k)
        if hit is None:
            read = (clean(name), unit)
            hit = self._read.get(read)
            if hit is None:
                hit = self._read[read] = self._facts(name, unit)
            self._cache[k] = hit
        return hit

    def _facts(self, name: str, unit: str | None) -> Facts:
        text, expansions = self.canonical(name)
        cued = frozenset(int(i) for i in self._cues(text)) if unit is None else None
        unit = unit or (self._unit_names[min(cued)] if cued else None)
        any_period = bool(self._any_period.found(text))
        said = text
        text, noise = self._noise.sub(text)
        keyed = text.replace("%", " percentage ")
        body, excluded, included, clause_ages = self._clauses(text)
        counts = self._counted_unit(body)
        body, basis, window = self._basis(body, unit)
        body, only = self._only(body)
        only_values = self._values_of(only) if only else frozenset()
        quantities = self._quantities(body)
        if window and any(q.kind == "months" for q in self._quantities(body[: -len(_YEAR_WINDOW) - 1])):
            # a share's year adds its window only where the name states none in months of its
            # own: `re-referrals outside 12 months (%) - outturn` is not also within 12 months
            quantities = self._quantities(body[: -len(_YEAR_WINDOW) - 1])
        strict = self._strict(body, quantities) if ">" in body else frozenset()
        negated, glossed = self._negated(body)
        windows = self._quantities(_YEAR_WINDOW) if window else frozenset()
        # the year a share's window was read from is no word of the name: what ends it still does
        shown = body[: -len(_YEAR_WINDOW) - 1] if window else body
        year_back = bool(_YEAR_BACK.search(name.lower()))
        year_span = not basis and _DIGIT.search(said) is not None and len(_YEAR_SPAN.findall(said)) == 1
        read = _CLOCK_START.sub(r"\1", shown)
        counted = self._count_gloss(said, text, noise)
        # the count's `(n)` goes at the end, where a comparator that ends the name (`(number) -
        # target`) must still be read: then the words are read both with it and without
        seen = self._qualifiers.found(read + counted) + (self._qualifiers.found(read) if counted else [])
        found = (gv for x in seen for gv in x.split("\n"))
        qualifiers = frozenset((g, v) for g, _, v in (x.partition("\t") for x in found))
        cohort_year = window and self._cohort(text)
        # the year said of a share's children is its period, no window its words say
        plain = self._unit_words.sub(shown if cohort_year else body)[0]
        heading = self._heading(text)
        words = frozenset(self.tokens(plain))
        if heading and _restates_heading(name):
            # the heading's words said again in the measure (`Child protection: rate of children
            # on a child protection plan`) add nothing to it: they are left out of its words
            words -= heading
            plain = " ".join(t for t in plain.split() if t not in heading)
        core = " ".join(sorted(set(self.tokens(_PAREN_GLOSS.sub(" ", plain))))) if "(" in plain else ""
        return Facts(
            key=" ".join(self.tokens(keyed)) + "".join(f" [{b}]" for b in sorted(basis)),
            content=" ".join(sorted(words)),
            core=core or " ".join(sorted(words)),
            quantities=quantities,
            basis=basis,
            qualifiers=qualifiers,
            excluded=excluded,
            included=included,
            unit=unit,
            expansions=expansions,
            either=self._either(plain),
            groups=_grouped(qualifiers),
            words=words,
            mentions=included | words,
            windows=windows,
            whole=bool(self._whole.found(text)),
            breakdown=next((m.group(0) for m, _ in self._breakdowns.matches(text)), ""),
            two_units=self._share_and_rate(text)
            or bool(self._unit_pairs.found(said))
            or (bool(noise or "(" in said) and self._stated_units(said, cued)),
            any_period=any_period,
            negated=negated,
            negated_gloss=glossed,
            strict=strict,
            only=only,
            only_values=only_values,
            bare=self._bare(plain) if "(" in plain else words,
            glossed=self._short_glosses(plain) if "(" in plain else frozenset(),
            spanned=basis == _YEAR_END and self._period_spans.search(said),
            clock_from=self._clock_from(said) if _SPANS_OF_TIME.search(said) else frozenset(),
            clause_ages=clause_ages,
            counts=counts,
            heading=heading,
            year_back=year_back,
            cohort_year=cohort_year,
            elsewhere=self._another_nation(said),
            year_span=year_span,
            any_time=bool(self._any_time.found(said)),
        )

    def _heading(self, text: str) -> frozenset[str]:
        """The words of a short heading (up to three words and a colon) opening a name that goes on
        after it, which the rest does not say: the topic a table is printed under (LAIT's `NEET:`,
        `Child protection:`), not a part of the measure. A long opening clause (`Referrals during
        the year ending 31 March: percentage that were ...`) is the measure's population, no heading."""
        m = _HEADING.match(text)
        if m is None:
            return frozenset()
        return frozenset(self.tokens(m.group(1))) - frozenset(self.tokens(text[m.end() :]))

    def _counted_unit(self, text: str) -> frozenset[str]:
        """The thing a name counts: the first counted unit it names, or the last of a run of them
        written as one compound (`foster carer households`, `foster carer children`: the head
        noun; words the noise took between two, `adopters per 10,000 children`, part them). A
        unit alone in a parenthesis (`looked after children (episodes)`) says what is counted
        wherever it stands, and so does one ending the name after a dash (`... missing for 24
        hours - episodes`). Nothing for a name that names none."""
        found = sorted(self._counted.matches(text), key=lambda mi: mi[0].start())
        if not found:
            return frozenset()
        values = self._counted.values
        for m, i in found:
            before, after = text[: m.start()].rstrip(), text[m.end() :].strip()
            if (before.endswith("(") and after.startswith(")")) or (before.endswith((" -", ":")) and not after):
                return frozenset({values[i]})
        head, at = found[0]
        for m, i in found[1:]:
            if text[head.end() : m.start()] not in (" ", "-"):
                break
            head, at = m, i
        return frozenset({values[at]})

    def _clock_from(self, text: str) -> frozenset[str]:
        """The event a stated limit's clock runs from: the one the name states after it (`within
        45 working days of the contact`), or, where it states none, the one the guidance of the
        event whose limit it states counts from (an assessment's 45 working days: the referral)."""
        m = _CLOCK_START.search(text)
        if m:
            return frozenset(self._clock_starts.found(m.group(0)[len(m.group(1)) :]))
        for ts, _, limit in self._timescales:
            if ts.start and limit.search(text):
                return frozenset({ts.start})
        return frozenset()

    def clock_words(self, name: str) -> dict[str, frozenset[str]]:
        """The words with which a name states each event a clock may run from (`section 47 being
        initiated`: the strategy discussion's)."""
        out: dict[str, frozenset[str]] = {}
        text = self.canonical(name)[0]
        for m, i in self._clock_starts.matches(text):
            value = self._clock_starts.values[i]
            out[value] = out.get(value, frozenset()) | frozenset(self.tokens(m.group(0)))
        return out

    def _count_gloss(self, said: str, text: str, noise: int) -> str:
        """A count the name said only in a gloss the noise takes (`ICPCs held (number)`, `-
        number`) is still said where qualifiers are read: as `(n)` at the end, the shortest gloss."""
        if noise and self.unit_of(said) == "count" and self.unit_of(text) != "count":
            return " (n)"
        return ""

    def _strict(self, text: str, quantities: frozenset[Quantity]) -> frozenset[Quantity]:
        """The lower bounds written `more than N` (`over 45 days`) in a span the profile counts in
        whole units: there the same threshold is `N+1 or more` (`46 days or more`)."""
        out = set()
        for m in _STRICT.finditer(text):
            q = _whole_days(Quantity(float(m.group(1)), _KINDS[m.group(2)], "lower"))
            if q in quantities and q.kind in self.profile.whole_spans:
                out.add(q)
        return frozenset(out)

    def stated(self, text: str) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
        """The qualifier values and the words of a prose text (an entry's definition): a cheaper
        reading than `facts`, which a definition, never matched itself, does not need."""
        body = self.canonical(text)[0]
        found = (gv for x in self._qualifiers.found(_CLOCK_START.sub(r"\1", body)) for gv in x.split("\n"))
        return frozenset((g, v) for g, _, v in (x.partition("\t") for x in found)), frozenset(self.tokens(body))

    def tokens(self, text: str) -> list[str]:
        out: list[str] = []
        for tok in _TOKEN.findall(text):
            if tok in self.profile.stop_words:
                continue
            tok = _stem(tok)
            if not out or out[-1] != tok:
                out.append(tok)
        return out

    def _negated(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """What the name denies (`not completed in time`, `with no health assessment`): the first
        word after each of the profile's negations. Inside a parenthetical gloss (`(no assessment
        required)`) a denial explains the measure; outside it, it is the measure."""
        stated: set[str] = set()
        glossed: set[str] = set()
        for m, _ in self._negations.matches(text):
            after = self.tokens(text[m.end() :])
            if after:
                inside = text.count("(", 0, m.start()) > text.count(")", 0, m.start())
                (glossed if inside else stated).add(after[0])
        return frozenset(stated), frozenset(glossed)

    def _either(self, text: str) -> frozenset[tuple[str, str]]:
        """`X or Y` between two content words: a measure of both together (CAO or SGO). So is a
        bracketed list of three or more (`open to the service (assessment, CIN, CP, CLA, CL)`), and
        a list ending in `or`, or in `and` outside a gloss (`reading, writing and maths`)."""
        out = set()
        for m in _EITHER.finditer(text):
            x, y = _stem(m.group(1)), _stem(m.group(2))
            if x != y and not ({x, y} & self.profile.stop_words) and not (x[0].isdigit() or y[0].isdigit()):
                out.add((x, y))
        for m in _EITHER_LIST.finditer(text):
            x, y, z = (_stem(g) for g in m.group(1, 2, 4))
            glossed = text.count("(", 0, m.start()) > text.count(")", 0, m.start())
            if m.group(3) == "and" and glossed:
                continue  # a list in a gloss says what is counted, not a measure of all of it together
            if not ({x, y, z} & self.profile.stop_words) and not any(w[0].isdigit() for w in (x, y, z)):
                out.update({(x, y), (y, z)})
        for m in _LIST.finditer(text):
            items = [self.tokens(i) for i in m.group(1).split(",")]
            words = [i[0] for i in items if len(i) == 1]
            out.update(zip(words, words[1:], strict=False))
        return frozenset(out)

    def _clauses(self, text: str) -> tuple[str, frozenset[str], frozenset[str], frozenset[tuple[str, Quantity]]]:
        """`excluding X` / `including X`: what the measure leaves out or adds, taken out of its words,
        and the ages that bound what a clause of the name itself (not a gloss's list nor a note's
        `may include`) leaves out or adds (`including adults aged 21+`).
        A gloss that ends the name after a clause's own words (`excluding UASC (rate, rolling 12
        months)`) says what the whole name measures, not what is left out: it stays in the words."""
        excluded: set[str] = set()
        included: set[str] = set()
        ages: set[tuple[str, Quantity]] = set()

        def take(m: re.Match[str]) -> str:
            obj, after = m.group("obj"), ""
            gloss = _END_GLOSS.search(obj) if m.end() == len(text) else None
            if gloss and obj[: gloss.start()].strip():
                obj, after = obj[: gloss.start()], obj[gloss.start() :]
            outside = text.count("(", 0, m.start()) <= text.count(")", 0, m.start())
            if outside:
                obj, rest = self._object(obj)
                after = rest + after
            # a clause of the name itself, not a gloss's list nor a verb's note (`may include`)
            bounds = outside and (m.group("ex") or m.group("inc")) not in _CLAUSE_VERBS
            words = {w for w in self.tokens(obj) if not w[0].isdigit() and w not in _AGE_WORDS}
            (excluded if m.group("ex") else included).update(words)
            if bounds:
                side = "excluding" if m.group("ex") else "including"
                ages.update((side, q) for q in self._quantities(obj) if q.kind == "age")
            return f" {after}"

        if any(cue in text for cue in _POSTPOSED_CUES):
            text = _POSTPOSED.sub(lambda m: f"{m[1]}{'in' if m[3][0] == 'i' else 'ex'}cluding {m[2]}", text)
        if not self._clause_words.search(text):
            return text, frozenset(), frozenset(), frozenset()
        return self._clause.sub(take, text), frozenset(excluded), frozenset(included), frozenset(ages)

    def _object(self, obj: str) -> tuple[str, str]:
        """An excluding/including clause's object, outside a gloss, ends where a relative clause
        or a time basis begins (`excluding UASC at the end of the month`, `including UASC who
        are placed out of area`): what follows says what the whole name counts, and when."""
        ends = [m.start() for m in (_RELATIVE.search(obj),) if m]
        ends += [m.start() for m, _ in self._bases.matches(obj)]
        cut = min((e for e in ends if obj[:e].strip()), default=len(obj))
        return obj[:cut], obj[cut:]

    def _cohort(self, text: str) -> bool:
        """The year is said of the children counted, after them and before what they had (`CLA
        during the year who had 3+ placements`, `plans starting during the year that were ...`)."""
        return bool(self._cohort_years.search(text))

    def _basis(self, text: str, unit: str | None) -> tuple[str, frozenset[str], bool]:
        """Every time-basis phrase, taken out of the words; for a percentage a year or the last 12
        months is the window its events are counted in (`3+ placements during the year` = `in the
        last 12 months`); for a rate or a count the last 12 months roll. A cumulative basis beside
        another (`in the month (rolling 12 months)`) is what the figure counts; the other only says
        when it is reported."""
        before = text
        text, values = self._bases.take(text, each=True)
        found = set(values)
        windows = found & _WINDOWS
        share = unit == "percent" or (unit is None and _LAST_12M in windows)
        window = bool(windows) and share and self.profile.year_windows_for_percentages
        if window:
            found -= windows
            text += f" {_YEAR_WINDOW}"
            said = [v for v in values if v in _WINDOWS]
            if len(said) > 1 or (said and _YEAR_WINDOW in before) or self._cohort(before):
                # a share that says its year twice (a basis and `within 12 months`, the grammar's
                # reading of `in the last 12 months`), or after its children and before what they
                # had (`CLA during the year who had 3+ placements`), says when its children are
                # counted: all the year's children, not those looked after at its end
                found.add("year")
        if _LAST_12M in found:
            found = (found - {_LAST_12M}) | {"rolling_12m"}
        if found & self._cumulative:
            found &= self._cumulative
        return text, frozenset(found), window

    @staticmethod
    def _quantities(text: str) -> frozenset[Quantity]:
        text = _CODES.sub(" ", text)
        out: set[Quantity] = set()
        for m in _QUANTITY.finditer(text):
            aged, prefix, last, lo, hi, plus, kind = m.groups()
            k = "age" if aged or kind in ("year old", "years") else _KINDS.get(kind or "", "")
            # `in the last 4 weeks` bounds as `within 4 weeks` does; a bare `in 12 months` need not
            bound = "lower" if plus else ("upper" if prefix and (prefix != "in" or k == "days" or last) else "")
            if hi is not None and float(lo) == 0 and k not in ("", "age"):
                lo, bound = None, "upper"  # a band from nothing is a limit: 0-10 days is within 10
            for v in (lo, hi):
                if v is not None:
                    out.add(_whole_days(Quantity(float(v), k, bound)))
        return frozenset(out)

    def says_any_time(self, text: str) -> bool:
        """The words say events are counted at any time, however long ago (the profile's
        `any_time`), read before the equivalents take them (`at any time (repeat)` is `repeat`)."""
        return bool(self._any_time.found(clean(text)))

    def period_window(self, facts: Facts, time_basis: str = "", any_time: bool = False) -> frozenset[Quantity]:
        """The year a share counted `in the period` may be observed over: an annual release's
        `during the year` names the same window, so it is no restriction that name adds. So too
        for a share whose entry records no time basis (`time_basis`) and whose name states none,
        nor any span of its own (`within 45 days`, `in the last 6 months`, `20 miles`), and whose
        names and definition never say `at any time` (`any_time`: a window of its own, unbounded):
        it counts over whatever period a document covers, and a year is one (`referrals in the
        year resulting in NFA (%)` is `percentage of referrals leading to NFA`)."""
        if facts.unit != "percent" or not self.profile.year_windows_for_percentages:
            return frozenset()
        unstated = (
            not time_basis
            and not facts.basis
            and not any_time
            and not any(q.kind in _KINDS.values() for q in facts.quantities)
        )
        if facts.any_period or unstated:
            return self._quantities(_YEAR_WINDOW)
        return frozenset()

    def _cues(self, text: str) -> list[str]:
        """The unit cues found in a text: a name's reading asks this of one text up to three times."""
        hit = self._cued.get(text)
        if hit is None:
            if len(self._cued) > _MOST_CUED:
                self._cued.clear()
            hit = self._cued[text] = self._units.found(text)
        return hit

    def unit_of(self, text: str) -> str | None:
        """The unit the wording commits to (the profile's first cue found), or None."""
        found = self._cues(text)
        return self._unit_names[min(int(i) for i in found)] if found else None

    def _share_and_rate(self, text: str) -> bool:
        """The wording says both a share and a rate (`percentage ... - rate`): two units."""
        units = {self._unit_names[int(i)] for i in self._cues(text)}
        return "percent" in units and any(u.startswith("rate_") for u in units)

    def _stated_units(self, said: str, cued: frozenset[int] | None) -> bool:
        """Two units in the words before the noise took a rate's gloss (`per 100,000 10-17 year
        olds`), which still says its unit: a share and a rate, two rates per different numbers
        (`rate per 10,000 ... per 100,000`), or a count's gloss (`(num)`) beside either. A bare
        `rate` (a unit's fallback cue) beside a share is the share's own name (`re-registration
        rate (%)`). `cued`: the unit cues already found in these words, if they were looked for."""
        found = (cued if cued is not None else frozenset(int(i) for i in self._cues(said))) - self._fallback
        units = {self._unit_names[i] for i in found}
        rates = {u for u in units if u.startswith("rate_")}
        if ("percent" in units and rates) or len(rates) > 1:
            return True
        return ("percent" in units or bool(rates)) and "(" in said and bool(self._count_glosses.found(said))


_MOST_CUED = 4096


def grammar_texts() -> list[str]:
    """The grammar's own phrasing of numbers, thresholds and clauses (`at least`, `working days`,
    `excluded`): words a name may be meant to spell."""
    return [p for _, p, _ in _GRAMMAR] + [_YEARS.pattern, _QUANTITY.pattern, _POSTPOSED.pattern]


@lru_cache(maxsize=16384)
def _stem(tok: str) -> str:
    """Plurals and a few suffixes that only change the part of speech (persistently absent,
    persistent absence)."""
    if len(tok) > 4 and tok.endswith("ies"):
        return tok[:-3] + "y"
    if len(tok) > 3 and tok.endswith("s") and not tok.endswith("ss"):
        tok = tok[:-1]
    if len(tok) > 6 and tok.endswith("ly"):
        tok = tok[:-2]
    if len(tok) > 6 and tok.endswith(("ence", "ance")):
        tok = tok[:-4] + ("ent" if tok.endswith("ence") else "ant")
    return tok


def _whole_days(q: Quantity) -> Quantity:
    """Whole days in hours are days (`within 24 hours` and `within 1 working day` are one timescale)."""
    if q.kind == "hours" and q.value and q.value % 24 == 0:
        return Quantity(q.value / 24, "days", q.bound)
    return q


_AN_AGE = 10.0  # years no span a children's measure counts reaches: `(19 to 21 years)` is an age band


def _years_to_months(m: re.Match[str]) -> str:
    """`2 years` is 24 months, and both ends of a range are (`1-2 years` is 12-24 months). Years
    from ten up are an age (`care leavers (19 to 21 years)`, `CLA 16+ years`): a plan, a wait or a
    stay in care is counted in months or a few years."""
    n = 1.0 if m.group(2) == "a" else float(m.group(2))
    first = float(m.group(1)) if m.group(1) else n
    if first >= _AN_AGE:
        return f"aged {m.group(1) + '-' if m.group(1) else ''}{m.group(2)}{m.group(3)}"
    low = f"{first * 12:g}-" if m.group(1) else ""
    return f"{low}{n * 12:g}{m.group(3)} months"


@lru_cache(maxsize=4)
def vocabulary(extra: str | None = None) -> Vocabulary:
    return Vocabulary(profmod.load(extra))


def key(name: str) -> str:
    """The identity of a printed name for exact alias look-up and for decisions (shipped profile)."""
    return vocabulary().facts(str(name or "")).key


def content(name: str) -> str:
    return vocabulary().facts(str(name or "")).content


def unit_from_name(name: str) -> str | None:
    return vocabulary().unit_of(vocabulary().canonical(name)[0])


def unit_from_values(values: list[str]) -> str | None:
    """Printed cells as evidence: a `%` cell is a percentage, `21 weeks` is weeks."""
    cells = [str(v).strip() for v in values if v is not None and str(v).strip()]
    cells = [c for c in cells if re.search(r"\d", c)]
    if not cells:
        return None
    share: Callable[[str], int] = lambda rx: sum(bool(re.search(rx, c, re.I)) for c in cells) * 2  # noqa: E731
    if share("%") > len(cells):
        return "percent"
    if share(r"\bweeks?\b") > len(cells):
        return "weeks"
    if share(r"\bdays?\b") > len(cells):
        return "days"
    return None


def units_compatible(a: str | None, b: str | None) -> bool:
    """Unknown is compatible with anything."""
    return a is None or b is None or a == b

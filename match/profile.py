"""The matching vocabulary as data: abbreviations and synonyms, unit cues, time-basis phrases,
qualifiers and inclusion rules, read from `profile.json` beside the catalogue.

Domain knowledge changes faster than code and differs between publishers, so it lives in a file
users can extend: `load(extra)` adds a user's file to the shipped one (its entries first, so a
user's reading of a phrase wins over the shipped one).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).resolve().parent / "profile.json"
# held: a doubt no score settles, for a person; widens (an inclusion): hard where the name being
# matched adds it to an entry that includes nothing, free where only the entry says it
POLICIES = ("hard", "held", "soft", "free", "widens")
BASES = ("rolling_12m", "ytd", "quarter", "month", "week", "snapshot", "year")
# Bases a phrase may be read as: `last_12m` (the last 12 months) is never kept, it becomes a
# percentage's window like `year`, else rolling 12 months; so no catalogue entry records it.
READ_BASES = (*BASES, "last_12m")
# The kinds of span a threshold is read in (what `45 working days`, `12 months` are counted in).
SPANS = ("days", "calendar days", "weeks", "months", "hours", "miles")


class ProfileError(ValueError):
    pass


@dataclass(frozen=True)
class Equivalent:
    """Every form means `token`: applied to both names, so either direction meets."""

    token: str
    label: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class QualifierValue:
    """`implied_by`: words of a name that say the value without naming it (a review held in
    timescale was completed), so a name with one of them lacks nothing."""

    value: str
    forms: tuple[str, ...]
    one_sided: str = ""
    implied_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Qualifier:
    """Two names whose values in one group differ are different measures; `one_sided` says what
    a value on one side only is (hard: a different measure, held: a doubt no score settles, soft:
    a doubt that costs points, free: nothing).
    `over_a_period`: its values count events in a period (new, ceased), never a point in time.
    `overlap_agrees`: two names contradict only when neither's values hold the other's (children
    looked after vs care leavers, children in need and care leavers vs children looked after and
    care leavers, but not children looked after and care leavers vs care leavers); a name with
    part of an entry's values counts part of its population, which a person decides.
    `count_or_share`: a name that carries one of its values and says no unit may count the events
    as well as give their share (`contacts that became referrals`).
    `defined`: an entry whose definition states one of its values states it for every name of
    the entry (a rate of assessments defined as assessments completed).
    `unsaid_splits`: a value a name leaves unsaid costs nothing, but where the catalogue holds the
    measure both with and without it, a name saying neither may mean either (a pathway plan, or an
    up-to-date one)."""

    group: str
    one_sided: str
    values: tuple[QualifierValue, ...]
    over_a_period: bool = False
    overlap_agrees: bool = False
    count_or_share: bool = False
    defined: bool = False
    unsaid_splits: bool = False

    def policy(self, value: str) -> str:
        for v in self.values:
            if v.value == value and v.one_sided:
                return v.one_sided
        return self.one_sided

    def implied(self, value: str, words: frozenset[str]) -> bool:
        return any(v.value == value and v.implied_by & words for v in self.values)

    def implied_values(self, words: frozenset[str]) -> frozenset[str]:
        """The values the words say without naming them (`new` says started)."""
        return frozenset(v.value for v in self.values if v.implied_by & words)


@dataclass(frozen=True)
class Basis:
    """`cumulative`: a figure that accumulates over a span (rolling 12 months, year to date); a name
    that also says `in the month` says when it is reported, not what it counts."""

    basis: str
    label: str
    forms: tuple[str, ...]
    cumulative: bool = False


@dataclass(frozen=True)
class Timescale:
    """What `in timescale` means for one kind of event: the limit its statutory guidance sets
    (an ICPC within 15 working days of the strategy discussion). A name that says the event was
    in timescale and one that states that limit name one measure; another limit, another measure."""

    subject: str
    forms: tuple[str, ...]
    limit: str
    start: str = ""  # the event its clock runs from (a clock start's value), when guidance sets one


@dataclass(frozen=True)
class ClockStart:
    """An event a timescale's clock may run from (`within 45 working days of the referral`)."""

    value: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class CountedUnit:
    """A thing a name may count (children, episodes, households): two names counting different
    things are different measures (`foster carer children` are no foster carers)."""

    value: str
    forms: tuple[str, ...]
    # the things a count of this one is often printed under (a count of episodes of care titled by
    # the children they are of: `children ceasing to be looked after`): no contradiction
    titled_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class Window:
    """The window an event is only counted in (a re-referral is a referral within 12 months of
    the previous one): a name that states no duration means that window, so it meets a name that
    states it; a name stating another duration (`outside 12 months`, `within 24 months`) does not."""

    subject: str
    forms: tuple[str, ...]
    limit: str


@dataclass(frozen=True)
class CodeTitle:
    """A national indicator's title as its set words it (NI 65: children becoming the subject of
    a child protection plan for a second or subsequent time), as patterns on a name lower-cased
    and its spaces tidied: a name that says it, and no unit outside it, names the measure the code does, as if
    it printed the code (a unit word inside the title is the title's, not the name's)."""

    code: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class UnitCue:
    unit: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Inclusions:
    excluding: tuple[str, ...]
    including: tuple[str, ...]
    excluded_default: str
    included_default: str
    objects: tuple[tuple[str, str, str], ...]  # (word, excluded policy, included policy)
    # qualifier groups a list of exclusions is read as complete for: when both names list what
    # they exclude, a value of these excluded by one name only is counted by the other
    listed: tuple[str, ...] = ()

    def policy(self, word: str, side: str) -> str:
        for w, excluded, included in self.objects:
            if w == word:
                chosen = excluded if side == "excluded" else included
                if chosen:
                    return chosen
        return self.excluded_default if side == "excluded" else self.included_default


@dataclass(frozen=True)
class Profile:
    number_words: dict[str, int]
    equivalents: tuple[Equivalent, ...]
    noise: tuple[str, ...]
    unit_words: tuple[str, ...]
    stop_words: frozenset[str]
    units: tuple[UnitCue, ...]
    time_basis: tuple[Basis, ...]
    year_windows_for_percentages: bool
    qualifiers: tuple[Qualifier, ...]
    inclusions: Inclusions
    sources: tuple[str, ...] = field(default=())
    whole_population: tuple[str, ...] = ()
    any_period: tuple[str, ...] = ()
    any_time: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    timescales: tuple[Timescale, ...] = ()
    windows: tuple[Window, ...] = ()
    breakdowns: tuple[str, ...] = ()
    unit_pairs: tuple[str, ...] = ()
    whole_spans: frozenset[str] = frozenset()
    restrictions: tuple[str, ...] = ()
    period_spans: tuple[str, ...] = ()
    cohort_years: tuple[str, ...] = ()
    clock_starts: tuple[ClockStart, ...] = ()
    counted_units: tuple[CountedUnit, ...] = ()
    # the residual-difference check: words a name may say that its entry need not explain (the
    # setting, not the measure: `case`, `children's social care`), and the words an entry's unit
    # implies (`average`, `weeks` for a duration in weeks)
    residual_free: tuple[str, ...] = ()
    residual_by_unit: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # phrases that join a name's parts (`as a result of`): their words say nothing of the measure
    # where the name says them as the phrase
    residual_connectives: tuple[str, ...] = ()
    code_titles: tuple[CodeTitle, ...] = ()
    # the marks of another nation's measure set (`(PMC24)`, `Wales`): its statutory
    # timescales are its own, so the profile's `timescales` are neither read into nor out of it
    elsewhere: tuple[str, ...] = ()

    def label(self, token: str) -> str:
        for e in self.equivalents:
            if e.token == token:
                return e.label
        return token


def _strs(raw: Any, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise ProfileError(f"{where}: expected a list of strings")
    for pattern in raw:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ProfileError(f"{where}: {pattern!r} is not a regular expression ({exc})") from None
    return tuple(raw)


def _policy(raw: Any, where: str) -> str:
    if raw not in POLICIES:
        raise ProfileError(f"{where}: {raw!r} is not one of {', '.join(POLICIES)}")
    return str(raw)


def _qualifier(raw: dict[str, Any]) -> Qualifier:
    where = f"qualifier {raw.get('group', '?')!r}"
    values = []
    for v in raw.get("values", []):
        one = _policy(v["one_sided"], where) if v.get("one_sided") else ""
        implied = frozenset(str(w) for w in v.get("implied_by", []))
        values.append(QualifierValue(str(v["value"]), _strs(v["forms"], where), one, implied))
    policy = _policy(raw.get("one_sided", "soft"), where)
    return Qualifier(
        str(raw["group"]),
        policy,
        tuple(values),
        bool(raw.get("over_a_period", False)),
        bool(raw.get("overlap_agrees", False)),
        bool(raw.get("count_or_share", False)),
        bool(raw.get("defined", False)),
        bool(raw.get("unsaid_splits", False)),
    )


def _inclusions(raw: dict[str, Any]) -> Inclusions:
    sided = raw.get("one_sided", {})
    objects = tuple(
        (
            str(o["word"]),
            _policy(o["excluded"], "inclusions") if o.get("excluded") else "",
            _policy(o["included"], "inclusions") if o.get("included") else "",
        )
        for o in raw.get("objects", [])
    )
    return Inclusions(
        _strs(raw.get("excluding", []), "inclusions.excluding"),
        _strs(raw.get("including", []), "inclusions.including"),
        _policy(sided.get("excluded", "soft"), "inclusions.one_sided"),
        _policy(sided.get("included", "free"), "inclusions.one_sided"),
        objects,
        _strs(raw.get("listed_groups", []), "inclusions.listed_groups"),
    )


def _basis(raw: dict[str, Any]) -> Basis:
    if raw.get("basis") not in READ_BASES:
        raise ProfileError(f"time_basis: {raw.get('basis')!r} is not one of {', '.join(READ_BASES)}")
    return Basis(
        raw["basis"],
        str(raw.get("label", raw["basis"])),
        _strs(raw["forms"], f"time_basis {raw['basis']}"),
        bool(raw.get("cumulative", False)),
    )


def from_dict(data: dict[str, Any], source: str = "") -> Profile:
    return Profile(
        number_words={str(k): int(v) for k, v in data.get("number_words", {}).items()},
        equivalents=tuple(
            Equivalent(
                str(e["token"]), str(e.get("label", e["token"])), _strs(e["forms"], f"equivalent {e['token']!r}")
            )
            for e in data.get("equivalents", [])
        ),
        noise=_strs(data.get("noise", []), "noise"),
        unit_words=_strs(data.get("unit_words", []), "unit_words"),
        stop_words=frozenset(data.get("stop_words", [])),
        units=tuple(UnitCue(str(u["unit"]), _strs(u["cues"], f"units {u['unit']}")) for u in data.get("units", [])),
        time_basis=tuple(_basis(b) for b in data.get("time_basis", [])),
        year_windows_for_percentages=bool(data.get("year_windows_for_percentages", True)),
        qualifiers=tuple(_qualifier(q) for q in data.get("qualifiers", [])),
        inclusions=_inclusions(data.get("inclusions", {})),
        sources=(source,) if source else (),
        whole_population=_strs(data.get("whole_population", []), "whole_population"),
        any_period=_strs(data.get("any_period", []), "any_period"),
        any_time=_strs(data.get("any_time", []), "any_time"),
        negations=_strs(data.get("negations", []), "negations"),
        timescales=tuple(_timescale(t) for t in data.get("timescales", [])),
        windows=tuple(Window(t.subject, t.forms, t.limit) for t in map(_timescale, data.get("windows", []))),
        breakdowns=_strs(data.get("breakdowns", []), "breakdowns"),
        unit_pairs=_strs(data.get("unit_pairs", []), "unit_pairs"),
        whole_spans=_spans(data.get("whole_spans", [])),
        restrictions=_strs(data.get("restrictions", []), "restrictions"),
        period_spans=_strs(data.get("period_spans", []), "period_spans"),
        cohort_years=_strs(data.get("cohort_years", []), "cohort_years"),
        clock_starts=tuple(
            ClockStart(str(c["value"]), _strs(c["forms"], f"clock_starts {c['value']!r}"))
            for c in data.get("clock_starts", [])
        ),
        counted_units=tuple(
            CountedUnit(
                str(c["value"]),
                _strs(c["forms"], f"counted_units {c['value']!r}"),
                _plain(c.get("titled_as", []), f"counted_units {c['value']!r} titled_as"),
            )
            for c in data.get("counted_units", [])
        ),
        residual_free=_plain(_section(data, "residual").get("free", []), "residual.free"),
        residual_by_unit={
            str(u): _plain(ws, f"residual.by_unit {u}")
            for u, ws in _section(_section(data, "residual"), "by_unit", "residual.").items()
        },
        residual_connectives=_plain(_section(data, "residual").get("connectives", []), "residual.connectives"),
        code_titles=tuple(
            CodeTitle(str(c["code"]), _strs(c["forms"], f"code_titles {c['code']!r}"))
            for c in data.get("code_titles", [])
        ),
        elsewhere=_strs(data.get("elsewhere", []), "elsewhere"),
    )


def _section(data: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
    raw = data.get(key, {})
    if not isinstance(raw, dict):
        raise ProfileError(f"{where}{key}: expected an object")
    return raw


def _plain(raw: Any, where: str) -> tuple[str, ...]:
    """A list of words as printed (not patterns)."""
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise ProfileError(f"{where}: expected a list of strings")
    return tuple(raw)


def _spans(raw: Any) -> frozenset[str]:
    spans = frozenset(_strs(raw, "whole_spans"))
    unknown = spans - set(SPANS)
    if unknown:
        raise ProfileError(f"whole_spans: {', '.join(sorted(unknown))} not one of {', '.join(SPANS)}")
    return spans


def _timescale(raw: dict[str, Any]) -> Timescale:
    subject = str(raw["subject"])
    limit = str(raw["limit"])
    if not re.fullmatch(r"\d+ (working days|days|weeks|months|hours)", limit):
        raise ProfileError(
            f"timescale {subject!r}: limit {limit!r} is not '<number> working days|days|weeks|months|hours'"
        )
    return Timescale(subject, _strs(raw["forms"], f"timescale {subject!r}"), limit, str(raw.get("from", "")))


def _merge_named(first: tuple[Any, ...], second: tuple[Any, ...], name: str) -> tuple[Any, ...]:
    """`first` (the user's) before `second`; entries of the same name joined, the user's forms first."""
    out: list[Any] = []
    seen: dict[str, int] = {}
    for item in first + second:
        k = getattr(item, name)
        if k not in seen:
            seen[k] = len(out)
            out.append(item)
            continue
        old = out[seen[k]]
        if isinstance(old, Qualifier):
            out[seen[k]] = replace(old, values=old.values + item.values)
        elif isinstance(old, UnitCue):
            out[seen[k]] = replace(old, cues=old.cues + item.cues)
        elif isinstance(old, Basis):
            out[seen[k]] = replace(old, forms=old.forms + item.forms, cumulative=old.cumulative or item.cumulative)
        else:
            out[seen[k]] = replace(old, forms=old.forms + item.forms)
    return tuple(out)


def extend(base: Profile, extra: Profile) -> Profile:
    return Profile(
        number_words={**base.number_words, **extra.number_words},
        equivalents=_merge_named(extra.equivalents, base.equivalents, "token"),
        noise=extra.noise + base.noise,
        unit_words=extra.unit_words + base.unit_words,
        stop_words=base.stop_words | extra.stop_words,
        units=extra.units + base.units,
        time_basis=_merge_named(extra.time_basis, base.time_basis, "basis"),
        year_windows_for_percentages=base.year_windows_for_percentages,
        qualifiers=_merge_named(extra.qualifiers, base.qualifiers, "group"),
        inclusions=Inclusions(
            extra.inclusions.excluding + base.inclusions.excluding,
            extra.inclusions.including + base.inclusions.including,
            base.inclusions.excluded_default,
            base.inclusions.included_default,
            extra.inclusions.objects + base.inclusions.objects,
            tuple(dict.fromkeys(extra.inclusions.listed + base.inclusions.listed)),
        ),
        sources=base.sources + extra.sources,
        whole_population=extra.whole_population + base.whole_population,
        any_period=extra.any_period + base.any_period,
        any_time=extra.any_time + base.any_time,
        negations=extra.negations + base.negations,
        timescales=_merge_named(extra.timescales, base.timescales, "subject"),
        windows=_merge_named(extra.windows, base.windows, "subject"),
        breakdowns=extra.breakdowns + base.breakdowns,
        unit_pairs=extra.unit_pairs + base.unit_pairs,
        whole_spans=base.whole_spans | extra.whole_spans,
        restrictions=extra.restrictions + base.restrictions,
        period_spans=extra.period_spans + base.period_spans,
        cohort_years=extra.cohort_years + base.cohort_years,
        clock_starts=_merge_named(extra.clock_starts, base.clock_starts, "value"),
        counted_units=_merge_named(extra.counted_units, base.counted_units, "value"),
        residual_free=base.residual_free + extra.residual_free,
        residual_by_unit={
            u: base.residual_by_unit.get(u, ()) + extra.residual_by_unit.get(u, ())
            for u in base.residual_by_unit.keys() | extra.residual_by_unit.keys()
        },
        residual_connectives=base.residual_connectives + extra.residual_connectives,
        code_titles=_merge_named(extra.code_titles, base.code_titles, "code"),
        elsewhere=extra.elsewhere + base.elsewhere,
    )


def _read(path: Path) -> Profile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"{path}: no such profile file") from None
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: a profile is a JSON object")
    try:
        return from_dict(data, str(path))
    except ProfileError as exc:
        raise ProfileError(f"{path}: {exc}") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise ProfileError(f"{path}: malformed entry ({exc})") from None


def load(extra: str | Path | None = None) -> Profile:
    """The shipped profile, extended by the user's file when one is given."""
    base = _read(DEFAULT_PATH)
    return extend(base, _read(Path(extra))) if extra else base

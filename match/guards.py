"""The guards: why two names cannot be the same measure (hard), or may not be (soft).

A hard finding removes a candidate whatever its score; a soft one costs it points and is shown to
the reviewer. Each guard reads only `Facts`, so one verdict serves every pair of names that share
them. What is hard, soft or free for a qualifier or an excluded word is the profile's to say.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .normalise import Facts, Quantity, units_compatible
from .profile import Profile, Qualifier

_WINDOW_KINDS = frozenset({"days", "calendar days", "weeks", "months", "hours"})
_CALENDAR = "calendar days"
BASIS_LABELS = {
    "rolling_12m": "rolling 12 months",
    "ytd": "year to date",
    "quarter": "in the quarter",
    "month": "in the month",
    "week": "in the week",
    "snapshot": "at a point in time",
    "year": "in the year",
}


@dataclass(frozen=True)
class Finding:
    """`stated`: both names say something and they disagree (a contradiction), rather than one
    name saying what the other leaves unsaid. `holds`: a doubt that no similarity outweighs, so a
    candidate with it goes to a person however well it scores."""

    guard: str
    detail: str
    hard: bool
    stated: bool = True
    holds: bool = False

    def __str__(self) -> str:
        return f"{self.guard}: {self.detail}"


@dataclass(frozen=True)
class Side:
    """A name with what the catalogue knows about its measure (unit, time basis). `implied`: the
    numbers its measure's definition carries (looked after 12+ months, the year a share is
    observed over), which a title may leave unsaid."""

    facts: Facts
    unit: str | None
    basis: frozenset[str]
    implied: frozenset[Quantity] = frozenset()
    population: dict[str, frozenset[str]] | None = field(default=None, compare=False)
    # what the name counts (children, episodes, households); for an entry, what any of its names does
    counts: frozenset[str] = field(default=frozenset(), compare=False)
    # for an entry, the values of each group one of its names states: (group, values)
    named: frozenset[tuple[str, frozenset[str]]] = field(default=frozenset(), compare=False)


def side(
    facts: Facts,
    unit: str | None = None,
    basis: str = "",
    implied: frozenset[Quantity] = frozenset(),
    population: dict[str, frozenset[str]] | None = None,
    counts: frozenset[str] | None = None,
) -> Side:
    """The catalogue's unit wins over the words; the name's own time basis over the catalogue's.
    `population`: the groups an entry's recorded population states (None: none recorded).
    `counts`: the things an entry's names count, where it has more than this name."""
    stated = facts.basis or (frozenset({basis}) if basis else frozenset())
    return Side(facts, unit or facts.unit, stated, implied, population, facts.counts if counts is None else counts)


def _labels(bases: frozenset[str]) -> str:
    return "/".join(BASIS_LABELS.get(b, b) for b in sorted(bases))


TIMELY = "timely"  # the profile's token for `in timescale`, `on time`
UP_TO_DATE = "uptodate"  # and for `up to date`: a state, yet it too says a timescale was kept
_SAYS_TIMESCALE = frozenset({TIMELY, UP_TO_DATE})
_MARKED = ("percent", "rate_per_1k", "rate_per_10k", "rate_per_100k", "days", "weeks")


UNIT_GUARD = "unit"


def unit(a: Side, b: Side) -> list[Finding]:
    """A percentage, a rate or a duration is nearly always said so; a name that says nothing is more
    likely a count. Publishers print a count and a share of the same events under one wording
    (`contacts that became referrals`), so a name that says no unit holds a share, a rate or a
    duration at review: the cells (a `%`), a person, or a catalogue that offers the name's words
    in that unit only (the matcher asks) decide."""
    if not units_compatible(a.unit, b.unit):
        return [Finding(UNIT_GUARD, f"{a.unit} vs {b.unit}", True)]
    for x, y in ((a, b), (b, a)):
        if x.unit is None and y.unit in _MARKED:
            return [Finding(UNIT_GUARD, f"the name does not say {y.unit}", False, False, True)]
    return []


_YEAR = frozenset({"year"})
_YEAR_END = frozenset({"snapshot", "year"})  # a snapshot taken each year (`at 31 March each year`)
_FLOWS = frozenset({"count", "rate_per_1k", "rate_per_10k", "rate_per_100k"})


def time_basis(a: Side, b: Side, prof: Profile) -> list[Finding]:
    """Two stated bases that share nothing are different measures. A count or a rate over a year
    is not one kept for a shorter period unless that one says it counts whatever period a
    document covers (`in the period`): a year's children missing education are not a quarter's.
    A name `a` that says its figure accumulates (rolling 12 months, year to date) is not `b` when
    neither b's words nor its entry say a basis: a count or a rate is another measure, a share is
    held for a person (a rolling share of assessments in time is not the month's, yet some
    publishers roll every share). The other way round it is no doubt: scorecards seldom say that
    a rate rolls. A name that states two periods (`at month end (new in month)`), one of them not
    the other name's, says two measures: a doubt no score settles (a snapshot taken each year is
    one period; a point in time beside a span of the year, `current ... during the year`, is two).
    A financial year printed bare is a basis too (`_year_span`), and `at any time` no point in time
    (`_ever`)."""
    if a.basis and b.basis and not (a.basis & b.basis):
        return [Finding("time basis", f"{_labels(a.basis)} vs {_labels(b.basis)}", True)]
    for x, y in ((a, b), (b, a)):
        if len(x.basis) > 1 and (x.basis != _YEAR_END or x.facts.spanned) and y.basis and x.basis - y.basis:
            said = f"{_labels(x.basis)} in one name vs {_labels(y.basis)}"
            return [Finding("time basis", said, False, True, True)]
    flow = a.unit in _FLOWS or b.unit in _FLOWS
    accumulates = _accumulates(a, b, prof, flow)
    if accumulates:
        return accumulates
    for x, y in ((a, b), (b, a)):
        if x.basis == _YEAR and not y.basis and not y.facts.any_period and flow:
            return [Finding("time basis", "in the year vs a period the name does not say", True, False)]
        if x.basis == _SNAPSHOT and y.facts.any_period and not y.basis:
            return [Finding("time basis", "at a point in time vs during the period", True)]
        if x.facts.windows and y.basis & _SHORT:
            return [Finding("time basis", f"over a year vs {_labels(y.basis & _SHORT)}", True, False)]
        if x.facts.windows and y.basis == _SNAPSHOT and not y.facts.windows and not x.basis:
            return [Finding("time basis", "over a year vs at a point in time", True, False)]
    return _year_span(a, b, flow) or _ever(a, b) or _year_back(a, b, flow)


def _ever(a: Side, b: Side) -> list[Finding]:
    """A name that counts at any time (`subject to a plan at any time`, `ever looked after`) and
    says no basis of its own is not a count at a point in time that says no such thing."""
    for x, y in ((a, b), (b, a)):
        if x.facts.any_time and not x.basis and y.basis == _SNAPSHOT and not y.facts.any_time:
            return [Finding("time basis", "at any time vs at a point in time", True)]
    return []


def _year_span(a: Side, b: Side, flow: bool) -> list[Finding]:
    """A count or a rate for a financial year printed bare (`Number of contacts 2023/24`) is the
    year's, not one kept for a month, a quarter or a week."""
    for x, y in ((a, b), (b, a)):
        if flow and x.facts.year_span and not x.basis and y.basis & _SHORT:
            return [Finding("time basis", f"a financial year vs {_labels(y.basis & _SHORT)}", True)]
    return []


_A_YEAR_BACK = Quantity(12.0, "months", "upper")  # `in the last 12 months`, `within 12 months`


def _year_back(a: Side, b: Side, flow: bool = False) -> list[Finding]:
    """A name that counts over the last 12 months and says no basis of its own is not one whose
    words say a month, a quarter, a week or a point in time and no 12 months at all (nor a window
    of 12 the profile gives its event, a re-referral's): `CLA placed in IFA placements in the last
    12 months` is not those placed `at the end of the month`. Nor, for a count or a rate, is it
    one whose entry says no period at all and no `in the period`: like a count `in the year`, a
    year's count is not one kept for whatever shorter period a document covers. The other name's
    own 12 months is that window only where it counts over a span: beside a point in time it is a
    length of stay (`in care up to 12 months at period end`), which a name's window (`in the last
    12 months`, not its own length of stay, `for less than 12 months`) does not restate."""
    for x, y in ((a, b), (b, a)):
        if x.facts.basis or _A_YEAR_BACK not in x.facts.quantities or y.facts.windows:
            continue
        stock = y.facts.basis == _SNAPSHOT and x.facts.year_back
        if not stock and any(q.value == 12 and q.bound == "upper" for q in y.facts.quantities | y.implied):
            continue
        short = y.facts.basis & (_SHORT | _SNAPSHOT)
        if short:
            return [Finding("time basis", f"the last 12 months vs {_labels(short)}", True)]
        if flow and x is a and not y.basis and not y.facts.basis and not y.facts.any_period:
            return [Finding("time basis", "the last 12 months vs a period the name does not say", True, False)]
    return []


_SHORT = frozenset({"week", "month", "quarter"})  # a share over a year is not the week's, month's or quarter's


def _accumulates(a: Side, b: Side, prof: Profile, flow: bool) -> list[Finding]:
    """A name `a` whose figure accumulates (rolling 12 months, year to date) against `b` that says
    no basis: a count or a rate is another measure, a share a doubt. Against a count or a rate
    kept `in the period` a document covers (its month or its year), which a rolling or
    year-to-date count may or may not be, a doubt no score settles."""
    if not a.facts.basis or not a.facts.basis <= _cumulative(prof) or b.basis:
        return []
    if not b.facts.any_period:
        said = f"{_labels(a.facts.basis)} vs a period the name does not say"
        return [Finding("time basis", said, flow, False, not flow)]
    if flow:
        said = f"{_labels(a.facts.basis)} vs the period a document covers"
        return [Finding("time basis", said, False, False, True)]
    return []


def point_or_period(a: Side, b: Side, prof: Profile) -> list[Finding]:
    """A measure at a point in time is a stock; one that counts what started or ended is a flow
    over a period: `currently on a plan for the second time` is not `new plans that are repeats`."""
    for x, y in ((a, b), (b, a)):
        if x.basis != _SNAPSHOT or not y.facts.groups:
            continue
        flows = sorted(v for g in _periodic(prof) & y.facts.groups.keys() for v in y.facts.groups[g])
        if flows:
            return [Finding("time basis", f"at a point in time vs {'/'.join(flows)} in a period", True)]
    return []


_SNAPSHOT = frozenset({"snapshot"})


_PERIODIC: dict[int, tuple[Profile, frozenset[str]]] = {}
_CUMULATIVE: dict[int, tuple[Profile, frozenset[str]]] = {}


def _cumulative(prof: Profile) -> frozenset[str]:
    """The bases that accumulate over a span, once per profile (keyed by identity, as `_periodic`)."""
    hit = _CUMULATIVE.get(id(prof))
    if hit is None or hit[0] is not prof:
        hit = _CUMULATIVE[id(prof)] = (prof, frozenset(b.basis for b in prof.time_basis if b.cumulative))
    return hit[1]


def _periodic(prof: Profile) -> frozenset[str]:
    """The groups that count events in a period, once per profile (keyed by identity: hashing a
    profile's qualifiers costs more than the guard)."""
    hit = _PERIODIC.get(id(prof))
    if hit is None or hit[0] is not prof:
        hit = _PERIODIC[id(prof)] = (prof, frozenset(q.group for q in prof.qualifiers if q.over_a_period))
    return hit[1]


def _by_kind(qs: frozenset[Quantity]) -> dict[str, set[Quantity]]:
    out: dict[str, set[Quantity]] = defaultdict(set)
    for q in qs:
        out[q.kind].add(q)
    return out


def _hours_as_days(qs: dict[str, set[Quantity]], other: dict[str, set[Quantity]]) -> dict[str, set[Quantity]]:
    """Hours short of whole days (`12 hours`), where the other name states days and no hours, are
    the part of a day they are: `12 hours / 1 working day` is not `24 hours / 1 working day`."""
    if not qs.get("hours") or other.get("hours") or not other.get("days"):
        return qs
    out = {k: set(v) for k, v in qs.items() if k != "hours"}
    out.setdefault("days", set()).update(Quantity(round(q.value / 24, 4), "days", q.bound) for q in qs["hours"])
    return out


def _show(qs: set[Quantity]) -> str:
    return _shown(frozenset(qs))


@lru_cache(maxsize=4096)
def _shown(qs: frozenset[Quantity]) -> str:
    return ", ".join(str(q) for q in sorted(qs))


def _resolve(qs: frozenset[Quantity], other: frozenset[Quantity]) -> frozenset[Quantity]:
    """A bare number takes the kind the other name gives the same number (`16+` and `aged 16+`)."""
    kinds = {q.value: q.kind for q in other if q.kind}
    if not kinds or all(q.kind for q in qs):
        return qs
    return frozenset(Quantity(q.value, kinds[q.value], q.bound) if not q.kind and q.value in kinds else q for q in qs)


def numbers(a: Side, b: Side) -> list[Finding]:
    """Same kind, other values: a different measure (10 vs 15 working days). Same values, one an
    upper and the other a lower bound: too (within 45 vs over 45). A kind on one side only: a doubt."""
    if a.facts.quantities == b.facts.quantities and (
        (not a.implied and not b.implied) or (not a.facts.quantities and not a.facts.whole and not b.facts.whole)
    ):
        return []  # the same numbers (or none), none bounded or restricted by a definition: nothing below differs
    fa, fb = _bounded(a.facts.quantities, a.implied), _bounded(b.facts.quantities, b.implied)
    fa, fb = _strict_as_next(fa, a.facts.strict, fb), _strict_as_next(fb, b.facts.strict, fa)
    whole = _whole_vs_restricted(a, fa, b, fb) or _whole_vs_restricted(b, fb, a, fa)
    if whole:
        return [whole]
    if fa == fb:
        return []
    qa, qb = _by_kind(_resolve(fa, fb)), _by_kind(_resolve(fb, fa))
    qa, qb = _hours_as_days(qa, qb), _hours_as_days(qb, qa)
    out: list[Finding] = []
    apart = _calendar_vs_working(qa, qb) or _calendar_vs_working(qb, qa)
    if apart:
        out.append(apart)
    for kind in sorted((qa.keys() | qb.keys()) - ({"days", _CALENDAR} if apart else set())):
        x, y = qa.get(kind, set()), qb.get(kind, set())
        if x and y and {q.value for q in x} != {q.value for q in y}:
            out.append(Finding("numbers", f"{_show(x)} vs {_show(y)}", True))
        elif x and y:
            out += _bounds(x, y)
        elif x or y:
            found = _one_sided_numbers(x or y, a if x else b, b if x else a)
            out += [found] if found else []
    return out


def _strict_as_next(
    qs: frozenset[Quantity], strict: frozenset[Quantity], other: frozenset[Quantity]
) -> frozenset[Quantity]:
    """`over 45 days` in a span counted whole is `46 days or more`: where the other name states the
    next whole unit as its lower bound (and not this one), the two state one threshold."""
    if not strict:
        return qs
    swap = {q: Quantity(q.value + 1, q.kind, q.bound) for q in strict if q not in other}
    swap = {q: n for q, n in swap.items() if n in other}
    return frozenset(swap.get(q, q) for q in qs) if swap else qs


_CHILDHOOD = frozenset({0.0, 17.0, 18.0})  # the ages bounding the whole child population (0-17, under 18)


def _whole_vs_restricted(x: Side, fx: frozenset[Quantity], y: Side, fy: frozenset[Quantity]) -> Finding | None:
    """A name that says it counts the whole population (`all CLA`, `any length of stay`) is not a
    measure of those past a lower bound the other states or its population implies (looked after
    12+ months, aged 16+), nor of an age band other than childhood's (care leavers aged 19-21), even
    where both name the same number for another reason (`in the year`)."""
    if not x.facts.whole:
        return None
    restricted = {q for q in fy | y.implied if q.bound == "lower" or (q.kind == "age" and q.value not in _CHILDHOOD)}
    restricted -= fx
    return Finding("numbers", f"all vs {_show(restricted)}", True) if restricted else None


def _calendar_vs_working(qa: dict[str, set[Quantity]], qb: dict[str, set[Quantity]]) -> Finding | None:
    """Calendar days on one side, days on the other: days a catalogue name states are working days
    (its timescales are counted so), and a limit in calendar days is another measure however
    alike the number (15 calendar days is not the 15 working days of an ICPC's timescale)."""
    if qa.get(_CALENDAR) and qb.get("days") and not qa.get("days"):
        return Finding("numbers", f"{_show(qa[_CALENDAR])} vs {_show(qb['days'])} (working days)", True)
    return None


def _one_sided_numbers(qs: set[Quantity], owner: Side, other: Side) -> Finding | None:
    """A number on one side only. A lower bound (15+ months, aged 16+, 3+ placements) restricts
    who is counted: a different measure. An upper bound (within 45 days) is the timescale a name
    that says `in timescale` refers to: nothing; otherwise it restricts a count, and for a
    percentage it may be the timescale the other name leaves unsaid. A bare number is a doubt.
    Numbers the owner's measure implies (its population's, its own year) are no restriction a
    title must repeat, unless the other name says it counts the whole population (`all CLA`);
    numbers the other's population states agree, and other values of the same kind contradict it
    (care leavers aged 17-18 against a measure of those aged 19-21), as does a part of its range
    (care leavers aged 21). An age band one name states and the other does not (children aged 5-9
    placed with IFAs) counts part of the other's population: a doubt no score settles. A share's
    year said of its children (`plans starting during the year that were repeats`) is its period.
    Another nation's `in timescale` is not the upper bound England's guidance sets."""
    if _within(qs, owner.implied) and not other.facts.whole:
        return None
    if owner.facts.cohort_year and qs <= owner.facts.windows:
        return None  # the year its children are counted in: the period, which a title may leave unsaid
    kinds = {q.kind for q in qs}
    defined = {q for q in other.implied if q.kind in kinds}
    if defined and {q.value for q in qs if q.kind in {d.kind for d in defined}} != {d.value for d in defined}:
        return Finding("numbers", f"{_show(qs)} vs {_show(defined)} (its population)", True)
    if _within(qs, other.implied):
        return None
    bounds = {q.bound for q in qs}
    timely = bool(_SAYS_TIMESCALE & other.facts.words)
    aged = any(q.kind == "age" and q.bound for q in qs)  # an age bound (under 5, 16+) says who is counted
    if bounds == {"upper"} and timely and not aged:
        if other.facts.elsewhere:
            # another nation's `in timescale` is its own limit (Wales: 42 working days), which
            # this one need not be: a doubt no score settles
            return Finding("numbers", f"{_show(qs)} vs another nation's timescale", False, False, True)
        return None
    hard = "lower" in bounds or ("upper" in bounds and (owner.unit == "count" or aged))
    band = not hard and any(q.kind == "age" for q in qs)
    bare = not hard and all(not q.bound and not q.kind for q in qs)
    return Finding("numbers", f"{_show(qs)} only on one side", hard, False, band or bare)


def _bounded(qs: frozenset[Quantity], implied: frozenset[Quantity]) -> frozenset[Quantity]:
    """A bare number in an entry's name takes the bound its definition gives the same number
    (`placed 20 miles from home` of an entry recorded as more than 20 miles is 20+ miles)."""
    if not implied or all(q.bound for q in qs):
        return qs
    bounds = {(d.value, d.kind): d.bound for d in implied if d.bound}
    return frozenset(Quantity(q.value, q.kind, bounds.get((q.value, q.kind), "")) if not q.bound else q for q in qs)


def _within(qs: set[Quantity], implied: frozenset[Quantity]) -> bool:
    """Every number is one the definition implies; a bare one (`(16+)`) takes the kind it has there."""
    return bool(implied) and all(
        any(q.value == d.value and q.bound == d.bound and q.kind in ("", d.kind) for d in implied) for q in qs
    )


def timescale(a: Side, b: Side) -> list[Finding]:
    """`In timescale` on one side only counts a subset of the other's events (review conferences
    held in timescale are not all review conferences; assessments completed in the timeframe are
    not all those completed): another measure, unless the other states the timescale itself
    (within 20 working days). A share of events is its timely part already: `% of CLA having
    health checks` is the share whose checks are in timescale, so between two shares it is no doubt."""
    if a.unit == b.unit == "percent":
        return []
    for x, y in ((a, b), (b, a)):
        stated = any(q.bound == "upper" for q in y.facts.quantities)
        if _SAYS_TIMESCALE & x.facts.words and not _SAYS_TIMESCALE & y.facts.words and not stated:
            return [Finding("timescale", "'in timescale' only on one side", True, False)]
    return []


def _bounds(x: set[Quantity], y: set[Quantity]) -> list[Finding]:
    """A value bounded above on one side and below on the other contradicts (within 45 vs over 45);
    a side that bounds it both ways (looked after 12+ months, seen within 12 months) agrees with
    either. A bare duration is the window a bound states (`seen in the last 4 weeks`), but any other
    bare number against a bound is a doubt no score settles: `placed 20 miles from home` may be
    within or beyond it, `20 children` exactly or at least."""
    out: list[Finding] = []
    for value in {q.value for q in x} & {q.value for q in y}:
        bx = {q.bound for q in x if q.value == value}
        by = {q.bound for q in y if q.value == value}
        if bx - {""} and by - {""} and not bx & by - {""}:
            return [Finding("threshold", f"{_show(x)} vs {_show(y)}", True)]
        if (bx == {""}) != (by == {""}) and not {q.kind for q in x | y if q.value == value} & _WINDOW_KINDS:
            doubt = f"{_show(x)} vs {_show(y)}: the bound on one side only"
            out.append(Finding("threshold", doubt, hard=False, stated=False, holds=True))
    return out


_BY_GROUP: dict[int, tuple[Profile, dict[str, list[tuple[int, Qualifier]]]]] = {}


def _in_order(prof: Profile, groups: set[str]) -> list[Qualifier]:
    """The qualifiers of these groups in the profile's order, looked up by group (once per profile,
    keyed by identity as `_periodic`) rather than found by walking every qualifier per pair."""
    hit = _BY_GROUP.get(id(prof))
    if hit is None or hit[0] is not prof:
        by: dict[str, list[tuple[int, Qualifier]]] = defaultdict(list)
        for i, q in enumerate(prof.qualifiers):
            by[q.group].append((i, q))
        hit = _BY_GROUP[id(prof)] = (prof, dict(by))
    found = [iq for g in groups for iq in hit[1].get(g, ())]
    found.sort(key=lambda iq: iq[0])
    return [q for _, q in found]


def qualifiers(a: Side, b: Side, prof: Profile) -> list[Finding]:
    """Values of a group that differ, or a value on one side only (what the profile says of it). A
    name `a` that says it counts all children (`all children`, `any length of stay`) is no entry
    for one cohort (looked after children), though a cohort on one side is otherwise no doubt. A
    name naming some of the cohorts an entry counts together (care leavers, of looked after
    children 16+ and care leavers) counts part of it, and so does one naming a cohort an entry's
    recorded population does not: a doubt no score settles. A value on one side only that names
    a thing the other side's entry counts (`episodes`, of an entry one of whose names says so)
    is no difference: a name that says no counted thing takes its entry's."""
    ga, gb = a.facts.groups, b.facts.groups
    if ga == gb:
        return []  # the same values of the same groups: no value differs, none is one-sided
    out: list[Finding] = []
    for q in _in_order(prof, ga.keys() | gb.keys()):
        x, y = ga.get(q.group, frozenset()), gb.get(q.group, frozenset())
        if x and y and x != y and not (q.overlap_agrees and (x <= y or y <= x)):
            out.append(Finding(q.group, f"{'/'.join(sorted(x))} vs {'/'.join(sorted(y))}", True))
        elif q.overlap_agrees and (part := _part_of(q.group, x, y, b)):
            out.append(Finding(q.group, part, hard=False, stated=False, holds=True))
        elif x != y:
            lacking = b if x else a
            said = lacking.facts.words and q.implied_values(lacking.facts.words)
            if said and not said & (x or y):
                detail = f"{'/'.join(sorted(x or y))} vs {'/'.join(sorted(said))} (said without naming it)"
                out.append(Finding(q.group, detail, True))
                continue
            values = [v for v in x or y if not q.implied(v, lacking.facts.words) and v not in lacking.counts]
            if not values:
                continue
            if q.overlap_agrees and lacking is a and a.facts.whole and not b.facts.whole:
                out.append(Finding(q.group, f"all vs '{'/'.join(sorted(x or y))}' only", True))
                continue
            policy = max((q.policy(v) for v in values), key=("free", "soft", "held", "hard").index)
            if policy != "free":
                detail = f"'{'/'.join(sorted(x or y))}' only on one side"
                out.append(Finding(q.group, detail, policy == "hard", False, policy == "held"))
    return out


def _part_of(group: str, x: frozenset[str], y: frozenset[str], b: Side) -> str:
    """A name counting part of an entry's population: some of the cohorts it counts together
    (care leavers, of looked after children 16+ and care leavers), said by the entry's name or,
    where that name names no cohort (`young people ... (16+)`), by its recorded population, unless
    another name of the entry names just those (`eligible CLA (16+)`); or a
    cohort its recorded population does not name (looked after children, of children subject to
    the PLO)."""
    if x and y and x < y:
        return f"'{'/'.join(sorted(x))}' only vs {'/'.join(sorted(y))}: part of its population"
    if x and not y and b.population is not None:
        recorded = b.population.get(group)
        if not recorded:
            return f"'{'/'.join(sorted(x))}' only: its recorded population names none"
        if x < recorded and (group, x) not in b.named:
            return f"'{'/'.join(sorted(x))}' only vs its recorded population's {'/'.join(sorted(recorded))}: part of it"
    return ""


def inclusions(a: Side, b: Side, prof: Profile) -> list[Finding]:
    """Excluded on one side and counted on the other: the meaning flips. Excluded or included on one
    side only: what the profile says of the word (an exclusion of UASC names a subset). A name `a`
    (the one being matched) that leaves out part of what an entry `b` counts whole, an entry that
    excludes nothing, measures less than it: what would be a doubt is a different measure (a
    convention the profile frees, such as transfer-ins, stays free); an entry with exclusions of
    its own may only be worded another way (`excluding CP and CLA`)."""
    if not (a.facts.excluded or a.facts.included or b.facts.excluded or b.facts.included):
        return []
    out: list[Finding] = []
    for x, y in ((a.facts, b.facts), (b.facts, a.facts)):
        if not x.excluded and not x.included:
            continue
        flipped = x.excluded & y.mentions
        if flipped:
            out.append(Finding("excluding", f"excluding {', '.join(sorted(flipped))} vs including", True))
        narrows = x is a.facts and not y.excluded
        out += _one_sided(x.excluded - y.excluded - flipped, "excluded", prof, narrows)
        widens = x is a.facts and not y.included
        out += _one_sided(x.included - y.excluded - y.mentions, "included", prof, widens=widens)
    if a.facts.excluded and b.facts.excluded:
        out += _listed(a.facts.excluded, b.facts.excluded, prof)
    return out


def _listed(x: frozenset[str], y: frozenset[str], prof: Profile) -> list[Finding]:
    """Two names that both list what they exclude: a cohort one leaves out and the other does not
    is counted by the other (`CIN excluding CP` counts the looked-after children that `CIN
    excluding CP and LAC` leaves out), whichever words name it (`CP`, `CPP`)."""
    differ: set[str] = set()
    for q in _in_order(prof, set(prof.inclusions.listed)):
        said = [{v.value for v in q.values for w in ws for f in v.forms if re.fullmatch(f, w)} for ws in (x, y)]
        differ |= said[0] ^ said[1]
    if not differ:
        return []
    return [Finding("excluding", f"{', '.join(sorted(differ))} excluded by one list of exclusions only", True)]


def _one_sided(
    words: frozenset[str], how: str, prof: Profile, narrows: bool = False, widens: bool = False
) -> list[Finding]:
    """`widens`: the name being matched includes what an entry that includes nothing leaves
    unsaid: a `widens` inclusion (connected carers beside foster carers) is then another measure,
    while one only the entry says is free (a title may leave it unsaid)."""
    if not words:
        return []
    policies = {w: prof.inclusions.policy(w, how) for w in words}
    policies = {w: ("hard" if widens else "free") if p == "widens" else p for w, p in policies.items()}
    if narrows:
        policies = {w: "hard" if p == "soft" else p for w, p in policies.items()}
    hard = sorted(w for w, p in policies.items() if p == "hard")
    soft = sorted(w for w, p in policies.items() if p in ("soft", "held"))
    verb = "excluding" if how == "excluded" else "including"
    out = []
    if hard:
        out.append(Finding(verb, f"{verb} {', '.join(hard)} on one side only", True, False))
    if soft:
        out.append(Finding(verb, f"{verb} {', '.join(soft)} on one side only", False, False))
    return out


def negation(a: Side, b: Side) -> list[Finding]:
    """A name that denies what the other counts (`reviews not completed in time`, `contacts not
    progressing to referral`) measures the rest of it: a different measure. A denial the other
    name gives only as a gloss (`stepped down (no assessment required)`) agrees with it; one that
    says what that gloss denies (`stepped down after assessment`) contradicts it."""
    if not (a.facts.negated or a.facts.negated_gloss or b.facts.negated or b.facts.negated_gloss):
        return []
    for x, y in ((a.facts, b.facts), (b.facts, a.facts)):
        lone = x.negated - y.negated - y.negated_gloss
        if lone:
            return [Finding("negation", f"'not {', '.join(sorted(lone))}' only on one side", True, False)]
        said = (y.negated_gloss & x.words) - x.negated - x.negated_gloss
        if said:
            return [Finding("negation", f"'{', '.join(sorted(said))}' vs 'no {', '.join(sorted(said))}'", True)]
    return []


def restriction(a: Side, b: Side) -> list[Finding]:
    """A name that counts one thing alone (`ICPCs held in timescale (transfer-ins only)`) is a
    different measure from one about more than that: one that never names it, names it only in a
    parenthesis that explains or lists (not a one-word gloss) or in a clause (`... or from
    notification date for transfer-in cases`), offers it as one of alternatives, or names it as
    one value of a kind beside others (`CLA 16+ or care leavers`: two cohorts). A name about that
    thing itself (`CLA who are UASC` beside `CLA (UASC only)`) agrees."""
    if not (a.facts.only or a.facts.only_values or b.facts.only or b.facts.only_values):
        return []
    for x, y in ((a.facts, b.facts), (b.facts, a.facts)):
        offered = {w for pair in y.either for w in pair}
        alone = sorted(w for w in x.only - y.only if w not in y.bare or w in offered)
        alone += sorted(
            v for g, v in x.only_values if y.groups.get(g, frozenset()) - {v} and (g, v) not in y.only_values
        )
        if alone:
            return [Finding("only", f"'{', '.join(alone)}' alone on one side only", True, False)]
    return []


def either(a: Side, b: Side) -> list[Finding]:
    """`X or Y` counts both; a name with only one of them counts a part (CAO or SGO vs SGO). `X
    including Y` names both too (NEET including not known). A word said only in the heading a name
    is printed under (`NEET: ... whose activity is not known`) is the topic, not a member."""
    if not a.facts.either and not b.facts.either:
        return []
    out = []
    for x, y in ((a.facts, b.facts), (b.facts, a.facts)):
        if y.either:
            out += _more_alternatives(x.either, y)
            continue
        said = y.mentions - y.heading
        for one, two in sorted(x.either):
            if (one in said) != (two in said):
                alone = one if one in said else two
                out.append(Finding("either", f"{one} or {two} vs {alone} alone", True))
    return out


def clock_start(a: Side, b: Side) -> list[Finding]:
    """A limit counted from another event is another measure: an assessment within 45 working
    days of the contact is not one within 45 working days of the referral (the start its guidance
    sets, which a name stating only the limit implies)."""
    x, y = a.facts.clock_from, b.facts.clock_from
    if x and y and not x & y:
        return [Finding("clock start", f"from {'/'.join(sorted(x))} vs from {'/'.join(sorted(y))}", True)]
    return []


def clause_ages(a: Side, b: Side) -> list[Finding]:
    """Both names bound what they include (or exclude) by age, and differently: adding adults
    aged 25+ is not adding those aged 21+. A name that says no age says less, not otherwise."""
    if not a.facts.clause_ages or not b.facts.clause_ages:
        return []
    out = []
    for side_ in ("including", "excluding"):
        x = frozenset(q for s, q in a.facts.clause_ages if s == side_)
        y = frozenset(q for s, q in b.facts.clause_ages if s == side_)
        if x and y and x != y:
            out.append(Finding("numbers", f"{side_} {_shown(x)} vs {side_} {_shown(y)}", True))
    return out


COUNTED_GUARD = "counted unit"
_DURATIONS = frozenset({"days", "weeks"})


def counted(a: Side, b: Side, prof: Profile) -> list[Finding]:
    """Two names that count different things (children, episodes, households, families, places:
    the profile's `counted_units`) are different measures, whatever else they share: `foster
    carer children` are not foster carers. An entry counts what any of its names counts (`new
    looked after children (episodes)` beside `new CLA in month`); a name that says no counted
    thing takes the entry's. A duration is of an event, whoever it is counted for; a thing a
    count is often printed under (episodes of care under the children they are of) is no
    contradiction."""
    if not a.counts or not b.counts or a.counts & b.counts or {a.unit, b.unit} & _DURATIONS:
        return []
    titled = _titled(prof)
    if any((x, y) in titled or (y, x) in titled for x in a.counts for y in b.counts):
        return []
    return [Finding(COUNTED_GUARD, f"{'/'.join(sorted(a.counts))} vs {'/'.join(sorted(b.counts))}", True)]


_TITLED: dict[int, tuple[Profile, frozenset[tuple[str, str]]]] = {}


def _titled(prof: Profile) -> frozenset[tuple[str, str]]:
    """(counted thing, what a count of it may be printed under), once per profile (by identity)."""
    hit = _TITLED.get(id(prof))
    if hit is None or hit[0] is not prof:
        pairs = frozenset((c.value, t) for c in prof.counted_units for t in c.titled_as)
        hit = _TITLED[id(prof)] = (prof, pairs)
    return hit[1]


def compare(a: Side, b: Side, prof: Profile) -> list[Finding]:
    """Every finding, hard ones first."""
    found = (
        unit(a, b)
        + counted(a, b, prof)
        + time_basis(a, b, prof)
        + point_or_period(a, b, prof)
        + numbers(a, b)
        + clause_ages(a, b)
        + qualifiers(a, b, prof)
        + inclusions(a, b, prof)
        + timescale(a, b)
        + clock_start(a, b)
        + negation(a, b)
        + restriction(a, b)
    )
    found += either(a, b)
    return sorted(found, key=lambda f: not f.hard)


def _members(pairs: frozenset[tuple[str, str]]) -> frozenset[str]:
    return frozenset(w for pair in pairs for w in pair)


def _more_alternatives(pairs: frozenset[tuple[str, str]], y: Facts) -> list[Finding]:
    """Both names count alternatives, the same ones in part: one that adds an alternative the other
    never mentions counts more (adopted, SGO or CAO vs CAO or SGO)."""
    mine, theirs = _members(pairs), _members(y.either)
    extra = mine - y.mentions
    if extra and mine & theirs:
        return [Finding("either", f"{'/'.join(sorted(mine))} vs {'/'.join(sorted(theirs))}", True)]
    return []

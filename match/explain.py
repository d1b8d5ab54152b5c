"""What a reviewer reads for each decision: the evidence for the answer and against the others.

One sentence per decision, in a fixed order: the verdict, the name it was matched on and how
alike, the equivalences that made the words meet, the doubts that cost points, the runner-up, and
the candidates the guards removed with the guard that removed each.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Candidate:
    indicator_id: str
    score: float
    similarity: float
    matched_name: str
    notes: list[str] = field(default_factory=list)
    unseen: tuple[str, ...] = ()
    held: tuple[str, ...] = ()
    unsaid: tuple[str, ...] = ()
    doubts: int = 0  # soft findings, held or not


@dataclass
class Blocked:
    indicator_id: str
    similarity: float
    matched_name: str
    reasons: list[str]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.similarity:.0f} blocked ({'; '.join(self.reasons)})"


@dataclass
class Evidence:
    ranked: list[Candidate]
    blocked: list[Blocked]
    expansions: tuple[str, ...] = ()

    @property
    def top(self) -> Candidate | None:
        return self.ranked[0] if self.ranked else None

    @property
    def runner(self) -> Candidate | None:
        return self.ranked[1] if len(self.ranked) > 1 else None


def _why(c: Candidate | None) -> str:
    if c is None:
        return "no candidate"
    text = f"{c.indicator_id} {c.score:.0f}: name {c.similarity:.0f} ~ '{c.matched_name}'"
    return text + (f" [{'; '.join(c.notes)}]" if c.notes else "")


def _tail(ev: Evidence, skip_runner: bool = False) -> str:
    parts = []
    if ev.expansions:
        parts.append("read " + ", ".join(ev.expansions))
    if ev.runner is not None and not skip_runner:
        parts.append(f"next {ev.runner.indicator_id} {ev.runner.score:.0f}")
    if ev.blocked:
        parts.append("; ".join(str(b) for b in ev.blocked[:3]))
    return ("; " + "; ".join(parts)) if parts else ""


def accepted(ev: Evidence, accept: float) -> str:
    return f"matched {_why(ev.top)} (>= {accept:g}){_tail(ev)}"


def too_close(ev: Evidence, margin: float) -> str:
    return f"review: {_why(ev.top)} vs {_why(ev.runner)}, closer than {margin:g}{_tail(ev, skip_runner=True)}"


def unseen_words(ev: Evidence) -> str:
    """A word no catalogue name uses may name what makes this another measure (revoked, young
    carers): a person decides, and the decision teaches the catalogue."""
    top = ev.top
    words = ", ".join(top.unseen) if top else ""
    return f"review: {_why(top)}, but the name says what no catalogue name does ({words}){_tail(ev)}"


def held(ev: Evidence) -> str:
    """A doubt no score settles (a count or a share of the same events, when the name says neither):
    a person decides."""
    top = ev.top
    doubts = "; ".join(top.held) if top else ""
    return f"review: {_why(top)}, but no score settles {doubts}{_tail(ev)}"


def sole_unit(ev: Evidence, accept: float, unit: str) -> str:
    """A name that says no unit, and a catalogue that offers these words in one unit only."""
    return f"matched {_why(ev.top)} (>= {accept:g}); no entry in a unit other than {unit} is close{_tail(ev)}"


def review(ev: Evidence, accept: float) -> str:
    return f"review: {_why(ev.top)} (< {accept:g}){_tail(ev)}"


def unmatched(ev: Evidence, review_at: float) -> str:
    best = _why(ev.top) if ev.top else "no candidate passed the guards"
    return f"new: {best} (< {review_at:g}){_tail(ev)}: a candidate new indicator"


def unsaid_basis(ev: Evidence, other: Candidate, top_basis: str, other_basis: str) -> str:
    """Two measures that differ only in their time basis, and a name that does not say which."""
    from .guards import BASIS_LABELS

    a = BASIS_LABELS.get(top_basis, top_basis) or "no recorded basis"
    b = BASIS_LABELS.get(other_basis, other_basis) or "no recorded basis"
    return (
        f"review: {_why(ev.top)} ({a}) or {_why(other)} ({b}): the name does not say which{_tail(ev, skip_runner=True)}"
    )


def breakdown(ev: Evidence, by: str) -> str:
    """A name that heads a table of a measure split by some dimension, not one figure of it."""
    return f"review: {_why(ev.top)}, but the name heads a breakdown ({by}), not one figure{_tail(ev)}"


def two_units(ev: Evidence) -> str:
    """A name that says a share and a rate, two rates, or a count beside either (`number and rate
    of`): which one the figures are, a person decides."""
    return (
        f"review: {_why(ev.top)}, but the name says two units (both a share and a rate, two rates, or a"
        f" count beside either){_tail(ev)}"
    )


def unsaid_unit(ev: Evidence, count: Candidate, share: Candidate, period: str) -> str:
    """A count kept for a period and a share of the same words kept otherwise, and a name that
    says neither its unit nor its period."""
    return (
        f"review: {_why(count)} ({period}) or {_why(share)}: the name says neither its unit nor its "
        f"period{_tail(ev, skip_runner=True)}"
    )


def unsaid_scope(ev: Evidence, other: Candidate) -> str:
    """A measure whose definition restricts who is counted (looked after 12+ months), a close one
    that does not, and a name that says neither."""
    top = ev.top
    scope = ", ".join(top.unsaid) if top else ""
    return (
        f"review: {_why(top)} (its definition: {scope}) or {_why(other)} (not restricted so): the name does "
        f"not say which{_tail(ev, skip_runner=True)}"
    )


def unsaid_state(ev: Evidence, other: Candidate, values: list[str]) -> str:
    """Two entries of one measure, one held in a state (up to date) the other is not, and a name
    that says neither."""
    return (
        f"review: {_why(ev.top)} ({', '.join(values)}) or {_why(other)} (not so): the name does not say "
        f"which{_tail(ev, skip_runner=True)}"
    )


def unsaid_inclusion(ev: Evidence, other: Candidate, words: list[str]) -> str:
    """Two measures, one counting what the other leaves out, and a name that says neither."""
    return (
        f"review: {_why(ev.top)} or {_why(other)}: one includes and the other excludes {', '.join(words)}, "
        f"and the name does not say which{_tail(ev, skip_runner=True)}"
    )

"""`scorekit catalogue|match|review`: the catalogue, matching and the review queue.

`review` works without a terminal (`--list`, `--decide NAME=ID`, `--reject`, `--new`) because
people script it; it prompts only when stdin is a TTY and nothing was decided on the command line.
Every failure is one line naming the file and the problem, and a non-zero exit.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from .. import errors
from . import catalogue as catmod
from . import decisions as decmod
from . import io as obsio
from .annotate import NameGroup, annotate
from .catalogue import Alias, Indicator
from .decisions import Decision
from .matcher import ACCEPT, REVIEW, RULE_REVIEW, RULE_UNMATCHED, Matcher
from .normalise import UNITS, key, unit_from_name

out = Console()
err = Console(stderr=True, soft_wrap=True)

CatalogueOpt = typer.Option(None, "--catalogue", "-c", help="Catalogue file (default: shipped).")
DecisionsOpt = typer.Option(None, "--decisions", "-d", help=f"Decisions file (default: ./{decmod.DEFAULT_PATH}).")


@contextmanager
def _fail_cleanly() -> Iterator[None]:
    try:
        yield
    except (catmod.CatalogueError, decmod.DecisionsError, obsio.ObservationsError) as exc:
        raise errors.fail(str(exc), 2) from None
    except OSError as exc:
        raise errors.fail(f"{exc.filename or ''}: {exc.strerror or exc}", 2) from None


def _get(cat: catmod.Catalogue, iid: str, path: Path | None) -> Indicator:
    try:
        return cat.get(iid)
    except catmod.CatalogueError as exc:
        raise catmod.CatalogueError(f"{path or catmod.DEFAULT_PATH}: {exc}") from None


def _split_pair(text: str, flag: str) -> tuple[str, str]:
    name, sep, iid = text.rpartition("=")
    if not sep or not name.strip() or not iid.strip():
        raise decmod.DecisionsError(f"{flag} {text!r}: expected NAME=ID")
    return name.strip(), iid.strip()


def _matcher(catalogue: Path | None, decisions: Path | None, accept: float, review: float) -> Matcher:
    cat = catmod.load(catalogue)
    dec = decmod.load(decisions)
    try:
        return Matcher(cat, dec, accept=accept, review=review)
    except ValueError as exc:
        raise decmod.DecisionsError(f"thresholds: {exc}") from None


# -- catalogue ---------------------------------------------------------------------------------

catalogue_app = typer.Typer(help="List, search and extend the indicator catalogue.", no_args_is_help=True)


@catalogue_app.command("list")
def catalogue_list(catalogue: Path | None = CatalogueOpt) -> None:
    """Every indicator, one line each."""
    with _fail_cleanly():
        cat = catmod.load(catalogue)
    table = Table(title=f"{len(cat)} indicators", show_lines=False)
    for col in ("id", "unit", "polarity", "aliases", "name"):
        table.add_column(col, overflow="fold")
    for ind in cat:
        table.add_row(ind.id, ind.unit, ind.polarity or "-", str(len(ind.aliases)), ind.name)
    out.print(table)


@catalogue_app.command("show")
def catalogue_show(
    indicator_id: str = typer.Argument(..., metavar="ID"), catalogue: Path | None = CatalogueOpt
) -> None:
    """One indicator with every ref and name it was printed under."""
    with _fail_cleanly():
        ind = _get(catmod.load(catalogue), indicator_id, catalogue)
    out.print(f"[bold]{ind.id}[/bold]  {ind.name}", highlight=False)
    out.print(f"unit: {ind.unit}   polarity: {ind.polarity or 'unknown'}", highlight=False)
    out.print(f"definition: {ind.definition}", highlight=False)
    table = Table(title="aliases")
    for col in ("period", "source", "ref", "name"):
        table.add_column(col, overflow="fold")
    for a in sorted(set(ind.aliases)):
        table.add_row(a.period, a.source, a.ref or "-", a.name)
    out.print(table)


@catalogue_app.command("search")
def catalogue_search(
    text: str, limit: int = typer.Option(10, "--limit", "-n"), catalogue: Path | None = CatalogueOpt
) -> None:
    """Indicators whose names resemble TEXT (abbreviations understood)."""
    with _fail_cleanly():
        hits = catmod.load(catalogue).search(text, limit=limit)
    table = Table()
    for col in ("score", "id", "unit", "name"):
        table.add_column(col, overflow="fold")
    for ind, score in hits:
        table.add_row(f"{score:.0f}", ind.id, ind.unit, ind.name)
    out.print(table)


@catalogue_app.command("add-alias")
def catalogue_add_alias(
    indicator_id: str = typer.Argument(..., metavar="ID"),
    name: str = typer.Option(..., "--name", help="Name as printed."),
    ref: str = typer.Option("", "--ref"),
    source: str = typer.Option("", "--source", help="Document file name."),
    period: str = typer.Option("", "--period", help="e.g. 2023-10"),
    catalogue: Path | None = CatalogueOpt,
) -> None:
    """Record another ref/name under which ID was printed."""
    with _fail_cleanly():
        cat = catmod.load(catalogue)
        _get(cat, indicator_id, catalogue)
        added = cat.add_alias(indicator_id, Alias(period, source, ref, name))
        if added:
            catmod.save(cat, catalogue)
    out.print(f"{'added alias to' if added else 'alias already on'} {indicator_id}", highlight=False)


@catalogue_app.command("add")
def catalogue_add(
    indicator_id: str = typer.Argument(..., metavar="ID"),
    name: str = typer.Option(..., "--name"),
    unit: str = typer.Option(..., "--unit", help=", ".join(UNITS)),
    polarity: str = typer.Option("", "--polarity", help="higher_better, lower_better, neutral"),
    definition: str = typer.Option("", "--definition"),
    ref: str = typer.Option("", "--ref"),
    source: str = typer.Option("", "--source"),
    period: str = typer.Option("", "--period"),
    catalogue: Path | None = CatalogueOpt,
) -> None:
    """Add a new indicator (its name is recorded as its first alias)."""
    with _fail_cleanly():
        cat = catmod.load(catalogue)
        try:
            cat.add(
                Indicator(indicator_id, name, unit, polarity, definition or name, [Alias(period, source, ref, name)])
            )
        except catmod.CatalogueError as exc:
            raise catmod.CatalogueError(f"{catalogue or catmod.DEFAULT_PATH}: {exc}") from None
        catmod.save(cat, catalogue)
    out.print(f"added {indicator_id}", highlight=False)


# -- match ------------------------------------------------------------------------------------


def match_command(
    observations: list[Path] = typer.Argument(..., metavar="OBS...", help="Observation files (.csv, .json, .parquet)."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here (format by extension); default CSV on stdout."
    ),
    catalogue: Path | None = CatalogueOpt,
    decisions: Path | None = DecisionsOpt,
    accept: float = typer.Option(ACCEPT, "--accept", help="Accept at or above this score."),
    review: float = typer.Option(REVIEW, "--review", help="Review at or above this score."),
) -> None:
    """Add canonical_id, match_score, match_rule and match_explanation to every observation."""
    with _fail_cleanly():
        df = obsio.read_many(observations)
        annotated, gs = annotate(df, _matcher(catalogue, decisions, accept, review))
        obsio.write(annotated, output)
    counts: dict[str, int] = {}
    for g in gs:
        counts[g.result.rule] = counts.get(g.result.rule, 0) + 1
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    err.print(f"matched {len(gs)} names ({summary}); `scorekit review` settles the rest", highlight=False)


# -- review -----------------------------------------------------------------------------------


def _queue(gs: list[NameGroup]) -> list[NameGroup]:
    seen: set[str] = set()
    q = []
    for g in gs:
        if g.result.rule in (RULE_REVIEW, RULE_UNMATCHED) and key(g.indicator) not in seen:
            seen.add(key(g.indicator))
            q.append(g)
    return sorted(q, key=lambda g: (g.result.rule != RULE_REVIEW, -g.result.score, g.indicator))


def _show_queue(q: list[NameGroup]) -> None:
    table = Table(title=f"review queue: {len(q)} names")
    for col in ("#", "status", "ref", "name", "source", "candidates", "why"):
        table.add_column(col, overflow="fold")
    for i, g in enumerate(q, 1):
        cands = "\n".join(f"{c.indicator_id} ({c.score:.0f})" for c in g.result.candidates[:3])
        table.add_row(
            str(i), g.result.rule, g.ref or "-", g.indicator, g.source or "-", cands or "-", g.result.explanation
        )
    out.print(table)


def _find(q: list[NameGroup], gs: list[NameGroup], name: str) -> NameGroup | None:
    k = key(name)
    for g in q + gs:
        if key(g.indicator) == k:
            return g
    return None


def _new_indicator(cat: catmod.Catalogue, iid: str, name: str, g: NameGroup | None) -> None:
    unit = (g.query.unit if g is not None else None) or unit_from_name(name) or "other"
    alias = Alias(g.period if g else "", g.source if g else "", g.ref if g else "", name)
    if iid in cat.indicators:
        cat.add_alias(iid, alias)
    else:
        cat.add(Indicator(iid, name, unit, "", name, [alias]))


def review_command(
    observations: list[Path] = typer.Argument(..., metavar="OBS..."),
    list_only: bool = typer.Option(False, "--list", help="Print the queue and exit."),
    decide: list[str] = typer.Option(
        [], "--decide", metavar="NAME=ID", help="Accept: the printed NAME is indicator ID."
    ),
    reject: list[str] = typer.Option([], "--reject", metavar="NAME=ID", help="NAME is never indicator ID."),
    new: list[str] = typer.Option(
        [], "--new", metavar="NAME=ID", help="NAME is a new indicator; adds ID to the catalogue."
    ),
    interactive: bool = typer.Option(False, "--interactive", help="Prompt for each name even when stdin is not a TTY."),
    catalogue: Path | None = CatalogueOpt,
    decisions: Path | None = DecisionsOpt,
    accept: float = typer.Option(ACCEPT, "--accept"),
    review: float = typer.Option(REVIEW, "--review"),
) -> None:
    """List the names matching could not settle and record decisions about them."""
    with _fail_cleanly():
        df = obsio.read_many(observations)
        cat = catmod.load(catalogue)
        dec = decmod.load(decisions)
        _, gs = annotate(df, Matcher(cat, dec, accept=accept, review=review))
        q = _queue(gs)
        scripted = bool(decide or reject or new)
        if list_only or (not scripted and not interactive and not sys.stdin.isatty()):
            _show_queue(q)
            return
        cat_changed = False
        for text in decide:
            name, iid = _split_pair(text, "--decide")
            _get(cat, iid, catalogue)
            dec.record(Decision(name, "accept", iid, decmod.today()))
        for text in reject:
            name, iid = _split_pair(text, "--reject")
            _get(cat, iid, catalogue)
            dec.record(Decision(name, "reject", iid, decmod.today()))
        for text in new:
            name, iid = _split_pair(text, "--new")
            _new_indicator(cat, iid, name, _find(q, gs, name))
            dec.record(Decision(name, "new", iid, decmod.today()))
            cat_changed = True
        if not scripted:
            cat_changed = _interactive(q, cat, dec)
        decmod.save(dec, decisions)
        if cat_changed:
            catmod.save(cat, catalogue)
    n = len(decide) + len(reject) + len(new)
    if scripted:
        err.print(f"recorded {n} decision(s) in {decisions or decmod.DEFAULT_PATH}", highlight=False)


def _interactive(q: list[NameGroup], cat: catmod.Catalogue, dec: decmod.Decisions) -> bool:
    changed = False
    for i, g in enumerate(q, 1):
        out.print(
            f"\n[bold]{i}/{len(q)}[/bold] {g.ref or '-'}  {g.indicator}  [dim]({g.source}, {g.period})[/dim]",
            highlight=False,
        )
        out.print(f"  {g.result.explanation}", highlight=False)
        for j, c in enumerate(g.result.candidates[:5], 1):
            out.print(f"  {j}. {c.indicator_id} ({c.score:.0f}) {c.matched_name}", highlight=False)
        answer = typer.prompt("  accept N / reject N / new ID / skip / quit", default="skip")
        verb, _, arg = answer.strip().partition(" ")
        cands = g.result.candidates
        if verb in ("q", "quit"):
            break
        if verb in ("a", "accept", "r", "reject") and arg.isdigit() and 0 < int(arg) <= len(cands):
            iid = cands[int(arg) - 1].indicator_id
            action = "accept" if verb.startswith("a") else "reject"
            dec.record(Decision(g.indicator, action, iid, decmod.today()))
        elif verb in ("n", "new") and arg:
            _new_indicator(cat, arg, g.indicator, g)
            dec.record(Decision(g.indicator, "new", arg, decmod.today()))
            changed = True
    return changed


def register(app: typer.Typer) -> None:
    """Called by the main CLI: adds `catalogue`, `match` and `review`."""
    app.add_typer(catalogue_app, name="catalogue")
    app.command("match")(match_command)
    app.command("review")(review_command)

"""`scorekit catalogue|match|review`: the catalogue, matching and the review queue.

`review` works without a terminal (`--list`, `--show NAME`, `--decide NAME=ID`, `--reject`,
`--new`) because people script it; it prompts only when stdin is a TTY and nothing was decided on
the command line. Every failure is one line naming the file and the problem, and a non-zero exit.
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
from . import profile as profmod
from . import review as reviewmod
from .annotate import NameGroup, annotate
from .catalogue import Alias, Indicator
from .decisions import Decision
from .guards import BASIS_LABELS
from .matcher import ACCEPT, REVIEW, Matcher
from .normalise import UNITS, unit_from_name, vocabulary
from .search import search

out = Console()
err = Console(stderr=True, soft_wrap=True)

CatalogueOpt = typer.Option(None, "--catalogue", "-c", help="Catalogue file (default: shipped).")
DecisionsOpt = typer.Option(None, "--decisions", "-d", help=f"Decisions file (default: ./{decmod.DEFAULT_PATH}).")
ProfileOpt = typer.Option(None, "--profile", help="A profile file adding to the shipped vocabulary (profile.json).")
PublisherOpt = typer.Option(
    None, "--publisher", help="Publisher for provisional ids (default: a `publisher` column, else the file name)."
)


@contextmanager
def _fail_cleanly() -> Iterator[None]:
    try:
        yield
    except (catmod.CatalogueError, decmod.DecisionsError, obsio.ObservationsError, profmod.ProfileError) as exc:
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


def _matcher(cat: catmod.Catalogue, dec: decmod.Decisions, accept: float, review: float, prof: Path | None) -> Matcher:
    vocab = vocabulary(str(prof) if prof else None)
    try:
        return Matcher(cat, dec, accept=accept, review=review, vocab=vocab)
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
    for col in ("id", "unit", "time basis", "aliases", "name"):
        table.add_column(col, overflow="fold")
    for ind in cat:
        table.add_row(ind.id, ind.unit, ind.time_basis or "-", str(len(ind.aliases)), ind.name)
    out.print(table)


@catalogue_app.command("show")
def catalogue_show(
    indicator_id: str = typer.Argument(..., metavar="ID"), catalogue: Path | None = CatalogueOpt
) -> None:
    """One indicator: what it measures, and every ref and name it was printed under, first and last seen."""
    with _fail_cleanly():
        ind = _get(catmod.load(catalogue), indicator_id, catalogue)
    facts = Table(title=f"{ind.id}", show_header=False)
    facts.add_column("field", style="bold")
    facts.add_column("value", overflow="fold")
    for field, value in (
        ("name", ind.name),
        ("definition", ind.definition),
        ("unit", ind.unit),
        ("time basis", BASIS_LABELS.get(ind.time_basis, ind.time_basis) or "not recorded"),
        ("population", ind.population or "not recorded"),
        ("codes", ", ".join(ind.codes) or "-"),
        ("polarity", ind.polarity or "unknown"),
    ):
        facts.add_row(field, value)
    out.print(facts)
    table = Table(title="aliases")
    for col in ("ref", "name", "first seen", "last seen"):
        table.add_column(col, overflow="fold")
    for a in sorted(ind.aliases):
        table.add_row(a.ref or "-", a.name, str(a.first), str(a.last))
    out.print(table)


@catalogue_app.command("search")
def catalogue_search(
    text: str, limit: int = typer.Option(10, "--limit", "-n"), catalogue: Path | None = CatalogueOpt
) -> None:
    """Indicators whose names resemble TEXT (abbreviations understood)."""
    with _fail_cleanly():
        hits = search(catmod.load(catalogue), text, limit=limit)
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
    """Record another ref/name under which ID was printed (or a later sighting of one)."""
    with _fail_cleanly():
        cat = catmod.load(catalogue)
        _get(cat, indicator_id, catalogue)
        added = cat.add_alias(indicator_id, Alias.seen(ref, name, source, period))
        if added:
            catmod.save(cat, catalogue)
    out.print(f"{'recorded alias on' if added else 'alias already on'} {indicator_id}", highlight=False)


@catalogue_app.command("add")
def catalogue_add(
    indicator_id: str = typer.Argument(..., metavar="ID"),
    name: str = typer.Option(..., "--name"),
    unit: str = typer.Option(..., "--unit", help=", ".join(UNITS)),
    time_basis: str = typer.Option("", "--time-basis", help=", ".join(BASIS_LABELS)),
    population: str = typer.Option("", "--population"),
    code: list[str] = typer.Option([], "--code", help="A national code, e.g. 'NI 62' (repeatable)."),
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
        ind = Indicator(indicator_id, name, unit, polarity, definition or name, [Alias.seen(ref, name, source, period)])
        ind.time_basis, ind.population, ind.codes = time_basis, population, list(code)
        try:
            cat.add(ind)
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
    profile: Path | None = ProfileOpt,
    publisher: str | None = PublisherOpt,
    accept: float = typer.Option(ACCEPT, "--accept", help="Accept at or above this score."),
    review: float = typer.Option(REVIEW, "--review", help="Review at or above this score."),
) -> None:
    """Add canonical_id, match_score, match_rule and match_explanation to every observation."""
    with _fail_cleanly():
        df = obsio.read_many(list(observations))
        m = _matcher(catmod.load(catalogue), decmod.load(decisions), accept, review, profile)
        annotated, gs = annotate(df, m, publisher)
        obsio.write(annotated, output)
    counts: dict[str, int] = {}
    for g in gs:
        counts[g.outcome.rule] = counts.get(g.outcome.rule, 0) + 1
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    err.print(f"matched {len(gs)} names ({summary}); `scorekit review` settles the rest", highlight=False)


# -- review -----------------------------------------------------------------------------------


def _show_queue(q: list[NameGroup]) -> None:
    table = Table(title=f"review queue: {len(q)} names")
    for col in ("#", "status", "ref", "name", "source", "candidates", "why"):
        table.add_column(col, overflow="fold")
    for i, g in enumerate(q, 1):
        cands = "\n".join(f"{c.indicator_id} ({c.score:.0f})" for c in g.outcome.candidates[:3])
        table.add_row(
            str(i), g.outcome.rule, g.ref or "-", g.indicator, g.source or "-", cands or "-", g.outcome.explanation
        )
    out.print(table)


def _show_name(g: NameGroup, cat: catmod.Catalogue, number: str = "") -> None:
    """The name's candidates side by side: one column each, what the catalogue says and the guards found."""
    out.print(
        f"\n[bold]{number}[/bold]{g.ref or '-'}  {g.indicator}  [dim]({g.source or '?'}, {g.period or '?'})[/dim]",
        highlight=False,
    )
    out.print(f"  {g.outcome.explanation}", highlight=False, markup=False)
    cols = reviewmod.columns(cat, g.outcome.candidates, g.outcome.blocked)
    if not cols:
        out.print("  no candidate in the catalogue", highlight=False)
        return
    table = Table(show_lines=True)
    table.add_column("", style="bold")
    for n, c in enumerate(cols, 1):
        table.add_column(f"{n}. {c.indicator_id}" + (" (blocked)" if c.status == "blocked" else ""), overflow="fold")
    for label, attr in (
        ("score", "score"),
        ("catalogue name", "name"),
        ("definition", "definition"),
        ("unit", "unit"),
        ("time basis", "time_basis"),
        ("population", "population"),
        ("codes", "codes"),
        ("matched on", "matched"),
        ("printed", "seen"),
    ):
        table.add_row(label, *[str(getattr(c, attr)) for c in cols])
    table.add_row("guards", *["\n".join(c.guards) or "none fired" for c in cols])
    out.print(table)


def _new_indicator(cat: catmod.Catalogue, iid: str, name: str, g: NameGroup | None) -> None:
    unit = (g.query.unit if g is not None else None) or unit_from_name(name) or "other"
    alias = Alias.seen(g.ref if g else "", name, g.source if g else "", g.period if g else "")
    if iid in cat.indicators:
        cat.add_alias(iid, alias)
    else:
        cat.add(Indicator(iid, name, unit, "", name, [alias]))


def _record(
    cat: catmod.Catalogue,
    dec: decmod.Decisions,
    gs: list[NameGroup],
    spec: tuple[list[str], list[str], list[str]],
    path: Path | None,
) -> bool:
    """The scripted decisions (`--decide`, `--reject`, `--new`); True when the catalogue grew."""
    decide, reject, new = spec
    for flag, texts, action in (("--decide", decide, "accept"), ("--reject", reject, "reject")):
        for text in texts:
            name, iid = _split_pair(text, flag)
            _get(cat, iid, path)
            dec.record(Decision(name, action, iid, decmod.today()))
    for text in new:
        name, iid = _split_pair(text, "--new")
        _new_indicator(cat, iid, name, reviewmod.find(gs, name))
        dec.record(Decision(name, "new", iid, decmod.today()))
    return bool(new)


def review_command(
    observations: list[Path] = typer.Argument(..., metavar="OBS..."),
    list_only: bool = typer.Option(False, "--list", help="Print the queue and exit."),
    show: list[str] = typer.Option([], "--show", metavar="NAME|N", help="Show a name's candidates side by side."),
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
    profile: Path | None = ProfileOpt,
    accept: float = typer.Option(ACCEPT, "--accept"),
    review: float = typer.Option(REVIEW, "--review"),
) -> None:
    """List the names matching could not settle, show their candidates, and record decisions."""
    with _fail_cleanly():
        df = obsio.read_many(list(observations))
        cat = catmod.load(catalogue)
        dec = decmod.load(decisions)
        _, gs = annotate(df, _matcher(cat, dec, accept, review, profile))
        q = reviewmod.queue(gs)
        scripted = bool(decide or reject or new)
        if show:
            _show_many(show, q, gs, cat)
            return
        if list_only or (not scripted and not interactive and not sys.stdin.isatty()):
            _show_queue(q)
            return
        cat_changed = _record(cat, dec, gs, (decide, reject, new), catalogue) if scripted else _interactive(q, cat, dec)
        decmod.save(dec, decisions)
        if cat_changed:
            catmod.save(cat, catalogue)
    if scripted:
        n = len(decide) + len(reject) + len(new)
        err.print(f"recorded {n} decision(s) in {decisions or decmod.DEFAULT_PATH}", highlight=False)


def _show_many(show: list[str], q: list[NameGroup], gs: list[NameGroup], cat: catmod.Catalogue) -> None:
    for item in show:
        g = q[int(item) - 1] if item.isdigit() and 0 < int(item) <= len(q) else reviewmod.find(gs, item)
        if g is None:
            raise obsio.ObservationsError(f"--show {item!r}: no such name in the observations (or queue number)")
        _show_name(g, cat)


def _interactive(q: list[NameGroup], cat: catmod.Catalogue, dec: decmod.Decisions) -> bool:
    changed = False
    for i, g in enumerate(q, 1):
        _show_name(g, cat, f"{i}/{len(q)}  ")
        cols = reviewmod.columns(cat, g.outcome.candidates, g.outcome.blocked)
        answer = typer.prompt("  accept N / reject N / new ID / skip / quit", default="skip")
        verb, _, arg = answer.strip().partition(" ")
        if verb in ("q", "quit"):
            break
        if verb in ("a", "accept", "r", "reject") and arg.isdigit() and 0 < int(arg) <= len(cols):
            action = "accept" if verb.startswith("a") else "reject"
            dec.record(Decision(g.indicator, action, cols[int(arg) - 1].indicator_id, decmod.today()))
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

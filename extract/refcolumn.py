"""A column of OCR'd references, repaired by what the column itself says.

References in one column share a scheme: prefix letters, a separator, a number printed at one
width or counted up naturally (`AB01`..`AB12`, `XY 1`..`XY 16`, `AB1-NI`). OCR breaks single
readings in ways the lookalike table explains (a zero read as `O`, a `5` as `S`, a `1` as `i`),
and a whole-page reading can lose a faint prefix altogether. A reading that breaks its column's
scheme is repaired where the scheme and the lookalikes settle it:

- a prefix ending in a lookalike (`ABO1`) beside the same prefix without it (`AB02`) is that
  prefix with a zero-padded number, when the numbers then share one width;
- a prefix ending in a zero's lookalike on every reading of one digit (`ASCOFO1`), one showing
  the zero read twice (`ASCOFO04`), is a prefix with its numbers padded;
- a digit followed by its own lookalike (`AS05s`) is one glyph read twice;
- a tail no other reading prints that is a tail others print with a character or two more
  (`(9%)` among `(%)`) holds a speck, or one they print but for a lookalike (`-Nl`, `-NI`);
- siblings' qualifiers that differ by a lookalike (`LAC11-QL`, `LAC11-OL (%)`) are the sure one's;
- a reading with no digit, or with a prefix nothing else in the column has (`XS`, `ABla`, `aB2`),
  becomes the one variant (lookalikes swapped, case matched) whose prefix the column prints and
  whose number is next to a neighbouring row's;
- bare numbers in a run with prefixed ones (`01`..`10`, `XY 11`) take the prefix the run implies,
  as does the next table's run that continues it;
- a separator the rest of its prefix's references print (`X11` among `X 12`, `X 13`);
- a reading with no prefix the column prints (`11`, `#11`, `4-12`, `XO03`), standing where the
  column's references count up one a row, that ends in the number its place implies
  (`XY-1` above `XY-2`, `XY-3`; `XY-11` between `XY-10` and `XY-12`).

A reading nothing settles, though the column's scheme says it is broken, is doubtful unless the
engine was sure of it (references without digits are printed too): the caller withholds what
hangs on it rather than file values under a wrong reference. The lookalikes are
data (`vocabulary.json`), not code.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from string import ascii_letters

_PARTS = re.compile(r"^(?P<prefix>(?:[A-Za-z][A-Za-z&]*)?)(?P<sep>(?<=[A-Za-z&])[ -])?(?P<number>\d+)(?P<tail>\D.*)?$")
MAX_SWAPS = 3  # lookalikes swapped at once in one reading
SHAPED = 2 / 3  # share of a column's readings that must parse for it to have a scheme
AGREE = 0.75  # share of a prefix's other references whose separator a reading takes
SURE = 0.85  # an engine's word confidence from which a reading nothing settles stands as printed
MIN_RUN = 3  # readings of a prefix that show how it is printed
WIDE = "1"  # a figure set with a bearing as wide as a space before it
NEAREST = 3  # readings on each side of a row that its place in the count is implied from


@dataclass(frozen=True)
class RefParts:
    prefix: str
    sep: str
    number: str
    tail: str = ""

    @property
    def text(self) -> str:
        return f"{self.prefix}{self.sep}{self.number}{self.tail}"


@dataclass(frozen=True)
class RefCell:
    """A reference as read, with the engine's least word confidence in it (1 for a text layer)."""

    text: str
    conf: float = 0.0


@dataclass
class RefReading:
    text: str
    doubtful: bool = False
    lone: bool = False  # stands on the engine's word alone: it needs a witness (`RefMemory.witnessed`)


@dataclass(frozen=True)
class Scheme:
    """How one prefix's references are printed: separator, padded width (0: natural), last number."""

    sep: str
    width: int
    last: int


@dataclass
class RefMemory:
    """The schemes of the tables read before, for a table whose own column says too little."""

    schemes: dict[str, Scheme] = field(default_factory=dict)
    last_prefix: str | None = None
    last: RefParts | None = None  # the reference the table before ended with
    stems: Counter[str] = field(default_factory=Counter)  # rows of the document printing each stem
    pairs: set[tuple[str, str]] = field(default_factory=set)  # tails two rows of one reference print in turn

    def witnessed(self, ref: str) -> bool:
        """Another row of the document prints the reference's stem (`EHI-QL` for `EHI (val)`),
        or reads it with one letter misread but the last, where a lost digit would stand (`FHI
        (val)` for `EHI-QL`; `M5` is no witness for `MS`, nor `AS`)."""
        stem = _stem(ref)
        return self.stems[stem] > 1 or any(_echoes(other, stem) for other in self.stems if other != stem)


def _echoes(other: str, stem: str) -> bool:
    """Of three letters or more: two would match too much by chance (`AS` and `MS`)."""
    if len(stem) < 3 or len(other) != len(stem) or other[-1:] != stem[-1:]:
        return False
    return sum(a != b for a, b in zip(other, stem, strict=True)) == 1


def parse_ref(text: str) -> RefParts | None:
    m = _PARTS.match(text)
    if m is None:
        return None
    return RefParts(m["prefix"], m["sep"] or "", m["number"], m["tail"] or "")


@dataclass
class _Column:
    texts: list[str]
    parts: list[RefParts | None]
    memory: RefMemory
    confs: list[float] = field(default_factory=list)  # the engine's confidence in each reading
    capitals: Mapping[str, str] = field(default_factory=dict)  # a mark read for a prefix's first capital

    def sure(self, j: int) -> bool:
        return self.confs[j] >= SURE

    def group(self, prefix: str, but: int = -1) -> list[RefParts]:
        return [p for i, p in enumerate(self.parts) if p is not None and p.prefix == prefix and i != but]

    def prefixes(self, but: int = -1) -> Counter[str]:
        """How many references print each prefix (the tables before count once)."""
        own = Counter(p.prefix for i, p in enumerate(self.parts) if p is not None and p.prefix and i != but)
        return own + Counter(set(self.memory.schemes))

    def neighbours(self, i: int) -> list[RefParts]:
        """The readings next above and below; above the first, the reference the table before
        ended with (a table continued from the page before: `LACE (%)` after `LAC6 (val)`)."""
        out = []
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.texts) and not self.texts[j]:
                j += step
            if 0 <= j < len(self.texts) and (p := self.parts[j]) is not None:
                out.append(p)
            elif j < 0 and self.memory.last is not None:
                out.append(self.memory.last)
        return out

    def shaped(self) -> bool:
        read = [t for t in self.texts if t]
        return bool(read) and sum(p is not None for p in self.parts) >= SHAPED * len(read)


def repair_column(
    cells: list[RefCell],
    lookalikes: Mapping[str, str],
    memory: RefMemory | None = None,
    capitals: Mapping[str, str] | None = None,
    specks: str = "",
) -> list[RefReading]:
    """Each reading of the column, repaired where its column settles it, else as read: doubtful
    where the column's scheme says it is broken and the engine was unsure of it, and of the
    sibling it shares a stem with (a sure reading of a reference without digits is printed so).
    A sure reading that a lookalike would make a reference the column prints (`MS` among `M1`,
    `M3`; `EHI` among `EH2`, `EH3`), its stem on no other row, is `lone`: the engine's word is
    all it stands on, and a misread glyph is as sure as a printed letter, so the caller wants a
    second row of the document printing the stem. `memory` carries schemes and stems from table
    to table. `capitals`: marks read for the capital a reference starts with (`$P2`); `specks`:
    marks OCR makes of a rule's remnant or a speck (`W05_`)."""
    texts = [c.text.strip() for c in cells]
    col = _Column(texts, [parse_ref(t) for t in texts], memory or RefMemory(), [c.conf for c in cells], capitals or {})
    _capital_read_twice(col)
    _merge_zero_prefixes(col, lookalikes)
    _zero_read_as_letter(col, lookalikes)
    unsettled = _settle_all(col, lookalikes)
    _read_twice(col, lookalikes)
    _digit_read_as_letter(col, lookalikes)
    _number_split(col)
    _specks_after(col, specks)
    _extra_in_tail(col)
    _tail_lookalike(col, lookalikes)
    _mark_misread_in_tail(col)
    _lost_in_tail(col)
    _sibling_qualifier(col, lookalikes)
    sure = {_stem(c.text) for c in cells if c.conf >= SURE}
    doubtful = {i for i in unsettled if cells[i].conf < SURE and _stem(texts[i]) not in sure}
    unspaced = _separators(col)
    _restore_prefix(col)
    doubtful |= {i for i in _bare_among_prefixed(col) if cells[i].conf < SURE}
    doubtful |= {i for i in _letters_after_digit(col) if cells[i].conf < SURE}
    doubtful |= {i for i, t in enumerate(texts) if _tail_alone(t) and cells[i].conf < SURE}
    doubtful -= _numbered_in_turn(col, lookalikes)
    doubtful |= {i for i, p in enumerate(col.parts) if p is not None and p.prefix in unspaced}
    doubtful |= _unread_in_turn(col)
    doubtful |= _twice_out_of_turn(col)
    doubtful -= _paired(col, lookalikes)
    doubtful |= _prefix_and_lookalike(col, lookalikes) | _mixed_case_left(col) | _prefix_letter_off(col)
    lone = {i for i in unsettled - doubtful if col.parts[i] is None and _misread_of_scheme(col, i, lookalikes)}
    lone |= {i for i in range(len(texts)) if i not in doubtful and _number_as_letters(col, i, lookalikes)}
    _remember(col)
    return [
        RefReading(p.text if p is not None else t, i in doubtful, i in lone)
        for i, (t, p) in enumerate(zip(col.texts, col.parts, strict=True))
    ]


def _misread_of_scheme(col: _Column, i: int, lookalikes: Mapping[str, str]) -> bool:
    """No other row shares the reading's stem, and a lookalike makes it a reference the column's
    scheme prints."""
    stem = _stem(col.texts[i])
    if any(_stem(t) == stem for j, t in enumerate(col.texts) if j != i and t):
        return False
    return any(_fits(col, i, c) for c in _variants(col, col.texts[i], lookalikes, col.prefixes(but=i)))


def _number_as_letters(col: _Column, i: int, lookalikes: Mapping[str, str]) -> bool:
    """A reading with no digit in a column of numbered references, capitals ending in lookalikes
    of digits (`CINS`: `CIN5`), its stem on no other row: a reference whose number OCR read as
    letters, however sure, as likely as one printed without digits (`EHI`, which `EHI-QL`
    witnesses)."""
    text = col.texts[i]
    if col.parts[i] is not None or not text or any(ch.isdigit() for ch in text) or not col.shaped():
        return False
    stem = _stem(text)
    if any(_stem(t) == stem for j, t in enumerate(col.texts) if j != i and t):
        return False
    k = len(stem)
    while k and lookalikes.get(stem[k - 1], "").isdigit():
        k -= 1
    return 0 < k < len(stem) and stem[:k].isalpha() and stem[:k].isupper()


def _tail_alone(text: str) -> bool:
    """A qualifier with no reference before it (`-NI`, `(val)`): the stem was lost."""
    return text[:1] in "-(" and text != "" and not any(ch.isdigit() for ch in text)


def _stem(text: str) -> str:
    """What a reference and its qualified sibling share (`AB1` of `AB1-QL` and `AB1 (val)`)."""
    return re.split(r"[-\s(]", text.strip(), maxsplit=1)[0]


def _width(numbers: list[str]) -> int:
    """The padded width nearly all these numbers share (one misread, `009` among `02`..`12`, does
    not unsettle it), 0 where they count up naturally or disagree. A padding zero read twice
    (`006` between `04` and `08`) counts at the width the others pad to."""
    if not numbers:
        return 0
    once = {len(x) for x in numbers if x.startswith("0") and not x.startswith("00")}
    (width, n), *_ = Counter(len(x) - (x.startswith("00") and len(x) - 1 in once) for x in numbers).most_common(1)
    return width if n >= AGREE * len(numbers) and any(x.startswith("0") for x in numbers) else 0


def _capital_read_twice(col: _Column) -> None:
    """A capital beside its own small letter (`Ww03`, `CcP2`) is one wide glyph read twice, on
    any row and whatever the column prints: no publisher's prefix mixes the cases of one letter."""
    for i, p in enumerate(col.parts):
        if p is not None and (once := _once(p.prefix)) != p.prefix:
            col.parts[i] = replace(p, prefix=once)


def _once(prefix: str) -> str:
    for k in range(len(prefix) - 1):
        a, b = prefix[k], prefix[k + 1]
        if a != b and a.lower() == b.lower():
            return prefix[:k] + a.upper() + _once(prefix[k + 2 :])
    return prefix


def _merge_zero_prefixes(col: _Column, lookalikes: Mapping[str, str]) -> None:
    """`ABO1` beside `AB02` (or `AB 02`: the space is put back later): a prefix that is another
    prefix plus a lookalike of a digit is that prefix with the digit, in each reading whose
    number then has the width the other prefix's numbers share; where the number has that width
    already and opens with the digit, the zero was read twice (`ENVO06` beside `ENV09`: one
    glyph, two characters). A reading whose number runs into a lookalike (`ENV0O5`) says
    nothing of the width."""
    for prefix in sorted({p.prefix for p in col.parts if p is not None and len(p.prefix) > 1}):
        base, digit = prefix[:-1], lookalikes.get(prefix[-1], "")
        own = col.group(prefix)
        kept = [p.number for p in col.group(base) if p.tail[:1] not in lookalikes]
        if base in col.memory.schemes and col.memory.schemes[base].width:
            kept.append("0" * col.memory.schemes[base].width)
        if not digit or not kept or any(p.sep for p in own):
            continue
        width = _width(kept) or (len(kept[0]) if len({len(n) for n in kept}) == 1 else 0)
        if not width:
            continue
        col.parts = [
            RefParts(base, "", number, p.tail)
            if p is not None and p.prefix == prefix and (number := _zero_merged(digit, p.number, width))
            else p
            for p in col.parts
        ]


def _prefix_and_lookalike(col: _Column, lookalikes: Mapping[str, str]) -> set[int]:
    """Readings whose prefix is a prefix the document prints on more rows (in this column and the
    tables before) with, set close after it, a lookalike of a digit (`LACI2 (val)`, `LACI4`
    among `LAC7-QL`, `LAC10-QL` and the `LAC` rows of the page before): the reference with that
    digit (`LAC12`), or one whose number lost more; where no padded width settled it
    (`_merge_zero_prefixes`), nothing says which, however sure the engine was of the letter.
    The prefix printed on more rows is the printed one: `PCS1`..`PCS10` stand beside one `PC5`
    (`PCS11` misread)."""
    rows = _prefix_rows(col)
    return {
        i
        for i, p in enumerate(col.parts)
        if p is not None
        and not p.sep
        and len(p.prefix) > 1
        and p.prefix[-1] in lookalikes
        and rows[p.prefix[:-1]] > rows[p.prefix]
    }


RARE = 2  # rows of a document printing a prefix that a misread letter may have made


def _prefix_letter_off(col: _Column) -> set[int]:
    """Readings whose prefix the document prints on `RARE` rows or fewer, one letter off a prefix
    it prints on `MIN_RUN` rows or more (`EM1b`, `EM14b` among `EH1a`, `EH1c` and the `EH` rows
    of the page before): a letter misread alike on a reference and its sibling, or a prefix
    printed so; nothing says which, however sure the engine was. No document of the corpus's
    development part or probes prints two such prefixes in one table."""
    rows = _prefix_rows(col)
    common = [q for q, n in rows.items() if n >= MIN_RUN]

    def off(prefix: str) -> bool:
        return any(len(q) == len(prefix) and sum(a != b for a, b in zip(q, prefix, strict=True)) == 1 for q in common)

    return {
        i
        for i, p in enumerate(col.parts)
        if p is not None and len(p.prefix) > 1 and rows[p.prefix] <= RARE and off(p.prefix)
    }


def _prefix_rows(col: _Column) -> Counter[str]:
    """Rows of the document printing each prefix: this column's readings and the stems the
    tables before read."""
    rows = Counter(p.prefix for p in col.parts if p is not None and p.prefix)
    for stem, n in col.memory.stems.items():
        if (q := parse_ref(stem)) is not None and q.prefix:
            rows[q.prefix] += n
    return rows


SAME_SHAPE = set("cosuvwxz")  # small letters shaped as their capitals: only their size tells them apart


def _mixed_case_left(col: _Column) -> set[int]:
    """Readings whose prefix is still in mixed case once the column is repaired (`cPr2` among
    `CP4`, `CP3-QL`), with a small letter its capital is not shaped like: no publisher prints
    one, and no repair found what it stands for, however sure the engine was of the letters.
    A small letter shaped as its capital is a size misjudged (`Yo2` for `YO2`), not a misread."""
    return {
        i
        for i, p in enumerate(col.parts)
        if p is not None
        and not p.prefix.isupper()
        and not p.prefix.islower()
        and any(ch.islower() and ch not in SAME_SHAPE for ch in p.prefix)
    }


def _zero_read_as_letter(col: _Column, lookalikes: Mapping[str, str]) -> None:
    """`ASCOFO1`..`ASCOFO8`, no `ASCOF` printed, and one reading shows the zero again
    (`ASCOFO04`: one glyph read twice): a prefix ending in a lookalike of a zero, on at least
    `MIN_RUN` readings that each carry one digit, is its numbers padded to two digits (`ASCOF01`).
    Without the zero shown, a column of such prefixes alone is not guessed at (`KPO1`..`KPO4`)."""
    for prefix in sorted({p.prefix for p in col.parts if p is not None and len(p.prefix) > 2}):
        rows = {i: p for i, p in enumerate(col.parts) if p is not None and p.prefix == prefix and not p.sep}
        if (
            lookalikes.get(prefix[-1]) != "0"
            or prefix[:-1] in col.prefixes()
            or len(rows) < MIN_RUN
            or not all(len(p.number) == 1 or p.number[:1] == "0" == p.number[:-1] for p in rows.values())
            or not any(len(p.number) == 2 for p in rows.values())
            or not any(len(p.number) == 1 for p in rows.values())
        ):
            continue
        for i, p in rows.items():
            col.parts[i] = replace(p, prefix=prefix[:-1], number=p.number.zfill(2))


def _read_twice(col: _Column, lookalikes: Mapping[str, str]) -> None:
    """A number's last digit followed by its own lookalike (`AS05s`, `EH1ic`), or a lookalike
    followed by its digit inside the number (`LAC1O0` beside `LAC10-QL`, where another row
    prints the number so: `CP6B8-NI` under `CP6B` is a sibling's letter read twice): one glyph
    OCR read as two characters, so the letter goes, where no other reading is what is left. Where another
    row prints the stem the letter read as a second digit makes (`LAC1L-QL` above `LAC11-QL (%)`)
    and none the stem without it, the letter is that digit (`_digit_read_as_letter`)."""
    stems = Counter((p.prefix, p.number) for p in col.parts if p is not None)
    for i, p in enumerate(col.parts):
        if p is None or not p.tail or col.confs[i] >= 1.0 or lookalikes.get(p.tail[0]) != p.number[-1]:
            continue
        if stems[(p.prefix, p.number + p.number[-1])] and not stems[(p.prefix, p.number)] - 1:
            continue
        once = replace(p, tail=p.tail[1:])
        if all(q is None or q.text != once.text for q in col.parts):
            col.parts[i] = once
    for i, q in enumerate(col.parts):
        merged = _lookalike_before_its_digit(q, lookalikes) if q is not None and col.confs[i] < 1.0 else None
        if (
            merged is not None
            and stems[(merged.prefix, merged.number)]
            and all(r is None or r.text != merged.text for r in col.parts)
        ):
            col.parts[i] = merged


def _lookalike_before_its_digit(p: RefParts, lookalikes: Mapping[str, str]) -> RefParts | None:
    """`LAC1O0 (%)`: a number broken by a letter that the digit after it looks like, one glyph
    read twice the other way round; the number runs on past the letter (`LAC10 (%)`)."""
    rest = p.tail[1:]
    digits = len(rest) - len(rest.lstrip("0123456789"))
    if not digits or lookalikes.get(p.tail[0]) != rest[0]:
        return None
    return replace(p, number=p.number + rest[:digits], tail=rest[digits:])


def _digit_read_as_letter(col: _Column, lookalikes: Mapping[str, str]) -> None:
    """A number's last digit read as a letter (`LAC1O (%)` beside `LAC10-QL`), where the engine
    was unsure: the letter as a sibling's would be the only one of its kind in the column, and the
    digit gives a stem another row prints. Sibling letters come in runs (`EH3a`..`EH3e`); a lone
    one that is a digit's lookalike is the digit."""
    letters = Counter(p.tail[0] for p in col.parts if p is not None and p.tail[:1].isalpha())
    stems = Counter((p.prefix, p.number) for p in col.parts if p is not None)
    for i, p in enumerate(col.parts):
        if p is None or col.sure(i) or letters[p.tail[:1]] != 1 or p.tail[0] not in lookalikes:
            continue
        digit = replace(p, number=p.number + lookalikes[p.tail[0]], tail=p.tail[1:])
        if stems[(digit.prefix, digit.number)] and all(q is None or q.text != digit.text for q in col.parts):
            col.parts[i] = digit


def _number_split(col: _Column) -> None:
    """A number a space split (`LAC 1 2 (vel)` above `LAC12 (%)`): the digits after the space
    join it where the stem they make is the next row's, or one another row prints while the
    number before them alone is printed on no other row (`LAC1 2` beside `LAC1-NI` stays)."""
    stems = Counter((p.prefix, p.number) for p in col.parts if p is not None)
    for i, p in enumerate(col.parts):
        m = re.match(r" (\d+)(?!\S*\d)", p.tail) if p is not None else None
        if p is None or m is None:
            continue
        joined = replace(p, number=p.number + m.group(1), tail=p.tail[m.end() :])
        beside = any(
            0 <= j < len(col.parts)
            and (q := col.parts[j]) is not None
            and (q.prefix, q.number) == (p.prefix, joined.number)
            for j in (i - 1, i + 1)
        )
        if (beside or (stems[(p.prefix, joined.number)] and stems[(p.prefix, p.number)] == 1)) and all(
            q is None or q.text != joined.text for q in col.parts
        ):
            col.parts[i] = joined


def _specks_after(col: _Column, specks: str) -> None:
    """A tail of specks alone (`W05_`) that no other reading prints: a rule's remnant or a speck
    OCR read after the number, where nothing is printed; so are specks set off by a space after a
    qualifier (`LAC1-NI _`): no reference ends in a mark standing alone."""
    tails = Counter(p.tail for p in col.parts if p is not None)
    for i, p in enumerate(col.parts):
        if p is not None and p.tail and tails[p.tail] == 1 and not p.tail.strip(specks + " "):
            col.parts[i] = replace(p, tail="")
        elif p is not None and specks and (m := re.fullmatch(rf"(.*\S)\s+[{re.escape(specks)}]+", p.tail)):
            col.parts[i] = replace(p, tail=m.group(1))


def _extra_in_tail(col: _Column) -> None:
    """A tail (past a sibling's letters) no other reading prints, which is a part two others print
    with a character or two more (`(9%)` among `(%)`, `%o` among `%`, ` 2 (vel)` among ` (vel)`): a
    speck or a glyph read twice. Letters run on from a word (`-QLA`) are no extras."""
    _mend_tails(col, _less)


def _mark_misread_in_tail(col: _Column) -> None:
    """A tail (past a sibling's letters) no other reading prints, one glyph off a part two others
    print or more, where theirs holds a mark (`(`, `%`) and this one another glyph (`-QL 7%)`
    among ` (%)`, `EH3e6` among `EH3a%`, `EH3b%`): qualifiers print marks, and a blurred mark
    reads as a digit. Where two parts fit, nothing is settled."""
    _mend_tails(col, lambda own, printed: _mark_for_glyph(printed, own))


def _mend_tails(col: _Column, fits: Callable[[str, str], bool]) -> None:
    """Each tail no other reading prints, its end put as the one end two other readings print
    that `fits` it (`fits(own, printed)`); where none or two fit, or the mended reference is
    another row's, it stands."""
    rests = [_rest(p.tail) if p is not None else "" for p in col.parts]
    printed = Counter(rests)
    ends = Counter(e for r in set(rests) for e in _ends(r) for _ in range(printed[r]))
    for i, p in enumerate(col.parts):
        rest = rests[i]
        if p is None or not rest or printed[rest] > 1:
            continue
        head = p.tail[: len(p.tail) - len(rest)]
        own = _ends(rest)
        fixes = {rest[: len(rest) - len(e)] + t for e in own for t in ends if ends[t] - (t in own) >= 2 and fits(e, t)}
        once = replace(p, tail=head + fixes.pop()) if len(fixes) == 1 else None
        if once is not None and all(q is None or q.text != once.text for q in col.parts):
            col.parts[i] = once


def _mark_for_glyph(printed: str, read: str) -> bool:
    """`read` is `printed` with one of its marks read as another glyph, not a space."""
    diff = [k for k, (a, b) in enumerate(zip(printed, read, strict=False)) if a != b]
    if len(printed) != len(read) or len(diff) != 1:
        return False
    a, b = printed[diff[0]], read[diff[0]]
    return not a.isalnum() and not a.isspace() and not b.isspace()


def _tail_lookalike(col: _Column, lookalikes: Mapping[str, str]) -> None:
    """A tail (past a sibling's letters) no other reading prints that is one two others print but
    for letters OCR takes for one another (`-Nl` among `-NI`, `B-NI`: both a `1` to the
    lookalikes), where the engine was unsure of it: a publisher prints one `-OL` among its `-QL`s
    too. A tail printed twice or more stands, whatever the others print: nothing says which of
    two printed tails is the misread."""
    rests = [_rest(p.tail) if p is not None else "" for p in col.parts]
    printed = Counter(r for r in rests if r)

    for i, p in enumerate(col.parts):
        rest = rests[i]
        if p is None or not rest or printed[rest] > 1 or col.sure(i):
            continue
        like = {
            t for t, n in printed.items() if n >= 2 and t != rest and _shape(t, lookalikes) == _shape(rest, lookalikes)
        }
        if len(like) == 1:
            col.parts[i] = replace(p, tail=p.tail[: len(p.tail) - len(rest)] + like.pop())


def _lost_in_tail(col: _Column) -> None:
    """A tail no other reading prints, which two others or more print with one glyph more, not a
    space (`NI` and `-NI`, `-N` and `-NI`, ` (val` and ` (val)`): the glyph OCR lost (`1-` read as
    one `L`; a faint `I`, a bracket at the cell's edge), where the column prints the tail one way
    alone; a reading of its own reference with the longer tail is a sibling (`CP2b`, `CP2b%`).
    So is a qualifier before more of a tail that lost a mark (`CP3QL (val)` among `-QL`s, its
    sibling `CP3-QL` too: two rows of one reference print one qualifier)."""
    tails = Counter(p.tail for p in col.parts if p is not None)
    quals = Counter(_qualifier(p.tail) for p in col.parts if p is not None)
    for i, p in enumerate(col.parts):
        if p is None or not p.tail:
            continue
        kin = {q.tail for q in col.parts if q is not None and (q.prefix, q.number) == (p.prefix, p.number)}
        longer = {t for t, n in tails.items() if n >= 2 and _one_more(t, p.tail)} - kin
        own = _qualifier(p.tail)
        marked = {t for t, n in quals.items() if n >= 2 and _one_more(t, own, mark=True)}
        if tails[p.tail] == 1 and len(longer) == 1:
            col.parts[i] = replace(p, tail=longer.pop())
        elif own and own != p.tail and quals[own] == 1 and len(marked) == 1:
            col.parts[i] = replace(p, tail=marked.pop() + p.tail[len(own) :])


def _one_more(longer: str, part: str, mark: bool = False) -> bool:
    """`longer` is `part` with one glyph more, not a space (with `mark`, no letter or digit)."""
    return len(longer) == len(part) + 1 and any(
        longer[:k] + longer[k + 1 :] == part and not longer[k].isspace() and not (mark and longer[k].isalnum())
        for k in range(len(longer))
    )


def _sibling_qualifier(col: _Column, lookalikes: Mapping[str, str]) -> None:
    """`LAC11-OL (%)`, unsure, beside a sure `LAC11-QL`: two rows of one reference (a count and
    its percentage) print one qualifier, so where siblings' qualifiers differ only by letters OCR
    takes for one another, the one the engine was unsure of takes the sure one's. Sure of both,
    nothing says which was misread: a column whose `-QL`s OCR reads `-OL` six times in eight
    prints the misreading more often than the print."""
    quals = [_qualifier(p.tail) if p is not None else "" for p in col.parts]
    for i, p in enumerate(col.parts):
        own = quals[i]
        if p is None or not own or col.sure(i):
            continue
        kin = {
            quals[j]
            for j, s in enumerate(col.parts)
            if s is not None
            and (s.prefix, s.sep, s.number) == (p.prefix, p.sep, p.number)
            and quals[j] != own
            and _shape(quals[j], lookalikes) == _shape(own, lookalikes)
            and col.sure(j)
        }
        if len(kin) == 1:
            col.parts[i] = replace(p, tail=kin.pop() + p.tail[len(own) :])


def _paired(col: _Column, lookalikes: Mapping[str, str]) -> set[int]:
    """`LAC (vel)` above `LAC6 (%)`: a reading whose number is lost (or read as letters OCR takes
    for that number's digits), beside a reading of its prefix, takes that reading's number where
    the two tails are a pair the column prints elsewhere on two rows of one reference (`CP4 (val)`
    above `CP4`). Where the rows beside it imply two numbers, nothing is settled. The tables
    before count."""
    col.memory.pairs |= {
        (a.tail.strip(), b.tail.strip())
        for a, b in zip(col.parts, col.parts[1:], strict=False)
        if a is not None and b is not None and (a.prefix, a.number) == (b.prefix, b.number) and a.tail != b.tail
    }
    settled = set()
    for i, text in enumerate(col.texts):
        if col.parts[i] is not None or not text:
            continue
        found = {c for j in (i - 1, i + 1) if (c := _pair_of(col, i, j, col.memory.pairs, lookalikes)) is not None}
        if len(found) == 1:
            col.parts[i] = found.pop()
            settled.add(i)
    return settled


def _pair_of(
    col: _Column, i: int, j: int, pairs: set[tuple[str, str]], lookalikes: Mapping[str, str]
) -> RefParts | None:
    if not 0 <= j < len(col.parts) or (p := col.parts[j]) is None or not p.prefix:
        return None
    text = col.texts[i]
    if not text.startswith(p.prefix):
        return None
    rest = text[len(p.prefix) :]
    cut = next((k for k, ch in enumerate(rest) if ch in " (-"), len(rest))
    lost, tail = rest[:cut], rest[cut:]
    if (lost and _shape(lost, lookalikes) != p.number) or not tail.strip():
        return None  # a digit read as a letter says which (`LACT-QL`: `LAC7-QL`, not its sibling's 12)
    pair = (tail.strip(), p.tail.strip()) if i < j else (p.tail.strip(), tail.strip())
    return replace(p, tail=tail) if pair in pairs else None


def _shape(text: str, lookalikes: Mapping[str, str]) -> str:
    """The text with each lookalike read as its digit: two readings OCR could confuse share it."""
    return "".join(lookalikes.get(ch, ch) for ch in text)


def _qualifier(tail: str) -> str:
    """The qualifier a tail opens with, up to a space or bracket (`-QL` of `-QL (%)`)."""
    return re.split(r"[\s(]", tail, maxsplit=1)[0]


def _rest(tail: str) -> str:
    """A tail past the letters that name a sibling (`%` of `a%`, `-NI` of `B-NI`)."""
    return tail.lstrip(ascii_letters)


def _ends(rest: str) -> list[str]:
    """A tail's parts to its end, from its start and from each space, bracket or dash."""
    return [rest[k:] for k in range(len(rest)) if k == 0 or rest[k] in " (-"]


def _less(longer: str, part: str) -> bool:
    """`longer` is `part` with one or two characters more, side by side: not white space alone,
    nor a letter run on from a letter."""
    extra = len(longer) - len(part)
    if not 0 < extra <= 2:
        return False
    return any(
        longer[:k] + longer[k + extra :] == part
        and longer[k : k + extra].strip()
        and not (k and longer[k - 1].isalpha() and longer[k].isalpha())
        for k in range(len(part) + 1)
    )


def _zero_merged(digit: str, number: str, width: int) -> str:
    if len(digit + number) == width:
        return digit + number
    return number if len(number) == width and number.startswith(digit) else ""


def _settle_all(col: _Column, lookalikes: Mapping[str, str]) -> set[int]:
    """Settle readings until none changes (a repair gives its neighbour a number to be next to);
    the ones left unsettled."""
    unsettled: set[int] = set()
    for _ in range(len(col.texts) + 1):
        before = list(col.parts)
        unsettled = {i for i in range(len(col.texts)) if not _settle(col, i, lookalikes)}
        if col.parts == before:
            break
    return unsettled


def _settle(col: _Column, i: int, lookalikes: Mapping[str, str]) -> bool:
    """Repair reading `i` if it breaks the column's scheme and one variant fits (a prefix read in
    mixed case is settled wherever it stands, `_recased`); False where it breaks the scheme (no
    digit in a column of references, a prefix the column prints more often once lookalikes are
    swapped, or a number at a width the prefix's other references never print: `H009` among
    `H02`, `H10`) and nothing settles it."""
    text, parts = col.texts[i], col.parts[i]
    if not text or (parts is not None and not parts.prefix):
        return True
    variants = _variants(col, text, lookalikes, col.prefixes(but=i))
    misfit = parts is not None and parts.prefix in col.prefixes(but=i) and not _fits(col, i, parts)
    cased = {c for c in _recased(col, i, parts) if _fits(col, i, c)} if parts is not None else set()
    if len(cased) == 1:
        col.parts[i] = cased.pop()
        return True
    if parts is not None and not misfit and _in_scheme(col, i, parts, variants):
        return True
    placed = {c for c in variants if _fits(col, i, c) and (_next_to(c, col.neighbours(i)) or _between(col, i, c))}
    placed |= {c for c in _capital_read(col, i) if _fits(col, i, c)}
    near = _most_printed(col, i, placed)
    if len({c.text for c in near}) == 1:
        col.parts[i] = near.pop()
        return True
    return not misfit and not variants and (parts is not None or not col.shaped())


def _recased(col: _Column, i: int, parts: RefParts) -> set[RefParts]:
    """What a prefix in mixed case (`Cp2`, `CcP2`, `Ww04`, `tAC11`), which no publisher prints,
    stands for: a prefix the column prints in one case, in that case, or without the one letter in
    the other case (a glyph read twice), or else with that letter, in a prefix of three or more,
    read as another (the one prefix it is then). It is settled before the column's scheme is
    asked: a wide capital read twice on every other row (`Ww04`, `Ww06`) makes its mixed prefix
    look printed."""
    prefix = parts.prefix
    if prefix.isupper() or prefix.islower():
        return set()
    upper = sum(ch.isupper() for ch in prefix) * 2 > len(prefix)
    odd = [k for k, ch in enumerate(prefix) if ch.isalpha() and ch.isupper() != upper]
    printed = {p.lower(): p for p in col.prefixes(but=i) if p.isupper() or p.islower()}
    options = [prefix] + [prefix[:k] + prefix[k + 1 :] for k in odd]
    found = {replace(parts, prefix=printed[o.lower()]) for o in options if o.lower() in printed}
    if not found and len(odd) == 1 and len(prefix) >= 3:
        found = {replace(parts, prefix=p) for p in printed.values() if _one_off_at(prefix, p, odd[0])}
    return found


def _one_off_at(read: str, printed: str, k: int) -> bool:
    """`printed` is `read` but for the letter at `k` (the one in the odd case: `tAC` for `LAC`)."""
    return len(read) == len(printed) and read[:k].lower() + read[k + 1 :].lower() == (
        printed[:k].lower() + printed[k + 1 :].lower()
    )


def _most_printed(col: _Column, i: int, near: set[RefParts]) -> set[RefParts]:
    """Of the variants that fit, those whose prefix the column prints most often: a misread
    neighbour (`wi2` for `W12`) makes its broken prefix look printed, and `wil` would fit it as
    `wi1` as well as `W11`."""
    if len({c.text for c in near}) < 2:
        return near
    top = max(len(col.group(c.prefix, but=i)) for c in near)
    return {c for c in near if len(col.group(c.prefix, but=i)) == top}


def _in_scheme(col: _Column, i: int, parts: RefParts, variants: set[RefParts]) -> bool:
    """The prefix is one the column prints, and no lookalike makes it one printed more often."""
    if parts.prefix not in col.prefixes(but=i):
        return False
    own = len(col.group(parts.prefix, but=i))
    return all(len(col.group(c.prefix, but=i)) <= own for c in variants if c.prefix != parts.prefix)


def _variants(col: _Column, text: str, lookalikes: Mapping[str, str], known: Counter[str]) -> set[RefParts]:
    """The readings `text` may stand for: up to `MAX_SWAPS` lookalikes in its number swapped for
    digits, the prefix in the case the column prints it most often, a mark read for its first
    capital (`$P2`) swapped for the capital."""
    by_case = {k.lower(): k for k, _ in sorted(known.items(), key=lambda kv: (kv[1], kv[0]))}
    out = _swapped(text, lookalikes, by_case)
    if text[:1] in col.capitals:
        out |= _swapped(col.capitals[text[0]] + text[1:], lookalikes, by_case)
    return out


def _capital_read(col: _Column, i: int) -> set[RefParts]:
    """A reading that starts with a mark no reference starts with (`$P2`), its digits read as
    digits: the one reference the column prints once the mark is its capital, unless another
    row prints that reference. The mark says the letter; the engine's digits say the number."""
    text = col.texts[i]
    if text[:1] not in col.capitals:
        return set()
    by_case = {k.lower(): k for k in col.prefixes(but=i)}
    read = _swapped(col.capitals[text[0]] + text[1:], {}, by_case)
    return {
        c for c in read if not any(q is not None and (q.prefix, q.number) == (c.prefix, c.number) for q in col.parts)
    }


def _swapped(text: str, lookalikes: Mapping[str, str], by_case: dict[str, str]) -> set[RefParts]:
    spots = [k for k, ch in enumerate(text) if ch in lookalikes]
    out = set()
    for n in range(min(len(spots), MAX_SWAPS) + 1):
        for swap in itertools.combinations(spots, n):
            chars = list(text)
            for k in swap:
                chars[k] = lookalikes[chars[k]]
            p = parse_ref("".join(chars))
            start = len(p.prefix) + len(p.sep) if p is not None else 0
            if p is not None and p.prefix.lower() in by_case and all(start <= k < start + len(p.number) for k in swap):
                out.add(RefParts(by_case[p.prefix.lower()], p.sep, p.number, p.tail))
    return out


def _fits(col: _Column, i: int, c: RefParts) -> bool:
    """The variant prints its number at the width its prefix's other references do. Numbers from
    10 up say nothing of padding (`HN 10`..`HN 13`), so there a table before that printed the
    prefix below ten (`HN 01`..`HN 09`) says it: `HN 4` is no reference of that scheme."""
    numbers = [p.number for p in col.group(c.prefix, but=i)]
    scheme = col.memory.schemes.get(c.prefix)
    width = _width(numbers) if numbers else scheme.width if scheme else 0
    if not width and scheme and numbers and all(len(n) == scheme.width and int(n) >= 10 for n in numbers):
        width = scheme.width
    return len(c.number) == width if width else not c.number.startswith("0") or len(c.number) == 1


def _next_to(c: RefParts, neighbours: list[RefParts]) -> bool:
    return any(p.prefix == c.prefix and abs(int(p.number) - int(c.number)) <= 1 for p in neighbours)


def _between(col: _Column, i: int, c: RefParts) -> bool:
    """The variant's number falls between those of the nearest readings of its prefix above and
    below, which count up (`LACE` between `LAC3` and `LAC12`, two rows apart, is `LAC6`), the
    prefix's readings passed over no more than `NEAREST` rows away."""

    def nearest(rows: range) -> int | None:
        for j in rows:
            p = col.parts[j]
            if p is not None and p.prefix == c.prefix:
                return int(p.number)
        return None

    above = nearest(range(i - 1, max(-1, i - 1 - NEAREST), -1))
    below = nearest(range(i + 1, min(len(col.parts), i + 1 + NEAREST)))
    return above is not None and below is not None and above < int(c.number) < below


def _separators(col: _Column) -> set[str]:
    """A separator lost or added, where nearly all of the prefix's references print one (`SP01`
    and `SP08` among eleven `SP 02`: a narrow space a scan lost twice), or where they split
    between a mark and none, as `_split_separator` says; at least two must print it. Decided once
    a prefix, on the readings as they stand, so one repair does not sway the next. The prefixes
    whose separator nothing settles (`_bearing_or_space`, `_marked_and_not`) are returned: their
    rows are doubtful."""
    unsettled = set()
    for prefix in {p.prefix for p in col.parts if p is not None and p.prefix}:
        seps = Counter(q.sep for q in col.group(prefix))
        total = sum(seps.values())
        sep: str | None
        sep, n = seps.most_common(1)[0]
        if _bearing_read_as_space(col, prefix):
            _set_separator(col, prefix, "")
            continue
        if len(seps) == 1 and (before := _unsure_against_before(col, prefix, sep)) is not None:
            _set_separator(col, prefix, before)
            continue
        if len(seps) == 2 and "" in seps and n < AGREE * total:
            sep = _split_separator(col, prefix, seps)
            if (sep == " " and _bearing_or_space(col, prefix)) or (sep is None and _marked_and_not(seps)):
                unsettled.add(prefix)
        elif n < AGREE * total:
            sep = None
        if sep is None or seps[sep] < 2:
            continue
        _set_separator(col, prefix, sep)
    return unsettled


def _bearing_read_as_space(col: _Column, prefix: str) -> bool:
    """A space read only before a `1`, where the document prints the prefix without one: the
    tables before did (`ASCOF1`..`ASCOF12`, then `ASCOF 13`, `ASCOF 14`, `ASCOF15`, `ASCOF 16` on
    the next page, the engine sure of two), or two readings the engine was sure of do before
    other digits (`ENV3`, `ENV5` sure, `ENV 1`, `ENV 11` sure). A `1` is set with a bearing as
    wide as a narrow space, so a space before it, however sure, says less than none before
    another digit; a space read before any other digit keeps the prefix to `_separators`' vote."""
    group = [(j, q) for j, q in enumerate(col.parts) if q is not None and q.prefix == prefix]
    spaced = [q for _, q in group if q.sep == " "]
    if not spaced or any(not q.number.startswith(WIDE) for q in spaced):
        return False
    if any(q.sep not in ("", " ") for _, q in group):
        return False
    before = col.memory.schemes.get(prefix)
    if before is not None:
        return before.sep == ""
    return sum(col.sure(j) and not q.sep and not q.number.startswith(WIDE) for j, q in group) >= 2


def _set_separator(col: _Column, prefix: str, sep: str) -> None:
    col.parts = [
        RefParts(p.prefix, sep, p.number, p.tail) if p is not None and p.prefix == prefix else p for p in col.parts
    ]


def _unsure_against_before(col: _Column, prefix: str, sep: str) -> str | None:
    """The separator the tables before printed with the prefix, where this table's readings of it
    all read another, none sure, and one of the two is none: a separator a scan lost or read
    into a narrow gap (`ASCOF 16` alone on a page, read 0.75, after `ASCOF1`..`ASCOF15`)."""
    before = col.memory.schemes.get(prefix)
    if before is None or before.sep == sep or "" not in (sep, before.sep):
        return None
    if any(col.sure(j) for j, q in enumerate(col.parts) if q is not None and q.prefix == prefix):
        return None
    return before.sep


def _marked_and_not(seps: Counter[str]) -> bool:
    """A mark (`-`) read on two readings or more, and none on more (`R&B4`, `R&B-5`, `R&B6`..
    `R&B9`, `R&B-10`), the engine sure of readings both ways: a mark is not a speck twice, nor
    is it lost on most rows for sure, so nothing settles how the prefix is printed."""
    mark = next((m for m in seps if m), "")
    return mark not in ("", " ") and seps[mark] >= 2


def _bearing_or_space(col: _Column, prefix: str) -> bool:
    """A space read only before a `1`, no reading the engine was sure of printing it, where two
    readings before other digits print none (`SP5`, `SP7`, `SP 10`, `SP 11`): a `1` is set with
    a bearing as wide as a space, so the space may be that bearing (`SP10`) or a narrow space
    the other readings lost (`H 04`): nothing settles which."""
    group = [(j, q) for j, q in enumerate(col.parts) if q is not None and q.prefix == prefix]
    spaced = [(j, q) for j, q in group if q.sep == " "]
    if any(col.sure(j) or not q.number.startswith(WIDE) for j, q in spaced):
        return False
    return sum(not q.sep and not q.number.startswith(WIDE) for _, q in group) >= 2


def _split_separator(col: _Column, prefix: str, seps: Counter[str]) -> str | None:
    """The readings the engine was sure of decide where they agree (a wide digit after the
    prefix read as a space, `LAC 12`, leaves its reading unsure); else the mark is printed, if
    two print it: OCR loses a narrow space far more often than it reads one into letters set
    close (`AS04`, `AS 05`, `AS06`, `AS 07`), and a thin hyphen far more often than it reads one
    into no ink, though a speck can be one, so a hyphen needs as many readings as go without
    (`WR-1`, `WR2`, `WR-3`, `WR4`). Where the sure readings do not agree, a table before that
    printed the prefix decides between the two: one document prints one scheme (`ASCOF1`..
    `ASCOF7` on one page; `ASCOF8`, `ASCOF 10`.. `ASCOF 14` on the next, a narrow gap before a
    `1` read as a space five times)."""
    sure = {q.sep for j, q in enumerate(col.parts) if q is not None and q.prefix == prefix and col.sure(j)}
    if len(sure) == 1:
        return sure.pop()
    if (before := col.memory.schemes.get(prefix)) is not None and before.sep in seps:
        return before.sep
    mark = next(m for m in seps if m)
    if seps[mark] < 2 or (mark != " " and seps[mark] < seps[""]):
        return None
    return mark


def _restore_prefix(col: _Column) -> None:
    """Bare numbers take the one prefix the column's other references print, or the one the
    table before ended with, where all the numbers then run upwards at one width."""
    bare = [i for i, p in enumerate(col.parts) if p is not None and not p.prefix]
    prefixed = {(p.prefix, p.sep) for p in col.parts if p is not None and p.prefix}
    if not bare:
        return
    if len(prefixed) == 1:
        ((prefix, sep),) = prefixed
        start = None
    elif not prefixed and (last := col.memory.last_prefix) is not None:
        prefix, sep, start = last, col.memory.schemes[last].sep, col.memory.schemes[last].last
    else:
        return
    run = [p for p in col.parts if p is not None]
    numbers = [int(p.number) for p in run]
    if start is not None and numbers[0] != start + 1:
        return
    if len({len(p.number) for p in run}) == 1 and all(a < b for a, b in itertools.pairwise(numbers)):
        col.parts = [
            RefParts(prefix, sep, p.number, p.tail) if p is not None and not p.prefix else p for p in col.parts
        ]


def _numbered_in_turn(col: _Column, lookalikes: Mapping[str, str]) -> set[int]:
    """Readings taking the reference the column's count (one a row, on both sides where there are
    two) implies at their place, where the reading ends in its number (its last characters read
    as the digits they look like: `wol` for `W01`) and prints no prefix the column prints more
    often there: bare numbers, readings not shaped like a reference at all, a prefix one letter
    off the implied one in either case (`O03`, `HO04` between `H02` and `H05`, `wo02` under
    `W03`), and the implied prefix with a number at a width it never prints (`H0O7`); the rows
    repaired. An unsure reading of the implied prefix with no digit left takes it too
    (`_number_lost`), as does one a lookalike made another row's reference (`RBS` read `RB5`
    where the count implies `RB4`), and the implied reference with a stroke after its number
    (`_stroke_after`). Repairs run top down, so a repaired row counts for the next,
    and again until none is made: a row repaired below implies one above it."""
    repaired: set[int] = set()
    for _ in range(len(col.texts)):
        before = len(repaired)
        for i, text in enumerate(col.texts):
            p = col.parts[i]
            implied = _implied_here(col, i) if text and i not in repaired else None
            if implied is None:
                continue
            if _stroke_after(col, i, p, implied, lookalikes):
                col.parts[i] = implied
                repaired.add(i)
                continue
            if p is not None and not (
                _off_prefix(col, i, p, implied) or _misfit(col, i, p, implied) or _twice(col, i, p)
            ):
                continue
            if (
                _ends_in(text, implied)
                or _ends_in_lookalikes(text, implied, lookalikes)
                or _number_lost(col, i, implied)
                or _digit_lost(col, i, p, implied)
            ):
                col.parts[i] = implied
                repaired.add(i)
        if len(repaired) == before:
            break
    return repaired


def _stroke_after(col: _Column, i: int, p: RefParts | None, implied: RefParts, lookalikes: Mapping[str, str]) -> bool:
    """`WR9I` between `WR8` and `WR10`: the reference the count implies with one stroke after its
    number, a letter OCR reads for a `1` (the cell's border or a rule's remnant), however sure the
    engine was, where no other row of the column prints a letter after its number: the letter
    names no sibling (`EH3a`, `CP6B` keep theirs)."""
    if p is None or implied.tail or (p.prefix, p.sep, p.number) != (implied.prefix, implied.sep, implied.number):
        return False
    if len(p.tail) != 1 or lookalikes.get(p.tail) != "1":
        return False
    return not any(q is not None and q.tail[:1].isalpha() for j, q in enumerate(col.parts) if j != i)


def _unread_in_turn(col: _Column) -> set[int]:
    """Rows with no reading where the column's count implies a reference no other row prints
    (`` above `REV02`, `REV03`): a reference OCR read as nothing, not a row printed without one
    (those the count runs past: `AB1`, ``, `AB2`). Their values would be filed under the name."""
    printed = {p.text for p in col.parts if p is not None}
    return {
        i
        for i, t in enumerate(col.texts)
        if not t
        and (implied := _implied_here(col, i)) is not None
        and int(implied.number) > 0
        and implied.text not in printed
    }


def _twice_out_of_turn(col: _Column) -> set[int]:
    """Readings another row reads too, standing where the column's count implies a reference no
    row prints (`RBO5` under `RBO7`, where the count implies `RBO8`; `CS 0` twice where it implies
    `CS 08` and `CS 09`): one reference printed twice is a misreading of one of them, and the one
    the count disowns is it, however sure the engine was. Its number is not known (a digit lost
    or misread), so its rows are withheld rather than filed under another row's reference. A
    qualified reading (`M6-CL` twice, around `M6-CL (all)`) is a sibling printed again, not this."""
    printed = {p.text for p in col.parts if p is not None}
    return {
        i
        for i, p in enumerate(col.parts)
        if p is not None
        and not p.tail
        and _twice(col, i, p)
        and (implied := _implied_here(col, i)) is not None
        and implied.text != p.text
        and implied.text not in printed
    }


def _twice(col: _Column, i: int, p: RefParts) -> bool:
    """Another row reads the same reference: one of the two is misread."""
    return any(q is not None and q.text == p.text for j, q in enumerate(col.parts) if j != i)


def _number_lost(col: _Column, i: int, implied: RefParts) -> bool:
    """An unsure reading of the implied prefix whose number left no digit (`RB)`, `RBM`, `RB?`
    between `RB6` and `RB9`'s count): its place is all that says the number, and says it. So
    does a reading that ends in the implied prefix's mark (`ASC-` between `ASC-4` and `ASC-6`),
    however sure: no reference ends in its separator, so the number after it was lost."""
    text = col.texts[i]
    head = implied.prefix + implied.sep
    rest = text[len(head) :]
    if implied.sep.strip() and text == head:
        return True
    return (
        not col.sure(i)
        and text[: len(head)].lower() == head.lower()
        and 0 < len(rest.strip()) <= len(implied.number) + 1
        and not any(ch.isdigit() for ch in rest)
    )


def _digit_lost(col: _Column, i: int, p: RefParts | None, implied: RefParts) -> bool:
    """The implied reference with one digit of its number lost (`HN 4` where the count implies
    `HN 14`, a thin `1` gone), at a width the prefix does not print (`_misfit`)."""
    if p is None or not _misfit(col, i, p, implied) or len(p.number) + 1 != len(implied.number):
        return False
    return any(implied.number[:k] + implied.number[k + 1 :] == p.number for k in range(len(implied.number)))


def _ends_in(text: str, implied: RefParts) -> bool:
    return text.endswith((implied.number, str(int(implied.number))))


def _ends_in_lookalikes(text: str, implied: RefParts, lookalikes: Mapping[str, str]) -> bool:
    """The reading's last characters, a run of digits and lookalikes, read as digits are the
    implied number, and what is left is its prefix, a letter off at most (`wol` for `W01`; no
    word that happens to end in `l` is `H-1`)."""
    from rapidfuzz.distance import Levenshtein

    k = len(text)
    while k and (text[k - 1].isdigit() or text[k - 1] in lookalikes):
        k -= 1
    digits = "".join(lookalikes.get(ch, ch) for ch in text[k:])
    head = text[:k].rstrip(" -").lower()
    return _ends_in(digits, implied) and Levenshtein.distance(head, implied.prefix.lower()) <= 1


def _off_prefix(col: _Column, i: int, p: RefParts, implied: RefParts) -> bool:
    """No prefix, or one a letter off the implied one that the column prints less often."""
    from rapidfuzz.distance import Levenshtein

    if not p.prefix:
        return True
    known = col.prefixes(but=i)
    return (
        p.prefix != implied.prefix
        and Levenshtein.distance(p.prefix.lower(), implied.prefix.lower()) <= 1
        and known[p.prefix] < known[implied.prefix]
    )


def _misfit(col: _Column, i: int, p: RefParts, implied: RefParts) -> bool:
    """The implied prefix, with a number at a width none of the prefix's others prints (`H009`
    among `H08`, `H10`; not `AS09` over `AS10`, which may count up naturally or at two digits)."""
    widths = {len(q.number) for q in col.group(p.prefix, but=i)}
    return p.prefix == implied.prefix and not _fits(col, i, p) and len(p.number) not in widths


def _implied_here(col: _Column, i: int) -> RefParts | None:
    """The reference the nearest prefixed readings above and below that agree imply at row `i`:
    they share a prefix and count one a row across it (two below it, for the first row; two
    above, for the last). Neighbours misread too, up to `NEAREST` - 1 on a side, are passed over
    for the next ones (a smudge across three rows; misreads alike there make their prefix look
    printed). Where a row with no reading lies between, and the count could go either way
    (`_places`), nothing is implied."""
    above = [(j, p) for j in range(i - 1, -1, -1) if (p := _printed(col, j)) is not None][:NEAREST]
    below = [(j, p) for j in range(i + 1, len(col.parts)) if (p := _printed(col, j)) is not None][:NEAREST]
    if above and below:
        pairs = [(x, y) for x in above for y in below]
        pairs.sort(key=lambda xy: xy[1][0] - xy[0][0])
    else:
        pairs = [(above[1], above[0])] if len(above) >= 2 else [(below[0], below[1])] if len(below) >= 2 else []
    for (j, a), (k, b) in pairs:
        if a.prefix != b.prefix or a.sep != b.sep:
            continue
        found = {
            int(a.number) + place[i] - place[j]
            for place in _places(col)
            if int(b.number) - int(a.number) == place[k] - place[j] and _counts_between(col, j, k, a)
        }
        if len(found) > 1:
            return None
        if found and (n := found.pop()) >= 0:
            return RefParts(a.prefix, a.sep, str(n).zfill(_width([a.number, b.number])), "")
    return None


def _counts_between(col: _Column, j: int, k: int, a: RefParts) -> bool:
    """No two readings of the prefix from row `j` to row `k` are a reference and its qualified
    sibling (one number, two tails: `LAC11-QL`, `LAC11-QL (%)`): a column of siblings does not
    count one a row, so `LAC11-QL` and `LAC16` five rows apart imply nothing between them
    (`Lace` is not `LAC15`)."""
    tails: dict[str, set[str]] = {}
    for m in range(j, k + 1):
        p = _printed(col, m)
        if p is not None and p.prefix == a.prefix and p.sep == a.sep:
            tails.setdefault(p.number, set()).add(p.tail)
    return all(len(t) == 1 for t in tails.values())


def _places(col: _Column) -> list[list[int]]:
    """Each row's place in the count, as the column may number its rows with no reading: taking
    no number (a section's row), or one (a reference OCR read as nothing). Both, unless two
    readings counting across such a row show which: the count then goes the one way."""
    skipping = list(itertools.accumulate(int(bool(t)) for t in col.texts))
    every = list(range(1, len(col.texts) + 1))
    printed = [(j, p) for j in range(len(col.parts)) if (p := _printed(col, j)) is not None]
    shown = [
        (int(b.number) - int(a.number), j, k)
        for (j, a), (k, b) in itertools.pairwise(printed)
        if a.prefix == b.prefix and a.sep == b.sep and skipping[k] - skipping[j] != k - j
    ]
    fits = [place for place in (skipping, every) if shown and all(d == place[k] - place[j] for d, j, k in shown)]
    return fits if len(fits) == 1 else [skipping, every]


def _printed(col: _Column, j: int) -> RefParts | None:
    """Reading `j`, if it prints a prefix the column prints elsewhere too: one to count from."""
    p = col.parts[j]
    return p if p is not None and p.prefix and p.prefix in col.prefixes(but=j) else None


def _bare_among_prefixed(col: _Column) -> list[int]:
    """Bare numbers left in a column whose references mostly print a prefix (`11` among `H-2`,
    `H-3`: `H-1` with its prefix lost and its dash read as a one), which no run gave one."""
    parsed = [p for p in col.parts if p is not None]
    bare = [i for i, p in enumerate(col.parts) if p is not None and not p.prefix]
    if not bare or (len(parsed) - len(bare)) < SHAPED * len(parsed):
        return []
    return bare


def _letters_after_digit(col: _Column) -> list[int]:
    """Readings opening with a digit, then letters, then digits (`1AC13`): no reference prints
    that shape, and a prefix's capital read as a digit (`L` as `1`) makes it."""
    return [i for i, p in enumerate(col.parts) if p is not None and not p.prefix and re.match(r"[A-Za-z]+\d", p.tail)]


def _remember(col: _Column) -> None:
    read = zip(col.texts, col.parts, strict=True)
    col.memory.stems.update(_stem(p.text if p is not None else t) for t, p in read if t)
    last = None
    for prefix in {p.prefix for p in col.parts if p is not None and p.prefix}:
        group = col.group(prefix)
        seps = Counter(p.sep for p in group)
        col.memory.schemes[prefix] = Scheme(
            seps.most_common(1)[0][0], _width([p.number for p in group]), int(group[-1].number)
        )
    for p in col.parts:
        if p is not None and p.prefix:
            last = p.prefix
    col.memory.last_prefix = last
    col.memory.last = next((p for p in reversed(col.parts) if p is not None and p.prefix), None)

"""Which way up a page is read: the frame in which most of its text is upright.

A landscape page in a portrait report (`/Rotate 90`, its content drawn turned back) displays its
text upright and is read as displayed. A table drawn sideways without the flag, or a page given
`/Rotate` without its content turned, shows its lines running down or up the page: the page is
read turned so that they run left to right. A few labels at 90 degrees inside an upright table
(owner names in a narrow column) do not turn the page; they stay rotated words.
"""

from __future__ import annotations

from collections import Counter

from ..page import Frame
from .chars import BTT, LTR, RTL, TTB, Char, Style, heading

__all__ = ["BTT", "LTR", "RTL", "TTB", "reading_frame", "to_frame"]
_TURN = {LTR: 0, BTT: 90, RTL: 180, TTB: 270}  # turning the page this far clockwise sets the text upright


def reading_frame(chars: list[Char], width: float, height: float) -> Frame:
    """The frame where the plurality of printed characters runs left to right (ties: as displayed)."""
    counts = Counter(c.style.heading for c in chars if not c.generated and c.text.strip())
    if not counts or counts[LTR] >= max(counts.values()):
        return Frame(0, width, height)
    return Frame(_TURN[counts.most_common(1)[0][0]], width, height)


def _turned(x: float, y: float, turn: int) -> tuple[float, float]:
    for _ in range(turn // 90):
        x, y = -y, x
    return x, y


def to_frame(chars: list[Char], frame: Frame) -> list[Char]:
    """The characters with their boxes and directions in the reading frame."""
    if not frame.turn:
        return chars
    styles: dict[int, Style] = {}
    out = []
    for c in chars:
        st = styles.get(id(c.style))
        if st is None:
            st = styles[id(c.style)] = _turned_style(c.style, frame.turn)
        x0, top, x1, bottom = frame.to_reading((c.x0, c.top, c.x1, c.bottom))
        out.append(Char(c.text, x0, top, x1, bottom, st, c.generated))
    return out


def _turned_style(st: Style, turn: int) -> Style:
    dx, dy = _turned(st.dx, st.dy, turn)
    ux, uy = _turned(st.ux, st.uy, turn)
    return Style(st.size, st.font, st.bold, st.colour, dx, dy, ux, uy, st.invisible, heading(dx, dy))

"""Where on a page the tables are: runs of lines whose text is set in columns.

A line of a table has two or more phrases (its cells, apart by more than a word space); a run
of such lines, close together, with the single-phrase lines between them (a wrapped name, a
section heading), is a table's block. A paragraph of prose, a wide vertical gap or a line of
another size ends it. Ruled grids are blocks of their own, whatever their lines look like.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lines import Line

MAX_GAP = 2.2  # line heights: a wider vertical gap ends a block
MIN_TABULAR = 2  # lines of two or more phrases a block needs
PROSE_SHARE = 0.6  # a single phrase wider than this share of the block, and long, is prose


@dataclass
class Block:
    lines: list[Line] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(ln.top for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in self.lines)

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def tabular(self) -> int:
        return sum(1 for ln in self.lines if len(ln.phrases) >= 2)


def _is_prose(line: Line, width: float) -> bool:
    if len(line.phrases) != 1:
        return False
    p = line.phrases[0]
    return (p.x1 - p.x0) > PROSE_SHARE * width and len(p.words) >= 8


def _continues(block: Block, line: Line, page_width: float) -> bool:
    prev = block.lines[-1]
    height = max(prev.bottom - prev.top, line.bottom - line.top)
    if line.top - prev.bottom > MAX_GAP * height:
        return False
    if _is_prose(line, max(block.x1 - block.x0, 0.5 * page_width)):
        return False
    size_ratio = line.em / prev.em if prev.em else 1.0
    return 0.6 <= size_ratio <= 1.67


def find_blocks(lines: list[Line], page_width: float) -> list[Block]:
    """Runs of lines set in columns, each with at least MIN_TABULAR lines of two phrases or more."""
    blocks: list[Block] = []
    current: Block | None = None
    for ln in lines:
        if current is not None and _continues(current, ln, page_width):
            current.lines.append(ln)
            continue
        if current is not None:
            blocks.append(current)
        current = Block([ln])
    if current is not None:
        blocks.append(current)
    return [_trimmed(b) for b in blocks if b.tabular >= MIN_TABULAR]


def _trimmed(block: Block) -> Block:
    """Single-phrase lines at the block's bottom are notes under the table, not rows of it."""
    lines = list(block.lines)
    while len(lines) > 1 and len(lines[-1].phrases) < 2 and len(lines[-2].phrases) >= 2:
        gap = lines[-1].top - lines[-2].bottom
        if gap <= 0.6 * (lines[-1].bottom - lines[-1].top):
            break  # close under the last row: the wrap of its label
        lines.pop()
    return Block(lines)

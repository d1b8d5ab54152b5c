"""Words and rules -> tables: where a page's tables are, their columns, rows and header levels.

One finder for every page, whatever gave its words (text layer or OCR) and whether or not its
tables are ruled: columns come from the alignment of the text and the white gutters between
it, with drawn rules and fills where a page has them; rows from the lines that hold values, the
gaps between lines, and rules or zebra fills; header levels from the lines above the first row
of values, a cell spanning the columns it covers.
"""

from .finder import find_tables
from .model import Cell, Table

__all__ = ["Cell", "Table", "find_tables"]

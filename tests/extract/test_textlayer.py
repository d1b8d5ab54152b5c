"""Words from a text layer: a wrapped line's end is a space, unless the line ends in a hyphen or
the break falls inside a word (a narrow column's `Rep` / `orte` / `r`, `M` / `1`)."""

import pikepdf
import pypdfium2 as pdfium
import pytest

from scorekit.extract.grid import cell_text
from scorekit.extract.pdftext import page_content, read_layer


def _page_with_lines(tmp_path, lines: list[str], trailing_space: bool) -> str:
    """One cell's text wrapped over lines the way a word processor prints it: each line its own
    string, with or without the space the wrap replaced."""
    doc = pikepdf.new()
    font = doc.make_indirect(
        pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    )
    ops = ["BT /F1 8 Tf 10 TL 72 700 Td"]
    for i, line in enumerate(lines):
        text = line + (" " if trailing_space and i < len(lines) - 1 else "")
        ops.append(f"({text}) Tj T*")
    ops.append("ET")
    page = pikepdf.Page(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Page,
            MediaBox=[0, 0, 400, 800],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=doc.make_stream("\n".join(ops).encode()),
        )
    )
    doc.pages.append(page)
    path = tmp_path / "wrapped.pdf"
    doc.save(path)
    return str(path)


@pytest.mark.parametrize(
    "lines,trailing_space,joined",
    [
        (["Number of new benefit", "claims"], False, "Number of new benefit claims"),
        (["Number of new benefit", "claims"], True, "Number of new benefit claims"),
        (
            ["Households in temporary", "accommodation at", "month end"],
            False,
            "Households in temporary accommodation at month end",
        ),
        (["M2-", "NI"], False, "M2-NI"),
        (["Rep", "orte", "r"], False, "Reporter"),
        (["M", "1"], False, "M1"),
        (["Ow", "ner"], False, "Owner"),
    ],
)
def test_a_wrapped_cell_keeps_its_spaces(tmp_path, lines, trailing_space, joined):
    doc = pdfium.PdfDocument(_page_with_lines(tmp_path, lines, trailing_space))
    words = page_content(read_layer(doc[0]), "wrapped.pdf", 1).words
    doc.close()
    assert cell_text(words) == joined

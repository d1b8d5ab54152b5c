"""A scanned page of a transposed table built in the test: periods down the side, one column per
indicator, each headed by its reference over its name wrapped, centred, over several lines (the
words as OCR boxed them, about 4 points a character, lines 10 points apart)."""

from scorekit.extract.page import PageContent, Word

MONTHS = ["December 2020", "January 2021", "February 2021", "March 2021", "April 2021", "May 2021"]
FIGURES = [("244", "71%", "115"), ("248", "70%", "129"), ("226", "74%", "91")] * 2
HEADER = [
    [("Period", 46), ("Number of", 109), ("Share of", 160), ("Number", 210)],
    [("Single", 115), ("Single", 168), ("of", 220)],
    [("Referrals", 104), ("Referrals", 156), ("Section", 211)],
]
NUMBERED = [("(SR)", 116), ("(SR)", 168), ("47 (S47)", 210)]  # a name's line holding a number
NOTED = [("45 working", 108), ("45 working", 160), ("started", 212)]  # a number among words


def _words(line: list[tuple[str, float]], top: float) -> list[Word]:
    out = []
    for phrase, x in line:
        for token in phrase.split(" "):
            out.append(Word(token, x, top, x + 3.9 * len(token), top + 7))
            x += 3.9 * len(token) + 1.5
    return out


def transposed(*wrapped: list[tuple[str, float]], refs: tuple[str, str, str] = ("AB4", "AB4-QL", "CD1")) -> PageContent:
    """The page, its header's names wrapping on into the lines `wrapped` under the HEADER's."""
    words = _words([(refs[0], 122), (refs[1], 170), (refs[2], 220)], 78)
    header = [*HEADER, *wrapped]
    for k, line in enumerate(header):
        words += _words(line, 88 + 10 * k)
    top = 88 + 10 * len(header) + 5
    for k, (month, (a, b, c)) in enumerate(zip(MONTHS, FIGURES, strict=True)):
        y = top + 13 * k
        words += _words([(month, 46)], y)
        words += [Word(a, 148 - 3.4 * len(a), y, 148, y + 7), Word(b, 200 - 3.4 * len(b), y, 200, y + 7)]
        words += [Word(c, 239 - 3.4 * len(c), y, 239, y + 7)]
    return PageContent("test", 1, 595.0, 842.0, words, [], [], "ocr")

"""An OCR engine pair built in the test: the second engine reads each crop it is handed as the
next of a list of set answers, and notes what it was asked."""

from scorekit.extract.ocr.engines import OcrEngine
from scorekit.extract.page import Word


class Answers(OcrEngine):
    """A second engine that reads each crop as the next of its answers (words split on spaces)."""

    def __init__(self, answers: list[str]):
        self.answers = answers
        self.asked: list[tuple[int, bool, str]] = []  # (crops, as lines, alphabet) per call

    def read_images(self, images, numeric=False, line=False, alphabet=""):
        self.asked.append((len(images), line, alphabet))
        return [[Word(part, 0, 0, 5, 5, True, 0.9) for part in t.split()] for t in self.answers[: len(images)]]

    @property
    def crops(self) -> int:
        return sum(n for n, _, _ in self.asked)


class WithSecond(OcrEngine):
    """A first engine that only carries the second."""

    def __init__(self, second: OcrEngine | None):
        self.second = second

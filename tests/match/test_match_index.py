"""The index: the first pass that hands each name its likeliest choices."""

from __future__ import annotations

from scorekit.match.catalogue import Catalogue, Indicator
from scorekit.match.index import Index
from scorekit.match.normalise import vocabulary


def test_the_first_pass_finds_an_entry_by_the_words_its_population_lets_a_name_say():
    cat = Catalogue()
    pop = "children ceasing to be looked after on a special guardianship order"
    cat.add(Indicator("sgos", "Number of Special Guardianship Orders (SGOs)", "count", population=pop))
    for i, what in enumerate(["returned home", "adopted", "aged 16+", "placed with parents", "in custody"]):
        cat.add(Indicator(f"ceased_{i}", f"Number of children ceasing to be looked after {what}", "count"))
    v = vocabulary()
    index = Index(cat, v)
    facts = index.known(v.facts("Children ceasing care on a special guardianship order in the month"))
    (near,) = index.nearest([facts], index.block("count"), 1)
    assert index.choices[next(iter(near))].owner == "sgos"


def test_a_name_saying_its_measure_twice_across_a_slash_offers_each_half():
    cat = Catalogue()
    both = "Number of care proceedings underway / Number of children subject of PLO at period end"
    cat.add(Indicator("proceedings", both, "count"))
    cat.add(Indicator("cin", "Number of children in need (including CP / LAC / care leavers)", "count"))
    index = Index(cat, vocabulary())
    names = [c.name for c in index.choices]
    assert "Number of children subject of PLO at period end" in names
    assert names.count("Number of children in need (including CP / LAC / care leavers)") == 1 and len(names) == 4

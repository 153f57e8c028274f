"""The category lists every module uses come from rules/common/taxonomy.yaml, in its order."""

from __future__ import annotations

import pytest

from alignment import taxonomy
from alignment.packs import load_pack
from alignment.report.text import render_check
from alignment.schema import MatchRule
from alignment.score import coverage


def test_categories_by_kind_in_the_order_of_the_file():
    assert taxonomy.objectives() == ("SO1", "SO2", "SO3", "SO4")
    assert taxonomy.drivers() == ("CC-ILS", "CC-SD", "CC-GEN", "CC-ENV")
    assert taxonomy.scored() == taxonomy.objectives() + taxonomy.drivers()
    assert taxonomy.categories() == taxonomy.scored() + ("CAPDEV",)
    assert taxonomy.capdev() == "CAPDEV"


def test_the_accessor_agrees_with_the_loaded_pack():
    for lang in ("en", "fr", "es"):
        pack = load_pack(lang)
        assert tuple(c.id for c in pack.content.taxonomy) == taxonomy.categories()


def test_coverage_scores_the_taxonomy_categories_by_default():
    assert tuple(coverage([], load_pack("en"))) == taxonomy.scored()


@pytest.fixture
def fifth_objective(monkeypatch):
    """The shipped taxonomy with an objective SO5 after SO4 (the id patterns rebuilt for it)."""
    cats = list(taxonomy.shipped())
    extra = cats[0].model_copy(update={"id": "SO5", "label": "A fifth objective", "topics": []})
    monkeypatch.setattr(taxonomy, "shipped", lambda: tuple(cats[:4] + [extra] + cats[4:]))
    taxonomy.category_pattern.cache_clear(), taxonomy.topic_pattern.cache_clear()
    yield
    taxonomy.category_pattern.cache_clear(), taxonomy.topic_pattern.cache_clear()


def test_a_category_added_to_the_taxonomy_reaches_coverage_and_the_rule_schema(fifth_objective):
    assert "SO5" in coverage([], load_pack("en"))
    rule = MatchRule(id="x.so5", category="SO5", topic="SO5.NEW", phrases=["fifth objective"])
    assert (rule.category, rule.topic) == ("SO5", "SO5.NEW")


def test_labels_hold_categories_and_topics():
    labels = taxonomy.labels()
    assert labels["SO1"] and labels["CAPDEV"] == "Capacity development of constituents"
    assert labels["SO1.FL"].startswith("forced labour")


def test_a_category_added_to_the_taxonomy_reaches_the_lists(fifth_objective):
    assert taxonomy.objectives()[-1] == "SO5" and "SO5" in taxonomy.categories()
    assert taxonomy.categories().index("SO5") < taxonomy.categories().index("CC-ILS")


def test_text_report_counts_objectives_out_of_the_taxonomy():
    from alignment.pipeline import check
    from pathlib import Path

    doc = Path(__file__).parents[1] / "corpora/frameworks/kandara-unsdcf/kandara-unsdcf.md"
    text = render_check(check(str(doc)))
    assert " of 4 (committed or mentioned: " in text

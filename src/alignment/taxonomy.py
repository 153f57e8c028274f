"""The taxonomy's categories, in order, read from the data (rules/common/taxonomy.yaml).

Input: the shipped taxonomy file, validated by `schema.CategoryDef` (the schema every rule file
goes through). Output: the category ids by kind and in the file's order: `objectives()` (kind
`objective`: SO1..SO4), `drivers()` (kind `driver`: CC-ILS, CC-SD, CC-GEN, CC-ENV), `scored()`
(objectives then drivers: the categories whose coverage is scored), `categories()` (those and
capacity development: the columns of every table), and `labels()` (every category and topic id
-> its label). Modules that list categories ask here rather than typing the ids again, so a
category added to the taxonomy reaches every table. Read once, on first use.

The rule schema asks here too: `category_pattern()` and `topic_pattern()` are the ids a rule
may carry (schema.py imports this module inside its validators, as this one validates with
schema's `CategoryDef`).
"""

from __future__ import annotations

import importlib.resources as resources
import re
from functools import lru_cache

import yaml

from .schema import CategoryDef


@lru_cache(maxsize=1)
def shipped() -> tuple[CategoryDef, ...]:
    """The categories of the shipped taxonomy, validated, in the file's order."""
    text = resources.files("alignment.rules").joinpath("common/taxonomy.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~8x faster, the same data
    return tuple(CategoryDef.model_validate(c) for c in yaml.load(text, Loader=loader).get("taxonomy", []))


def _of(*kinds: str) -> tuple[str, ...]:
    return tuple(c.id for c in shipped() if c.kind in kinds)


def objectives() -> tuple[str, ...]:
    """The strategic objectives: ('SO1', 'SO2', 'SO3', 'SO4')."""
    return _of("objective")


def drivers() -> tuple[str, ...]:
    """The cross-cutting policy drivers: ('CC-ILS', 'CC-SD', 'CC-GEN', 'CC-ENV')."""
    return _of("driver")


def scored() -> tuple[str, ...]:
    """Objectives, then drivers: the categories whose coverage `score.coverage` computes."""
    return objectives() + drivers()


def categories() -> tuple[str, ...]:
    """Objectives, drivers, then capacity development: every category a report or table lists."""
    return scored() + _of("capdev")


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    """Every category and topic id of the shipped taxonomy -> its label."""
    out: dict[str, str] = {}
    for cat in shipped():
        out[cat.id] = cat.label
        for topic in cat.topics:
            out[topic.id] = topic.label
    return out


def capdev() -> str:
    """The capacity-development category ('CAPDEV'): scored apart (`Report.capdev`)."""
    return _of("capdev")[0]


def objective_topic(topic: str | None) -> bool:
    """Whether `topic` is a topic of a strategic objective (SO3.OSH): the specific decent-work
    topics `compare` looks for."""
    category, dot, rest = (topic or "").partition(".")
    return bool(dot) and rest.isascii() and rest.isalpha() and rest.isupper() and category in objectives()


@lru_cache(maxsize=1)
def category_pattern() -> re.Pattern:
    """The category ids a rule may carry: a category of the taxonomy, or an SDG goal (SDG-8)."""
    ids = "|".join(re.escape(c) for c in categories())
    return re.compile(rf"^(?:{ids}|SDG-\d{{1,2}})$")


@lru_cache(maxsize=1)
def topic_pattern() -> re.Pattern:
    """A well-formed topic id: a taxonomy category, a dot and capitals (SO3.OSH), or an SDG goal
    or target (SDG-8, SDG-8.5). Whether the topic exists is `pack_checks`' question."""
    ids = "|".join(re.escape(c) for c in categories())
    return re.compile(rf"^(?:(?:{ids})\.[A-Z]+|SDG-\d{{1,2}}(?:\.[0-9a-z]{{1,2}})?)$")

"""The taxonomy's categories, in order, read from the data (rules/common/taxonomy.yaml).

Input: the shipped taxonomy file, validated by `schema.CategoryDef` (the schema every rule file
goes through). Output: the category ids by kind and in the file's order: `objectives()` (kind
`objective`: SO1..SO4), `drivers()` (kind `driver`: CC-ILS, CC-SD, CC-GEN, CC-ENV), `scored()`
(objectives then drivers: the categories whose coverage is scored), `categories()` (those and
capacity development: the columns of every table), and `labels()` (every category and topic id
-> its label). Modules that list categories ask here rather than typing the ids again, so a
category added to the taxonomy reaches every table. Read once, on first use.

Still typed elsewhere (left for the engineer changing those files): `score.MAIN` (the default
categories of `coverage` and `Tally`; analysis.py already passes `scored()`) and the id patterns
of `schema.py` (`_CATEGORY`, `_TOPIC`); tests/test_taxonomy.py holds `score.MAIN` to `scored()`.
"""

from __future__ import annotations

import importlib.resources as resources
from functools import lru_cache

import yaml

from .schema import CategoryDef


@lru_cache(maxsize=1)
def shipped() -> tuple[CategoryDef, ...]:
    """The categories of the shipped taxonomy, validated, in the file's order."""
    text = resources.files("alignment.rules").joinpath("common/taxonomy.yaml").read_text(encoding="utf-8")
    return tuple(CategoryDef.model_validate(c) for c in yaml.safe_load(text).get("taxonomy", []))


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

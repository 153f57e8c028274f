"""Names beside codes: taxonomy labels (rules/common/taxonomy.yaml) for topic and category ids.

Reports show `SO1.FL forced labour and trafficking for labour exploitation`, never the code
alone: the readers are programme officers, not rule authors.
"""

from __future__ import annotations

from .. import taxonomy


def names() -> dict[str, str]:
    """Every category and topic id of the shipped taxonomy -> its label."""
    return taxonomy.labels()


def name(code: str) -> str:
    """The label of a category or topic id ('' when unknown)."""
    return names().get(code, "")


def named(code: str) -> str:
    """'SO1.FL forced labour and trafficking for labour exploitation' (the code alone if unknown)."""
    label = name(code)
    return f"{code} {label}" if label else code

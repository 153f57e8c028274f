"""`compare`: a DWCP and a Cooperation Framework -> `Comparison` (model.py).

Input: two files, or two loaded `Document`s; output: a `Comparison`, the single source of every
format of `alignment compare`. Stages, one module each:

- units.py: an analysed document -> the units that are matched (DWCP priorities and outcomes,
  framework outcomes), each with its topics, paragraphs and SDG targets;
- matching.py: DWCP units x framework units -> evidence per topic, verdicts, carriers, reasons;
- summary.py: a `Comparison` -> the one-paragraph summary;
- run.py: the composition (read both files, analyse, match, summarise) -> `Comparison`;
- model.py: the pydantic models of the output.

The weights and thresholds are data: the `compare:` block of rules/common/scoring.yaml
(`CompareSettings` in schema.py); the language cues are rules/<lang>/compare.yaml.
"""

from __future__ import annotations

from .run import DOC_KINDS, check_kinds, compare_documents, compare_files

__all__ = ["DOC_KINDS", "check_kinds", "compare_documents", "compare_files"]

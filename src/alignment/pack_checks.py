"""Checks of a rule pack that look across rules and files, each problem with file and line.

Input: the parsed files of a pack (`Parsed`: name, model, YAML text). Output: problem lines
`file:line: what: why`, the same shape as the schema's own. The schema (`schema.py`) judges one
file at a time; here: ids used twice (in one file or in two), an entry given twice in one of a
rule's word lists, topics the taxonomy does not define, spaCy token patterns that spaCy's Matcher would refuse, and appraisal checklists naming
checks the code does not compute. Lines are looked up only for the problems found.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import yaml

from .appraisal_ids import appraisal_problems
from . import taxonomy
from .schema import RuleFile, word_list

# the sections whose items are merged by id, and what an item is called in a message
ID_SECTIONS = {"rules": "rule", "context": "context rule", "sections": "section rule",
               "elements": "element rule", "instruments": "instrument", "taxonomy": "category",
               "appraisal_cues": "appraisal cue"}


@dataclass
class Parsed:
    """One rule file: its raw data (what the checks here read, so that they run on files the
    schema refused too) and its model (None when the schema refused it)."""

    name: str
    text: str
    data: dict
    model: RuleFile | None

    @cached_property
    def node(self) -> yaml.Node | None:
        return yaml.compose(self.text)

    def where(self, *loc) -> str:
        from .packs import line_of

        return f"{self.name}:{line_of(self.node, loc) or '?'}"

    def items(self, section: str):
        """(index, item) of a section's mappings; whatever else is there the schema reports."""
        value = self.data.get(section)
        for i, item in enumerate(value if isinstance(value, list) else []):
            if isinstance(item, dict):
                yield i, item


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def duplicate_ids(files: list[Parsed]) -> list[str]:
    """An id used twice among `files` (in one file or in two): every use after the first."""
    problems = []
    for section, what in ID_SECTIONS.items():
        first: dict[str, tuple[Parsed, int]] = {}
        for f in files:
            for i, item in f.items(section):
                rid = _text(item.get("id"))
                if rid is None:
                    continue
                if rid in first:
                    g, j = first[rid]
                    problems.append(f"{f.where(section, i, 'id')}: {what} {rid}: id already used at "
                                    f"{g.where(section, j, 'id')}")
                else:
                    first[rid] = (f, i)
    return problems


# a rule's lists of words, where an entry given twice is a copy that drifted in unnoticed
WORD_LISTS = ("phrases", "anchors", "fuzzy", "with_any", "with_unless", "without_any", "unless", "alongside")


def repeated_entries(files: list[Parsed]) -> list[str]:
    """An entry given twice in one of a rule's word lists: every repeat, at the line of its list (a
    repeat changes nothing the rule matches, so it only hides that the list grew by copying)."""
    problems = []
    for f in files:
        for i, rule in f.items("rules"):
            for field in WORD_LISTS:
                value = word_list(rule.get(field))
                if not isinstance(value, list):
                    continue
                seen: set = set()
                for entry in value:
                    if isinstance(entry, str) and entry in seen:
                        problems.append(f"{f.where('rules', i, field)}: rule {rule.get('id')}: {field}: "
                                        f"{entry!r} given twice")
                    seen.add(entry)
    return problems


def shared_words(files: list[Parsed]) -> list[str]:
    """A `with_any_from` naming no rule among `files` (the merged pack), or naming a rule that
    borrows its words in turn (one step only, so the words a rule uses are read off two places)."""
    rules = {item.get("id"): item for f in files for _, item in f.items("rules")}
    problems = []
    for f in files:
        for i, rule in f.items("rules"):
            names = rule.get("with_any_from")
            if not isinstance(names, list) or not names:
                continue
            found = [n for n in names if n in rules]
            if not found:
                problems.append(f"{f.where('rules', i, 'with_any_from')}: rule {rule.get('id')}: with_any_from "
                                f"names no rule of the pack ({', '.join(map(str, names))})")
            chained = [n for n in found if rules[n].get("with_any_from")]
            if chained:
                problems.append(f"{f.where('rules', i, 'with_any_from')}: rule {rule.get('id')}: with_any_from "
                                f"names a rule that borrows its words in turn ({', '.join(chained)})")
    return problems


def unknown_topics(files: list[Parsed], known: set[str]) -> list[str]:
    """Rules and instruments whose topic is not a topic of the taxonomy (`known`, plus the
    topics the files define)."""
    known = known | {t.get("id") for f in files for _i, c in f.items("taxonomy")
                     for t in (c.get("topics") or []) if isinstance(t, dict)}
    problems = []
    for f in files:
        for section in ("rules", "instruments"):
            for i, item in f.items(section):
                topic = _text(item.get("topic"))
                if topic and taxonomy.topic_pattern().match(topic) and topic not in known and not topic.startswith("SDG-"):
                    problems.append(f"{f.where(section, i, 'topic')}: {ID_SECTIONS[section]} "
                                    f"{item.get('id')}: topic {topic} is not in the taxonomy")
    return problems


def token_patterns(files: list[Parsed]) -> list[str]:
    """Token patterns checked against spaCy's own pattern schema (what Matcher(validate=True)
    uses), one problem per token attribute, at the line of the token."""
    problems = []
    for f in files:
        for i, rule in f.items("rules"):
            alternatives = rule.get("pattern")
            if not isinstance(alternatives, list):
                continue  # absent, or not a list: the schema says so
            for j, alternative in enumerate(alternatives):
                if not isinstance(alternative, list):
                    continue
                for k, attr, why in _pattern_errors(alternative):
                    loc = ("rules", i, "pattern", j) + ((k,) if k is not None else ())
                    token = f"token {k + 1}: " if k is not None else ""
                    problems.append(f"{f.where(*loc)}: rule {rule.get('id')}: pattern {j + 1}: "
                                    f"{token}{attr}{why}")
    return problems


def _pattern_errors(pattern: list) -> list[tuple[int | None, str, str]]:
    from pydantic import ValidationError

    from .spacy_import import load

    load()  # spaCy without its CLI, before its submodule
    from spacy.schemas import TokenPatternSchema

    try:
        TokenPatternSchema(pattern=pattern)
        return []
    except ValidationError as exc:
        found: dict[tuple, list] = {}
        for err in exc.errors():
            loc = err["loc"][1:]  # after "pattern"
            k = loc[0] if loc and isinstance(loc[0], int) else None
            attr = str(loc[1]) if len(loc) > 1 else ""
            found.setdefault((k, attr), []).append(err)
        out = []
        for (k, attr), errs in found.items():
            if errs[0]["type"] == "extra_forbidden":
                why = ": not a token attribute spaCy knows"
            elif len(errs) > 1 or not attr:
                why = f": invalid value {errs[0].get('input')!r}" if attr else f"{errs[0]['msg']}"
            else:
                why = f": {errs[0]['msg']}"
            out.append((k, attr, why))
        return out


def appraisal(files: list[Parsed]) -> list[str]:
    """Checklists naming criteria or checks the appraisal code does not compute (a checklist
    the schema refused is judged once it passes it)."""
    return [f"{f.where('appraisal', *loc)}: {msg}" for f in files if f.model and f.model.appraisal
            for loc, msg in appraisal_problems(f.model.appraisal)]

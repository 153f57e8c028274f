"""Rule packs: find, parse, validate and merge the YAML rule files.

Input: the default packs shipped as package data (`alignment.rules`, found with
importlib.resources), plus any user directories given with `--rules DIR`.
Output: a `Pack` (merged `RuleFile` content + names and versions), cached per
(language, user dirs). Every problem of every file is collected in one pass and raised as one
`RulePackError` whose `problems` name file, line and field.

Merging: files are read in order (common, language, user dirs); a rule whose id already
exists replaces the earlier one, so a user pack can override or extend the default.
"""

from __future__ import annotations

import hashlib
import importlib.resources as resources
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from .errors import RulePackError
from .schema import PackMeta, RuleFile

log = logging.getLogger("alignment")

LANGUAGES = ("en", "fr", "es")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it
_LISTS_BY_ID = ("rules", "context", "sections", "elements", "instruments", "taxonomy", "appraisal_cues")


@dataclass
class Pack:
    """The merged rules for one language."""

    language: str
    metas: list[PackMeta] = field(default_factory=list)
    content: RuleFile = field(default_factory=RuleFile)
    sources: list[str] = field(default_factory=list)
    digest: str = ""
    user_dirs: tuple[str, ...] = ()  # the user's rule folders, for the packs of other languages

    @property
    def version(self) -> str:
        """Names and versions of the merged packs plus a content digest (cache key)."""
        names = "+".join(f"{m.name}@{m.version}" for m in self.metas) or "unnamed"
        return f"{names}#{self.digest[:12]}"


def _line_of(node: yaml.Node | None, loc: tuple) -> int | None:
    """Follow a pydantic error location through the YAML node tree to a line number."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if k.value == key:
                    nxt = v
                    break
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _rule_id(data: object, loc: tuple) -> str | None:
    """The id of the rule an error location points into, for the message."""
    cur = data
    found = None
    for key in loc:
        try:
            cur = cur[key]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(cur, dict) and isinstance(cur.get("id"), str):
            found = cur["id"]
    return found


def parse_file(name: str, text: str) -> tuple[RuleFile | None, list[str]]:
    """Validate one rule file's text; return the model or the list of problems."""
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        return None, [f"{name}{where}: not valid YAML ({getattr(exc, 'problem', exc)})"]
    if data is None:
        return RuleFile(), []
    if not isinstance(data, dict):
        return None, [f"{name}:1: a rule file must be a mapping of sections (rules:, context:, ...)"]
    try:
        return RuleFile.model_validate(data), []
    except ValidationError as exc:
        node = yaml.compose(text)  # only now: the node tree gives the line of each problem
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = _line_of(node, loc)
            rid = _rule_id(data, loc)
            where = ".".join(str(p) for p in loc)
            msg = err["msg"].removeprefix("Value error, ")
            problems.append(f"{name}:{line or '?'}: {('rule ' + rid + ': ') if rid else ''}{where}: {msg}")
        return None, problems


def _files(root) -> list:
    """YAML files under a Traversable or Path, sorted for a stable merge order."""
    out = []
    stack = [root]
    while stack:
        cur = stack.pop()
        for child in cur.iterdir():
            if child.is_dir():
                if not child.name.startswith(("_", ".")):
                    stack.append(child)
            elif child.name.endswith((".yaml", ".yml")):
                out.append(child)
    return sorted(out, key=lambda p: str(p))


def _merge(into: RuleFile, new: RuleFile) -> None:
    for name in RuleFile.model_fields:
        value = getattr(new, name)
        if name in _LISTS_BY_ID:
            if value:
                current = {item.id: i for i, item in enumerate(getattr(into, name))}
                merged = list(getattr(into, name))
                for item in value:
                    if item.id in current:
                        merged[current[item.id]] = item
                    else:
                        merged.append(item)
                setattr(into, name, merged)
        elif name in ("terminators", "missing_values", "cpo_stoplist", "names", "not_content"):
            if value:
                setattr(into, name, list(dict.fromkeys(getattr(into, name) + value)))
        elif name == "pack":
            continue
        elif value is not None and value != RuleFile.model_fields[name].get_default(call_default_factory=True):
            setattr(into, name, value)


def validate_dir(path: str | Path) -> tuple[list[tuple[str, RuleFile]], list[str]]:
    """Parse every rule file of a directory; return (files, problems)."""
    root = Path(path)
    if not root.is_dir():
        raise RulePackError(str(path), "not a directory of rule files")
    return _parse_all(root, prefix=str(root))


def _parse_all(root, prefix: str) -> tuple[list[tuple[str, RuleFile]], list[str]]:
    parsed, problems = [], []
    for f in _files(root):
        name = f"{prefix}/{f.name}" if not isinstance(f, Path) else str(f)
        model, errs = parse_file(name, f.read_text(encoding="utf-8"))
        problems.extend(errs)
        if model is not None:
            parsed.append((name, model))
    seen: dict[str, str] = {}
    for name, model in parsed:
        for rule in model.rules:
            if rule.id in seen and seen[rule.id] != name:
                problems.append(f"{name}: rule {rule.id}: id also used in {seen[rule.id]}")
            seen[rule.id] = name
    return parsed, problems


@lru_cache(maxsize=16)
def load_pack(language: str = "en", user_dirs: tuple[str, ...] = ()) -> Pack:
    """The merged pack for a language: common + language + user directories."""
    base = resources.files("alignment.rules")
    if language not in LANGUAGES or not (base / language).is_dir():
        log.warning("no rule pack for language %r: using the English pack", language)
        language = "en"
    roots = [(base / "common", "rules/common"), (base / language, f"rules/{language}")]
    pack = Pack(language=language, user_dirs=tuple(user_dirs))
    problems: list[str] = []
    digest = hashlib.sha256()
    for root, prefix in roots:
        parsed, errs = _parse_all(root, prefix)
        problems += errs
        for name, model in parsed:
            digest.update(model.model_dump_json().encode())
            if model.pack:
                pack.metas.append(model.pack)
            _merge(pack.content, model)
            pack.sources.append(name)
    for d in user_dirs:
        parsed, errs = validate_dir(d)
        problems += errs
        for name, model in parsed:
            digest.update(model.model_dump_json().encode())
            if model.pack:
                pack.metas.append(model.pack)
            _merge(pack.content, model)
            pack.sources.append(name)
    if problems:
        raise RulePackError(problems[0].split(":")[0], f"{len(problems)} problem(s) in the rule "
                            f"pack; first: {problems[0]}", problems)
    pack.digest = digest.hexdigest()
    log.debug("loaded pack %s from %d files", pack.version, len(pack.sources))
    return pack

"""Rule packs: find, parse, validate and merge the YAML rule files.

Input: the default packs shipped as package data (`alignment.rules`, found with
importlib.resources), plus any user directories given with `--rules DIR`.
Output: a `Pack` (merged `RuleFile` content + names and versions), cached per
(language, user dirs). Every problem of every file is collected in one pass and raised as one
`RulePackError` whose `problems` name file, line and field.

Merging: files are read in order (common, language, user dirs); a rule whose id already
exists replaces the earlier one, so a user pack can override or extend the default. Within the
shipped pack, and within one user directory, an id used twice is an error (`pack_checks`).
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

from . import pack_checks
from .errors import RulePackError
from .pack_checks import Parsed
from .schema import PackMeta, RuleFile

log = logging.getLogger("alignment")

LANGUAGES = ("en", "fr", "es")
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it
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


def line_of(node: yaml.Node | None, loc: tuple) -> int | None:
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


class _YamlCache:
    """The parsed YAML of rule files kept on disk between processes (`marshal`, in the lemma
    cache's folder, `lexicon.cache_dir`), keyed by a digest of the file's text: libyaml still
    builds Python objects one call at a time, ~25 ms for the files of one language at every
    start, against ~1 ms to unmarshal them. Only a parse that succeeded is kept, and only data
    marshal keeps exactly (mappings, lists, sets, strings, numbers, booleans, None: a date is
    parsed every time); the file is tagged with the versions of Python, PyYAML and its loader.
    A missing or damaged file, or a folder that cannot be written, means parsing as before."""

    FORMAT = 2  # 2: texts are checked for repeated keys (by the loader) before they are kept

    def __init__(self):
        import marshal
        import sys

        from .lexicon import read_marshal

        self.used: dict[bytes, bytes] = {}
        tag = hashlib.sha1(repr((self.FORMAT, sys.version, marshal.version, yaml.__version__,
                                 _BASE_LOADER.__name__)).encode()).hexdigest()[:16]
        self.path, self.loaded = read_marshal(f"yaml-{tag}.marshal")

    def save(self) -> None:
        import marshal

        if self.path is None or not self.used or self.used.keys() <= self.loaded.keys():
            return
        from .lexicon import _write

        # other languages' and folders' entries are kept, up to a bound (edited user files)
        kept = {**self.loaded, **self.used} if len(self.loaded) + len(self.used) <= 500 else self.used
        _write(self.path, marshal.dumps(kept))


_yaml_cache: _YamlCache | None = None


class DuplicateKey(yaml.YAMLError):
    """A key given twice in one mapping: YAML keeps the last silently, so the first list of
    phrases or exceptions would be lost without a word."""

    def __init__(self, key: str, line: int, first: int):
        super().__init__(f"key {key!r} given twice in one mapping (first at line {first}); "
                         "the second would silently replace the first")
        self.problem = str(self)
        self.problem_mark = yaml.Mark("", 0, line - 1, 0, None, None)


class _Loader(_BASE_LOADER):
    """The safe loader, refusing a key given twice in one mapping while it builds the data
    (one parse does both)."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for k, _ in node.value:
            if isinstance(k, yaml.ScalarNode):
                if k.value in seen:
                    raise DuplicateKey(k.value, k.start_mark.line + 1, seen[k.value])
                seen[k.value] = k.start_mark.line + 1
        return super().construct_mapping(node, deep)


_LOADER = _Loader


def _parsed_yaml(text: str):
    """`yaml.load(text)` with the safe loader, from `_YamlCache` when this text was parsed before."""
    import marshal

    global _yaml_cache
    if _yaml_cache is None:
        import atexit

        _yaml_cache = _YamlCache()
        atexit.register(_yaml_cache.save)
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    blob = _yaml_cache.loaded.get(key)
    if blob is not None:
        try:
            data = marshal.loads(blob)
        except Exception:  # noqa: BLE001 - a damaged entry: parsed again
            pass
        else:
            _yaml_cache.used[key] = blob
            return data
    data = yaml.load(text, Loader=_LOADER)  # a cached text was checked for repeated keys then
    try:
        _yaml_cache.used[key] = marshal.dumps(data)
    except ValueError:  # a type marshal does not keep (a date): parsed every time
        pass
    return data


def parse_file(name: str, text: str) -> tuple[Parsed | None, list[str]]:
    """Validate one rule file's text against the schema: the parsed file (its `model` is None
    when the schema refused it; the raw data stays for the checks across files) and the
    problems."""
    try:
        data = _parsed_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        return None, [f"{name}{where}: not valid YAML ({getattr(exc, 'problem', exc)})"]
    if data is None:
        return Parsed(name, text, {}, RuleFile()), []
    if not isinstance(data, dict):
        return None, [f"{name}:1: a rule file must be a mapping of sections (rules:, context:, ...)"]
    try:
        return Parsed(name, text, data, RuleFile.model_validate(data)), []
    except ValidationError as exc:
        node = yaml.compose(text)  # only now: the node tree gives the line of each problem
        problems = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = line_of(node, loc)
            rid = _rule_id(data, loc)
            where = ".".join(str(p) for p in loc)
            msg = err["msg"].removeprefix("Value error, ")
            problems.append(f"{name}:{line or '?'}: {('rule ' + rid + ': ') if rid else ''}{where}: {msg}")
        return Parsed(name, text, data, None), problems


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
        elif name in ("terminators", "missing_values", "cpo_stoplist", "names", "titles", "not_content",
                      "agenda_lists", "statement_labels"):
            if value:
                setattr(into, name, list(dict.fromkeys(getattr(into, name) + value)))
        elif name == "pack":
            continue
        elif value is not None and value != RuleFile.model_fields[name].get_default(call_default_factory=True):
            setattr(into, name, value)


def _share_words(content: RuleFile) -> None:
    """Each rule's `with_any` gains the words of the rules its `with_any_from` names (those the
    merged pack has; `pack_checks.shared_words` has refused references to none and chains)."""
    by_id = {r.id: r for r in content.rules}
    for rule in content.rules:
        if rule.with_any_from:
            borrowed = [w for name in rule.with_any_from if name in by_id for w in by_id[name].with_any]
            rule.with_any = list(dict.fromkeys(rule.with_any + borrowed))


def validate_dir(path: str | Path) -> tuple[list[Parsed], list[str]]:
    """Parse and check every rule file of a directory on its own: the schema, ids used twice in
    it, topics neither it nor the default taxonomy defines, token patterns, appraisal checklists.
    Return (files, problems)."""
    root = Path(path)
    if not root.is_dir():
        raise RulePackError(str(path), "not a directory of rule files")
    parsed, problems = _parse_all(root, prefix=str(root))
    problems += pack_checks.duplicate_ids(parsed)
    problems += pack_checks.unknown_topics(parsed, _default_topics())
    problems += pack_checks.token_patterns(parsed)
    problems += pack_checks.appraisal(parsed)
    return parsed, problems


def check_default(language: str) -> list[str]:
    """Every problem of a shipped pack (common + language), the checks that `load_pack` leaves
    to the tests and to `rules validate` (token patterns, appraisal checklist, repeated word-list
    entries) included."""
    base = resources.files("alignment.rules")
    parsed, problems = [], []
    for root, prefix in ((base / "common", "rules/common"), (base / language, f"rules/{language}")):
        files, errs = _parse_all(root, prefix)
        parsed += files
        problems += errs
    problems += pack_checks.duplicate_ids(parsed)
    problems += pack_checks.shared_words(parsed)
    problems += pack_checks.repeated_entries(parsed)
    problems += pack_checks.unknown_topics(parsed, set())
    problems += pack_checks.token_patterns(parsed)
    problems += pack_checks.appraisal(parsed)
    if not any(f.model.appraisal_cues for f in parsed):
        problems.append(f"rules/{language}: no appraisal cues (appraisal_cues: in rules/{language}/appraisal.yaml)")
    return problems


@lru_cache(maxsize=1)
def _default_topics() -> set[str]:
    files, _errs = _parse_all(resources.files("alignment.rules") / "common", "rules/common")
    return {t.id for f in files for c in f.model.taxonomy for t in c.topics}


def _parse_all(root, prefix: str) -> tuple[list[Parsed], list[str]]:
    parsed, problems = [], []
    for f in _files(root):
        name = f"{prefix}/{f.name}" if not isinstance(f, Path) else str(f)
        text = f.read_text(encoding="utf-8")
        found, errs = parse_file(name, text)
        problems.extend(errs)
        if found is not None:
            parsed.append(found)
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
    groups: list[list[Parsed]] = []
    default: list[Parsed] = []
    for root, prefix in roots:
        parsed, errs = _parse_all(root, prefix)
        problems += errs
        default += parsed
    groups.append(default)
    problems += pack_checks.duplicate_ids(default)  # a user folder may reuse an id: it overrides
    problems += pack_checks.unknown_topics(default, set())
    for d in user_dirs:
        parsed, errs = validate_dir(d)
        problems += errs
        groups.append(parsed)
    digest = hashlib.sha256()
    for group in groups:
        for f in group:
            if f.model is None:  # refused by the schema: reported, the pack raises below
                continue
            digest.update(f.model.model_dump_json().encode())
            if f.model.pack:
                pack.metas.append(f.model.pack)
            _merge(pack.content, f.model)
            pack.sources.append(f.name)
    problems += pack_checks.shared_words([f for group in groups for f in group])
    if problems:
        raise RulePackError(problems[0].split(":")[0], f"{len(problems)} problem(s) in the rule "
                            f"pack; first: {problems[0]}", problems)
    _share_words(pack.content)
    pack.digest = digest.hexdigest()
    log.debug("loaded pack %s from %d files", pack.version, len(pack.sources))
    return pack

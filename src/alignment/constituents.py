"""Tripartite constituents: document -> who is named (ministry of labour, employers' and
workers' organizations, social partners generically, civil society) and in what role.

Input: a `Document` and the pack's `constituents` rules (generic names as phrases, specific
organizations as case-sensitive regexes, role cue phrases). Output: the `Constituents` part
of a `Report`. Roles come from cue words in the sentence naming the actor: preparation
(consulted, validation), implementation (implementing partner), governance (steering
committee), signatory, beneficiary (trained, target group).
"""

from __future__ import annotations

import re

from .compiled import compile_pack
from .document import Document
from . import regex_cache
from .packs import Pack
from .regex_scan import Joined, Scanner, join
from .results import ActorFinding, Constituents
from . import sentences
from .variants import spelling_variants

WINDOW = 500_000
"""Characters of paragraphs scanned at a time (as in `analysis`)."""

def _alternation(phrases: list[str]) -> re.Pattern | None:
    # longest first; ties in text order, so the expression is the same in every process (and
    # found in the regex cache): a set's order changes with the string hash seed
    forms = sorted({v for p in phrases for v in spelling_variants(p.lower())}, key=lambda f: (-len(f), f))
    if not forms:
        return None
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+").replace("'", "['’]?") for f in forms)
    # a look-ahead for the forms' first letters: the many word starts with another letter are
    # left at once instead of trying every form (the same matches, ~30 % faster)
    first = {f[0] for f in forms}
    ahead = "(?=[" + "".join(sorted(first)) + "])" if all(c.isalnum() for c in first) else ""
    return regex_cache.compile(r"(?<!\w)" + ahead + "(?:" + body + r")(?!\w)", re.IGNORECASE)


def _scanner(pattern: re.Pattern | None) -> Scanner | None:
    return Scanner(pattern) if pattern is not None else None


def _sentences(paragraphs) -> list[tuple[int, int, int]]:
    """(start, end, page) of every sentence, as offsets into the paragraphs joined by newlines."""
    out, base = [], 0
    for p in paragraphs:
        out.extend((base + start, base + end, p.page) for start, end in sentences.spans(p.text, sentences.ASCII_CAPITAL))
        base += len(p.text) + 1
    return out


def _windows(doc: Document, size: int | None = None):
    """The paragraphs a window of about `size` characters at a time: the scans below hold the
    joined text of one window, not of the document."""
    size = size or WINDOW
    batch, length = [], 0
    for p in doc.paragraphs:
        if batch and length + len(p.text) > size:
            yield batch
            batch, length = [], 0
        batch.append(p)
        length += len(p.text) + 1
    if batch:
        yield batch


def compile_rules(content) -> tuple[list, list]:
    """(actors, roles) scanners of a pack's constituents rules; built once per pack by
    `compiled.CompiledPack`."""
    c = content.constituents
    actors = [(a.actor, _scanner(_alternation(a.generic)), [Scanner(regex_cache.compile(n)) for n in a.named])
              for a in c.actors] if c else []
    roles = [(r.role, _scanner(_alternation(r.phrases))) for r in c.roles] if c else []
    return actors, roles


def _compiled(pack: Pack) -> tuple[list, list]:
    return compile_pack(pack).constituents


_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&\-]{1,11}[A-Z])\s*\)")
PARTNERS = ("employers", "workers")


def acronyms(doc: Document, pack: Pack) -> dict[str, str]:
    """Acronyms the document defines for a named employers' or workers' organization:
    "Kandara Federation of Employers (KFE)" -> {"KFE": "employers"}. An acronym defined for
    both is the first actor's of the pack (rules/<lang>/constituents.yaml)."""
    actors, _ = _compiled(pack)
    best: dict[str, int] = {}  # acronym -> index of the first actor defining it
    for paragraphs in _windows(doc):
        joined = join([p.text for p in paragraphs])
        if "(" not in joined.text:
            continue
        for i, (actor, _, named) in enumerate(actors):
            if actor not in PARTNERS:
                continue
            for rx in named:
                for m in rx.finditer(joined):
                    a = _ACRONYM_AFTER.match(joined.text, m.end())
                    if a and best.get(a.group(1), i) >= i:
                        best[a.group(1)] = i
    return {a: actors[i][0] for a, i in best.items()}


def _tally(paragraphs, actors, roles, found: dict[str, dict]) -> None:
    """Count the actors and roles of one window's sentences into `found`."""
    sentences = _sentences(paragraphs)
    # each pattern runs once over the window's text; a hit counts in the sentence that holds it
    joined = Joined("\n".join(p.text for p in paragraphs), [(start, end) for start, end, _ in sentences])

    def hits(scanner: Scanner):
        for m in scanner.finditer(joined):
            yield joined.unit_of(m.start()), m.group(0)

    per_sentence: dict[int, dict[str, tuple[list[str], bool]]] = {}
    for actor, generic, named in actors:
        for rx in named:
            for k, name in hits(rx):
                per_sentence.setdefault(k, {}).setdefault(actor, ([], False))[0].append(name.strip())
        if generic is not None:
            for k, _ in hits(generic):
                names, _ = per_sentence.setdefault(k, {}).get(actor, ([], False))
                per_sentence[k][actor] = (names, True)
    sentence_roles: dict[int, set[str]] = {}
    for role, rx in roles:
        if rx is not None:
            for k, _ in hits(rx):
                sentence_roles.setdefault(k, set()).add(role)
    for k in sorted(per_sentence):
        start, end, page = sentences[k]
        sentence = joined.text[start:end]
        sroles = sentence_roles.get(k, set())
        for actor, (names, gen) in per_sentence[k].items():
            rec = found[actor]
            rec["mentions"] += 1
            rec["generic"] |= gen
            for n in names:
                rec["names"].setdefault(n, 0)
                rec["names"][n] += 1
            rec["roles"] |= sroles
            if len(rec["evidence"]) < 3:
                rec["evidence"].append({"sentence": sentence[:400], "page": page,
                                        "roles": sorted(sroles)})


def analyse(doc: Document, pack: Pack, aliases: dict[str, str] | None = None) -> Constituents:
    actors, roles = _compiled(pack)
    if aliases:
        # A defined acronym names its organization too ("the KFE and the KCTU signed").
        extra = {a: [Scanner(re.compile(r"\b(?:" + "|".join(re.escape(k) for k, v in aliases.items() if v == a) + r")\b"))]
                 for a in set(aliases.values())}
        actors = [(actor, generic, named + extra.get(actor, [])) for actor, generic, named in actors]
    found: dict[str, dict] = {a: {"names": {}, "roles": set(), "mentions": 0, "evidence": [], "generic": False}
                              for a in ("ministry", "employers", "workers", "social_partners", "civil_society")}
    for paragraphs in _windows(doc):
        _tally(paragraphs, actors, roles, found)

    def finding(actor: str) -> ActorFinding:
        rec = found[actor]
        status = "named" if rec["names"] else "generic" if rec["generic"] else "absent"
        return ActorFinding(actor=actor, status=status, names=sorted(rec["names"], key=lambda n: (-rec["names"][n], n))[:10],
                            roles=sorted(rec["roles"]), mentions=rec["mentions"], evidence=rec["evidence"])

    ministry, employers, workers = finding("ministry"), finding("employers"), finding("workers")
    generic_sp, civil = finding("social_partners"), finding("civil_society")
    if employers.status == "named" or workers.status == "named":
        sp = "named"
    elif "generic" in (employers.status, workers.status, generic_sp.status):
        sp = "generic"
    else:
        sp = "absent"
    partner_roles = set(employers.roles) | set(workers.roles) | set(generic_sp.roles)
    beneficiary_only = sp != "absent" and bool(partner_roles) and partner_roles <= {"beneficiary"}
    flags = []
    if sp == "absent" and civil.status != "absent":
        flags.append("Only civil society is named as a non-governmental partner: no employers' or "
                     "workers' organization appears.")
    elif sp == "absent":
        flags.append("Neither employers' nor workers' organizations are named.")
    if sp != "absent" and not ({"preparation", "governance"} & partner_roles):
        flags.append("The social partners are not named in the preparation or the governance of the plan.")
    if beneficiary_only:
        flags.append("The social partners appear only as beneficiaries.")
    if ministry.status == "absent":
        flags.append("The ministry of labour is not named.")
    return Constituents(social_partners=sp, civil_society_only=(sp == "absent" and civil.status != "absent"),
                        ministry=ministry, employers=employers, workers=workers,
                        social_partners_generic=generic_sp, civil_society=civil,
                        beneficiary_only=beneficiary_only, flags=flags)

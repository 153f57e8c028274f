"""Labour-standard citations: text -> normalised instruments (C087, P029, R204).

Input: a passage's original text and the pack's `instruments` and `instrument_patterns`.
Output: `Citation`s with the normalised id, class (fundamental, governance, technical), the
taxonomy topic the instrument belongs to, and offsets. Each citation gives a CC-ILS finding
and a derived finding for its topic's objective (C182 -> SO1, child labour).

Recognised forms: "Convention No. 87", "Conventions Nos. 87 and 98", "C87", "C.087", "C182",
"C-190", "Convention 190", "the ... Convention, 1948 (No. 87)", "R202", "R-204", "Recommendation
No. 204", "Recommendation 204", "P029", short names
("the Worst Forms of Child Labour Convention"), and the French and Spanish forms
("Convention (n° 87)", "Convenio núm. 87").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from . import regex_cache
from .regex_scan import Joined, Scanner, join
from .schema import Instrument, RuleFile


# No citation without one of these words or a code such as "C87" (a cheap test per text).
_CUE_WORDS = ("conven", "recomm", "recomend", "protoco", "mlc")
_CUE_CODE = re.compile(r"\b[crp]\.?[\s-]?\d")


def _may_cite(lowered: str) -> bool:
    return any(w in lowered for w in _CUE_WORDS) or _CUE_CODE.search(lowered) is not None


class _Hit(NamedTuple):
    start: int
    end: int
    text: str
    groups: dict

_KIND_OF = {"convention": "C", "convenio": "C", "recommendation": "R", "recommandation": "R",
            "recomendación": "R", "recomendacion": "R", "protocol": "P"}


@dataclass
class Citation:
    id: str
    cls: str
    topic: str | None
    title: str | None
    start: int
    end: int
    text: str

    def findings(self) -> list[tuple[str, str, str | None, str]]:
        """(rule id, category, topic, kind) of the findings this citation gives."""
        out = [(f"ils.cite.{self.id}", "CC-ILS", None, "regex")]
        if self.topic:
            out.append((f"ils.topic.{self.id}", self.topic.split(".")[0], self.topic, "derived"))
        return out


class Standards:
    def __init__(self, rules: RuleFile):
        self.by_id: dict[str, Instrument] = {i.id: i for i in rules.instruments}
        pats = rules.instrument_patterns or {}
        self.patterns: list[tuple[str, Scanner]] = []
        for kind, regexes in pats.items():
            for rx in regexes:
                # Bare forms (C182, R202) are case-sensitive; worded forms are not.
                # (a leading lookbehind such as "(?<![/-])" does not make a form worded)
                bare = re.match(r"(?:\(\?<!?\[[^\]]*\]\))?\\b[CRP]\\\.", rx) is not None
                self.patterns.append((kind, Scanner(regex_cache.compile(rx, 0 if bare else re.IGNORECASE))))
        names = sorted(((s, i.id) for i in rules.instruments for s in i.short), key=lambda x: -len(x[0]))
        # One alternation for every short name (longest first); the key maps a match back.
        self.short_ids = {self._key(n): iid for n, iid in names}
        body = "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]?") for n, _ in names)
        self.short = Scanner(regex_cache.compile(r"\b(?:" + body + r")\b", re.IGNORECASE)) if names else None

    @staticmethod
    def _key(name: str) -> str:
        return re.sub(r"\s+", " ", name.lower().replace("’", "'"))

    def _make(self, iid: str, start: int, end: int, text: str) -> Citation:
        inst = self.by_id.get(iid)
        return Citation(id=iid, cls=inst.cls if inst else "technical", topic=inst.topic if inst else None,
                        title=inst.title if inst else None, start=start, end=end, text=text)

    def _norm(self, kind: str, num: str) -> str | None:
        n = int(num)
        limits = {"C": 191, "R": 208, "P": 155}
        if n < 1 or n > limits.get(kind, 191):
            return None
        return f"{kind}{n:03d}"

    def cite(self, text: str) -> list[Citation]:
        return self.cite_all(join([text]))[0]

    def cite_all(self, joined: Joined) -> list[list[Citation]]:
        """The citations of each of the joined texts. Each pattern runs once over all of them
        (see `regex_scan`); the texts without a cue word are skipped."""
        out: list[list[Citation]] = [[] for _ in joined.units]
        lowered = joined.lowered if len(joined.lowered) == len(joined.text) else None
        gated = [k for k, (s, e) in enumerate(joined.units)
                 if _may_cite(lowered[s:e] if lowered is not None else joined.text[s:e].lower())]
        if not gated:
            return out
        cued = joined.only(gated)
        per_text: dict[int, list[list[_Hit]]] = {k: [[] for _ in range(len(self.patterns) + 1)] for k in gated}
        scanners = ([self.short] if self.short else [None]) + [rx for _, rx in self.patterns]
        for j, scanner in enumerate(scanners):
            if scanner is None:
                continue
            for m in scanner.finditer(cued):
                k = joined.unit_of(m.start())
                base = joined.starts[k]
                per_text[k][j].append(_Hit(m.start() - base, m.end() - base, m.group(0), m.groupdict()))
        for k, hits in per_text.items():
            out[k] = self._resolve(hits)
        return out

    def _resolve(self, hits: list[list[_Hit]]) -> list[Citation]:
        """Citations from one text's hits: short names first, then each numbered pattern in
        the pack's order; a span is cited once."""
        out: list[Citation] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return not any(a < y and x < b for x, y in taken)

        for m in hits[0]:
            iid = self.short_ids.get(self._key(m.text))
            if iid is None:  # an apostrophe variant: find the name it stands for
                iid = next((v for k, v in self.short_ids.items() if k.replace("'", "") ==
                            self._key(m.text).replace("'", "")), None)
            if iid and free(m.start, m.end):
                out.append(self._make(iid, m.start, m.end, m.text))
                taken.append((m.start, m.end))
        for (kind, _), found in zip(self.patterns, hits[1:]):
            for m in found:
                groups = m.groups
                real_kind = kind
                if kind == "title":
                    real_kind = _KIND_OF.get(groups["kind"].lower(), "C")
                    # The title's own name may already be cited: the number wins (exact).
                    taken[:] = [t for t in taken if not (m.start <= t[0] and t[1] <= m.end)]
                    out[:] = [c for c in out if not (m.start <= c.start and c.end <= m.end)]
                if not free(m.start, m.end):
                    continue
                nums = re.findall(r"\d{1,3}", groups.get("nums") or "") if groups.get("nums") else [groups["num"]]
                found_one = False
                for num in nums:
                    iid = self._norm(real_kind, num)
                    if iid:
                        out.append(self._make(iid, m.start, m.end, m.text))
                        found_one = True
                if found_one:
                    taken.append((m.start, m.end))
        out.sort(key=lambda c: (c.start, c.id))
        return out

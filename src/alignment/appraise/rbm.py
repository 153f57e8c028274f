"""Results-based management: a `Document`'s structural elements -> `ResultsChain` + RBM checks.

Input: the elements found by the structure stage (development objective, outcomes, outputs,
activities, indicators with baseline/target `Value`s and means of verification) and the RBM
cues (activity verbs, unmeasurable and measurable indicator wording, indicator labels such as
'OI1.2' or 'P2.1', outcome headings). Output: the results chain as rows (`ResultsChain`) and the
computed checks of the `rbm` criterion (see rules/common/appraisal.yaml).

An indicator measures outcome N when its number (or the label in front of its text) starts
with N, when it stands under a heading naming outcome N, or when its parent element (in the
same section) belongs to outcome N; otherwise it is not linked.
"""

from __future__ import annotations

from ..document import Element, Value
from .cues import Text
from .model import IndicatorRow, OutcomeRow, ResultsChain
from .scoring import Computed


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _value(v: Value | None) -> str | None:
    return v.text if v is not None and v.text else None


def _label(t: Text, e: Element) -> tuple[str | None, str | None, str]:
    """(prefix, number, text without the label) of an indicator."""
    for source in ([e.number] if e.number else []) + [e.text]:
        m = t.match_text("indicator_label", source)
        if m and m.groupdict().get("number"):
            rest = e.text[m.end():].lstrip(" .:-") if source is e.text else e.text
            return m.groupdict().get("prefix"), m.group("number"), rest
    return None, None, e.text


def _outcome_of_section(t: Text, section: int | None) -> str | None:
    """'DO', an outcome number, or None, from the headings above a paragraph."""
    while section is not None:
        heading = t.doc.sections[section].heading
        if t.match_text("do_heading", heading):
            return "DO"
        m = t.match_text("outcome_heading", heading)
        if m and m.groupdict().get("n"):
            return m.group("n")
        section = t.doc.sections[section].parent
    return None


def _outcome_of_parent(els: list[Element], e: Element) -> str | None:
    seen = set()
    cur = e
    while cur.parent is not None and cur.parent not in seen and cur.parent < len(els):
        seen.add(cur.parent)
        par = els[cur.parent]
        if par.section != e.section:
            return None  # a parent guessed across sections (a separate logframe) is no link
        if par.kind == "outcome":
            return par.number
        if par.kind == "priority" and par.code == "development-objective":
            return "DO"
        cur = par
    return None


def _problems(e: Element) -> list[str]:
    out = []
    for name, v in (("baseline", e.baseline), ("target", e.target)):
        if v is None or v.status == "missing":
            out.append(f"no {name}")
        elif v.status == "tbd":
            out.append(f"{name} to be determined")
        elif v.year is None:
            out.append(f"{name} without a year")
    mov = (e.means_of_verification or "").strip()
    if not mov or mov.lower() in ("n/a", "tbd", "-", "--", "none"):
        out.append("no means of verification")
    return out


def results_chain(t: Text) -> tuple[ResultsChain, dict[str, Computed], list[str]]:
    els = t.doc.elements
    do = next((e for e in els if e.kind == "priority" and e.code == "development-objective"), None)
    outcomes = [e for e in els if e.kind == "outcome"]
    outputs = [e for e in els if e.kind == "output"]
    activities = [e for e in els if e.kind == "activity"]
    numbers = {(o.number or "").split(".")[0] for o in outcomes if o.number}
    rows: list[IndicatorRow] = []
    for e in (x for x in els if x.kind == "indicator"):
        prefix, number, _ = _label(t, e)
        link = None
        if prefix and t.match_text("do_label", prefix):
            link = "DO"
        elif number and number.split(".")[0] in numbers:
            link = number.split(".")[0]
        if link is None:
            link = _outcome_of_section(t, e.section)
        if link is None:
            link = _outcome_of_parent(els, e)
        if link is not None and link != "DO":
            link = link.split(".")[0]
            if link not in numbers:
                link = None
        problems = _problems(e)
        label = e.number or (f"{prefix or ''}{number}" if number else None)
        rows.append(IndicatorRow(number=label, text=e.text, page=e.page, outcome=link,
                                 baseline=_value(e.baseline), target=_value(e.target),
                                 means_of_verification=e.means_of_verification, complete=not problems,
                                 problems=problems))
    orows = []
    for o in outcomes:
        n = (o.number or "").split(".")[0]
        orows.append(OutcomeRow(number=o.number, text=o.text, page=o.page,
                                indicators=sum(r.outcome == n for r in rows if n),
                                activity_like=bool(t.match_text("activity_verb", o.text.strip()))))
    chain = ResultsChain(development_objective=do.text if do else None, outcomes=orows, outputs=len(outputs),
                         activities=len(activities), indicators=rows)
    return chain, _checks(t, chain), _flags(chain)


def _name(o: OutcomeRow) -> str:
    return f"Outcome {o.number}" if o.number else "An outcome"


def _names(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _checks(t: Text, chain: ResultsChain) -> dict[str, Computed]:
    rows, outs = chain.indicators, chain.outcomes
    c: dict[str, Computed] = {}
    n = len(rows)
    c["indicators"] = Computed(1.0 if n else 0.0, f"{n} indicator(s)")
    parts = [("a development objective", chain.development_objective is not None),
             ("outcomes", bool(outs)), ("outputs", chain.outputs > 0), ("activities", chain.activities > 0)]
    missing = [name for name, ok in parts if not ok]
    c["results_chain"] = Computed(sum(ok for _, ok in parts) / 4,
                                  "missing: " + ", ".join(missing) if missing else "complete",
                                  values={"missing": "add " + _names(missing) if missing else ""})
    without = [o for o in outs if o.indicators == 0]
    if outs:
        names = [_name(o) for o in without]
        c["outcome_indicators"] = Computed(
            1 - len(without) / len(outs), f"{len(outs) - len(without)} of {len(outs)} outcomes have an indicator",
            values={"outcomes": _names(names) if names else "", "has": "has" if len(names) == 1 else "have"})
    else:
        c["outcome_indicators"] = Computed(0.0, "no outcome", values={"outcomes": "The project", "has": "has"})
    if n:
        bad_values = [r for r in rows if any(p.startswith("no ") or "to be determined" in p for p in r.problems)]
        bad_years = [r for r in rows if any("without a year" in p for p in r.problems)]
        c["values_given"] = Computed(1 - len(bad_values) / n,
                                     f"{n - len(bad_values)} of {n} indicators have a baseline, a target and a means of verification",
                                     values={"problems": _problem_list(bad_values, ("no ", "to be determined"))})
        only_years = [r for r in bad_years if r not in bad_values]
        c["years_given"] = Computed(1 - len(bad_years) / n, f"{n - len(bad_years)} of {n} indicators give the years",
                                    values={"problems": _problem_list(only_years, ("without a year",))
                                            if only_years else "for every indicator"})
        unmeasurable = [r for r in rows if t.match_text("unmeasurable", _label_free(t, r.text))
                        and not t.match_text("measurable", _label_free(t, r.text))]
        c["measurable"] = Computed(1 - len(unmeasurable) / n, f"{len(unmeasurable)} unmeasurable indicator(s)",
                                   values={"examples": "; ".join(f"\"{_short(_label_free(t, r.text), 60)}\""
                                                                 for r in unmeasurable[:4])})
    else:
        for k in ("values_given", "years_given", "measurable"):
            c[k] = Computed(0.0, "no indicator", values={"problems": "no indicators", "examples": ""})
    acts = [o for o in outs if o.activity_like]
    c["outcome_statements"] = Computed(1 - len(acts) / len(outs) if outs else 0.0,
                                       f"{len(acts)} outcome(s) written as activities",
                                       values={"outcomes": _names([_name(o) for o in acts]) if acts else "",
                                               "examples": "; ".join(f"\"{_short(o.text, 60)}\"" for o in acts[:3])})
    return c


def _label_free(t: Text, text: str) -> str:
    m = t.match_text("indicator_label", text)
    return text[m.end():].lstrip(" .:-") if m and m.groupdict().get("number") else text


def _problem_list(rows: list[IndicatorRow], keys: tuple[str, ...]) -> str:
    parts = []
    for r in rows[:4]:
        what = [p for p in r.problems if any(k in p for k in keys)]
        label = f"indicator {r.number}" if r.number else f"\"{_short(r.text, 40)}\""
        parts.append(f"{label}: {', '.join(what)}")
    more = f"; and {len(rows) - 4} more" if len(rows) > 4 else ""
    return "; ".join(parts) + more


def _flags(chain: ResultsChain) -> list[str]:
    out = []
    for o in chain.outcomes:
        if o.activity_like:
            out.append(f"{_name(o)} is written as an activity: \"{_short(o.text, 80)}\"")
        if o.indicators == 0:
            out.append(f"{_name(o)} has no indicator")
    unlinked = [r for r in chain.indicators if r.outcome is None]
    if unlinked:
        out.append(f"{len(unlinked)} indicator(s) not linked to any outcome (no number or heading ties them to one)")
    for r in chain.indicators:
        if r.problems:
            label = f"Indicator {r.number}" if r.number else f"Indicator \"{_short(r.text, 50)}\""
            out.append(f"{label}: {', '.join(r.problems)}")
    return out


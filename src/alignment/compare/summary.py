"""Compare, last step: `Comparison` -> the one-paragraph summary a programme officer pastes
into an email (how many priorities are reflected fully, partly, not at all; what is lost; the
ILO and the social partners; framework-only outcomes). Plain English, no markup."""

from __future__ import annotations

from .model import Comparison, PriorityComparison

_SP = {"named": "names the social partners specifically", "generic": "names the social partners only "
       "generically (\"employers' and workers' organizations\")", "absent": "does not name the social partners"}


def _list(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _nums(ps: list[PriorityComparison]) -> str:
    return _list([p.number or p.title[:40] for p in ps])


def _topics(ids: list[str], labels: dict[str, str]) -> str:
    return _list([f"{t} ({labels[t]})" if t in labels else t for t in ids])


def summarise(c: Comparison, labels: dict[str, str]) -> str:
    ps = c.priorities
    full = [p for p in ps if p.verdict == "full"]
    partial = [p for p in ps if p.verdict == "partial"]
    none = [p for p in ps if p.verdict == "none"]
    dname = c.dwcp.title or c.dwcp.name
    fname = c.framework.title or c.framework.name
    n = len(ps)
    out = [f"Comparing the {dname} with the {fname}: of the {n} DWCP country priorit{'y' if n == 1 else 'ies'}, "
           + _list([f"{len(full)} {'is' if len(full) == 1 else 'are'} fully reflected in the framework's results chain"
                    + (f" (priorit{'y' if len(full) == 1 else 'ies'} {_nums(full)})" if full else ""),
                    f"{len(partial)} partly" + (f" (priorit{'y' if len(partial) == 1 else 'ies'} {_nums(partial)})"
                                                if partial else ""),
                    f"{len(none)} not at all" + (f" (priorit{'y' if len(none) == 1 else 'ies'} {_nums(none)})"
                                                 if none else "")]) + "."]
    for p in partial:
        sit = [t for t in p.topics_lost if t in p.lost_only_in_situation_analysis]
        out.append(f"Priority {p.number} keeps {_topics(p.topics_kept, labels)} but loses "
                   f"{_topics(p.topics_lost, labels)}"
                   + (f" ({_list(sit)} only in the framework's situation analysis)" if sit else "") + ".")
    if c.categories_lost:
        out.append("Committed in the DWCP but not in the framework's results chain: "
                   + _topics(c.categories_lost, labels) + ".")
    carried = [p for p in ps if p.framework_elements]
    with_ilo = [p for p in carried if p.ilo_contributes]
    without = [p for p in carried if not p.ilo_contributes]
    if carried:
        s = (f"The ILO is a contributing UN entity of the framework outcomes carrying "
             f"priorit{'y' if len(with_ilo) == 1 else 'ies'} {_nums(with_ilo)}" if with_ilo
             else "The ILO is not a contributing UN entity of any framework outcome carrying a DWCP priority")
        if with_ilo and without:
            s += f", but not of those carrying priorit{'y' if len(without) == 1 else 'ies'} {_nums(without)}"
        out.append(s + ".")
    sp = f"The framework {_SP[c.framework.social_partners]}"
    if carried:
        named = [p for p in carried if p.social_partners_named]
        sp += (f"; they appear in the outcomes carrying priorit{'y' if len(named) == 1 else 'ies'} {_nums(named)}"
               if named else "; they appear in none of the outcomes carrying the DWCP priorities")
    out.append(sp + ".")
    if c.framework_only:
        k = len(c.framework_only)
        out.append(f"The framework also has {k} decent-work outcome{'' if k == 1 else 's'} that no DWCP priority "
                   "covers: " + _list([f"Outcome {o.number}, on {_topics(o.topics, labels)}" for o in c.framework_only])
                   + ".")
    extra = [t for t in c.framework_only_topics if not any(t.topic in o.topics for o in c.framework_only)]
    if extra:
        out.append("Its results chain also carries " + _list([f"{t.topic} ({t.label}; {', '.join(t.elements)})"
                                                             for t in extra]) + ", which no DWCP priority has.")
    return " ".join(out)

"""`compare` over the whole results chain, on a plain-text DWCP and framework written for these
tests (tests/data/chain): a priority's topics are those of its title, outcomes, outputs and
indicators; verdicts and kept/lost topics follow; framework outcomes and outputs no priority
covers are decided by topic; contributing entities are read in their usual forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.compare import compare_files

DATA = Path(__file__).parent / "data" / "chain"
DWCP = (DATA / "dwcp.txt").read_text(encoding="utf-8")
FRAMEWORK = (DATA / "framework.txt").read_text(encoding="utf-8")

EXPECTED = {
    # priority: (verdict, kept, lost)
    "1": ("full", ["SO2.POL", "SO2.SERV", "SO2.SKILLS", "SO2.YOUTH"], []),
    "2": ("partial", ["SO3.HIV", "SO3.MIG"], ["SO3.OSH", "SO3.SS"]),
    "3": ("none", [], ["SO4.DISP", "SO4.IR", "SO4.TRI"]),
}


def _compare(tmp_path, dwcp: str = DWCP, framework: str = FRAMEWORK):
    (tmp_path / "dwcp.txt").write_text(dwcp, encoding="utf-8")
    (tmp_path / "framework.txt").write_text(framework, encoding="utf-8")
    return compare_files(str(tmp_path / "dwcp.txt"), str(tmp_path / "framework.txt"), parallel=False)


def _verdicts(c):
    return {p.number: (p.verdict, p.topics_kept, p.topics_lost) for p in c.priorities}


# The same DWCP with its outcome codes written in other ways: the chain must not change.
DWCP_FORMS = {
    "inline codes": DWCP,
    "codes on their own line": DWCP.replace("Outcome 1.1 (TST 101): ", "Outcome 1.1: ")
    .replace("Outcome 2.1 (TST 201): ", "Outcome 2.1: ").replace("Outcome 2.4 (TST 204): ", "Outcome 2.4: "),
    "codes only, no outcome label": "\n".join(
        line.replace(line[:line.index("(") + 10], "CPO " + line[line.index("(") + 1:line.index(")")] + ":")
        if line.startswith("Outcome ") else line for line in DWCP.splitlines()),
}


@pytest.mark.parametrize("form", list(DWCP_FORMS))
def test_priority_topics_come_from_the_whole_chain(tmp_path, form):
    c = _compare(tmp_path, dwcp=DWCP_FORMS[form])
    assert _verdicts(c) == EXPECTED


def test_outcome_verdicts_and_codes(tmp_path):
    c = _compare(tmp_path)
    p2 = next(p for p in c.priorities if p.number == "2")
    assert [(o.code, o.verdict) for o in p2.outcomes] == [
        ("TST 201", "none"), ("TST 202", "none"), ("TST 203", "full"), ("TST 204", "full")]


def test_framework_only_outcomes_and_outputs_by_topic(tmp_path):
    c = _compare(tmp_path)
    covered = {o.number: o.covered_by for o in c.framework_outcomes}
    assert covered == {"1": ["1"], "2": ["2"], "3": []}
    assert c.framework_only == []  # outcome 3 (education) is not a decent-work outcome
    only = {t.topic: t.elements for t in c.framework_only_topics}
    assert only.get("SO1.CL") == ["output 1.3"]
    assert "SO2.YOUTH" not in only and "SO3.HIV" not in only
    assert "child labour" in c.summary


ENTITY_FORMS = {
    "contributing UN entities line": "Contributing UN entities: UNAIDS, IOM, ILO, WHO",
    "contributing agencies": "Contributing agencies: UNAIDS, IOM, ILO and WHO",
    "UN entities": "UN entities: UNAIDS; IOM; International Labour Organization (ILO); WHO",
    "lead agency marked": "Contributing UN entities: ILO (lead), UNAIDS, IOM",
    "joined to the output above": None,
}


@pytest.mark.parametrize("form", list(ENTITY_FORMS))
def test_ilo_among_contributing_entities(tmp_path, form):
    line = ENTITY_FORMS[form]
    if line is None:  # a layout that ran the entities line into the output before it
        framework = FRAMEWORK.replace("regulates recruitment agencies.\n\nContributing UN entities:",
                                      "regulates recruitment agencies. Contributing agencies:")
        assert framework != FRAMEWORK
    else:
        framework = FRAMEWORK.replace("Contributing UN entities: UNAIDS, IOM, ILO, WHO", line)
    c = _compare(tmp_path, framework=framework)
    p2 = next(p for p in c.priorities if p.number == "2")
    assert p2.ilo_contributes is True
    assert [car.ilo for car in p2.framework_elements] == [True]
    out3 = next(o for o in c.framework_outcomes if o.number == "3")
    assert out3.ilo is False and out3.agencies == ["UNICEF", "UNESCO"]


def test_ilo_absent_is_reported(tmp_path):
    c = _compare(tmp_path, framework=FRAMEWORK.replace("UNAIDS, IOM, ILO, WHO", "UNAIDS, IOM, WHO"))
    p2 = next(p for p in c.priorities if p.number == "2")
    assert p2.ilo_contributes is False

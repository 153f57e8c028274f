"""Reports a non-specialist can read: topic names beside codes, no cut labels, the trigger
always inside its snippet; and `--as` overriding the detected document type."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment.cli import main
from alignment.report.names import named, names
from alignment.snippet import snippet

CORPUS = Path(__file__).resolve().parents[1] / "corpora"
FRAMEWORK = str(CORPUS / "frameworks/kandara-unsdcf/kandara-unsdcf.md")
PROPOSAL = str(CORPUS / "proposals/morovia-youth-proposal/morovia-youth-proposal.md")


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_every_taxonomy_id_has_a_name():
    n = names()
    assert n["SO1.FL"] == "forced labour and trafficking for labour exploitation"
    assert named("CC-ENV") == "CC-ENV Just transition to environmental sustainability"
    assert named("XX.UNKNOWN") == "XX.UNKNOWN"
    assert len([k for k in n if "." in k]) >= 29


@pytest.mark.parametrize("width", [40, 80, 160, 400])
@pytest.mark.parametrize("where", [0.0, 0.5, 0.97])
def test_the_trigger_is_always_inside_the_snippet(width, where):
    words = [f"w{i:03d}" for i in range(200)]
    at = int(where * (len(words) - 1))
    words[at] = "collective bargaining"
    sentence = " ".join(words)
    s = snippet(sentence, "Collective Bargaining", width)
    assert "collective bargaining" in s
    assert len(s) <= width + 2  # two ellipses at most
    assert s.strip("\u2026") in sentence


def test_a_short_sentence_is_kept_whole():
    assert snippet("Decent work for all.", "work", 400) == "Decent work for all."


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_reports_give_topic_names_and_whole_labels(fmt):
    r = run("check", FRAMEWORK, "--format", fmt)
    assert r.exit_code == 0
    out = r.output
    assert "SO1.CL child labour" in out or re.search(r"SO1\.CL</span> <span class=\"topic-name\">child labour", out)
    assert "Standards and fundamental principles and rights at work" in out  # 56 characters, not cut at 46
    assert "Just transition to environmental sustainability" in out


def test_text_evidence_snippets_hold_their_trigger():
    out = run("check", FRAMEWORK).output
    evidence = out.split("Evidence (best per category)")[1].splitlines()
    pairs = [(evidence[i], evidence[i + 1]) for i in range(1, len(evidence) - 1, 2)
             if evidence[i].strip() and "rule " in evidence[i + 1]]
    assert pairs
    for quote_line, rule_line in pairs:
        trigger = re.search(r"trigger '([^']*)'", rule_line).group(1)
        assert trigger.lower() in quote_line.lower(), (trigger, quote_line)


def test_appraise_on_a_framework_offers_as_proposal_in_plain_words():
    r = CliRunner().invoke(main, ["appraise", FRAMEWORK])
    assert r.exit_code == 2
    assert "reads as a UN Cooperation Framework" in r.output and "--as proposal" in r.output
    assert "dt." not in r.output  # no internal rule ids
    anyway = run("appraise", FRAMEWORK, "--as", "proposal", "--format", "json")
    assert anyway.exit_code == 0 and json.loads(anyway.output)["document"]["type"] == "proposal"


@pytest.mark.parametrize("command", ["inspect", "check"])
def test_as_overrides_the_detected_type(command):
    data = json.loads(run(command, PROPOSAL, "--as", "dwcp", "--format", "json").output)
    kind = data["type"] if command == "inspect" else data["document"]["type"]
    reasons = data["type_evidence"]["reasons"] if command == "inspect" else data["document"]["type_reasons"]
    assert kind == "dwcp" and reasons == ["set by the user (--as dwcp); detected: proposal"]
    assert json.loads(run(command, PROPOSAL, "--format", "json").output) != data

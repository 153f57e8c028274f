"""The real-text gold set: label-only lines joined with the shared UN INFO export by ID and hash."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from alignment import evaluate, realtext
from alignment.cli import main
from alignment.errors import GoldFileError

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "corpora" / "gold" / "real" / "uninfo.jsonl"
SHARED = realtext.find_shared(GOLD.parent)
needs_shared = pytest.mark.skipif(SHARED is None, reason="../shared/realdata is not beside the repository")


def test_the_committed_gold_carries_no_text():
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        assert "text" not in obj and obj["ref"].startswith("uninfo:") and len(obj["sha256"]) == 64
        assert obj["split"] in ("tune", "test")


def test_the_split_is_by_country():
    by_country = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        by_country.setdefault(obj["country"], set()).add(obj["split"])
    assert all(len(s) == 1 for s in by_country.values())
    assert {next(iter(s)) for s in by_country.values()} == {"tune", "test"}


@needs_shared
def test_eval_joins_every_passage_and_selects_a_half():
    items = evaluate.read_gold(str(GOLD), split="test", lang="fr")
    assert items and all(it.text and it.split == "test" for it in items)
    assert all(realtext.text_hash(it.text) for it in items)


@needs_shared
def test_a_changed_text_is_an_error_not_a_silent_relabel(tmp_path):
    line = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    line["sha256"] = "0" * 64
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match="sha256 differs"):
        evaluate.read_gold(str(bad), texts=str(SHARED))


def test_without_the_shared_export_the_user_is_told_where_to_point(tmp_path, monkeypatch):
    monkeypatch.delenv(realtext.ENV, raising=False)
    line = json.loads(GOLD.read_text(encoding="utf-8").splitlines()[0])
    lone = tmp_path / "lone.jsonl"
    lone.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(lone), "--texts", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "--texts" in result.output and "Traceback" not in result.output


@needs_shared
def test_the_cli_scores_the_real_test_half():
    result = CliRunner().invoke(main, ["eval", str(GOLD), "--split", "test", "--json"])
    assert result.exit_code == 0, result.output
    scored = json.loads(result.output)
    assert scored["items"] > 300 and 0 < scored["macro"]["f1"] <= 1

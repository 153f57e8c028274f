"""The command line as a user meets it: help, formats, bad input, exit codes, no tracebacks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from alignment.cli import main
from badfiles import make_cases

SAMPLE = """# United Nations Sustainable Development Cooperation Framework for Testland 2025-2029

## 1. Country context

Youth unemployment remains high and there is no unemployment insurance scheme.

## 2. Strategic priorities

Strategic Priority 1: Decent jobs for women and young people

Outcome 1.1: By 2029, more women and young people have decent jobs in the formal economy.

Contributing UN entities: ILO, UNDP, UN Women

Output 1.1.1: The Ministry of Labour and the Testland Federation of Employers are supported to apply Convention No. 122.

Indicator 1.1.1: Youth unemployment rate, disaggregated by sex
Baseline: 24% (2023)
Target: 15% (2029)
Means of verification: Labour force survey

## 3. Governance

The Joint Steering Committee includes the Testland Congress of Trade Unions.
"""


@pytest.fixture()
def sample(tmp_path):
    p = tmp_path / "sample.md"
    p.write_text(SAMPLE, encoding="utf-8")
    return p


def run(*args, **kw):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kw)


def _commands(group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, prefix + (name,))


def test_every_command_has_help():
    for path, cmd in _commands(main):
        assert cmd.help, f"{' '.join(path)} has no help text"
        result = run(*path, "--help")
        assert result.exit_code == 0 and "Usage" in result.output


def test_version():
    assert run("--version").output.startswith("alignment, version")


def test_inspect_json_has_the_published_names(sample):
    result = run("inspect", str(sample), "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["type"] == "unsdcf" and doc["language"] == "en"
    assert all({"heading", "level", "page", "category"} <= set(s) for s in doc["sections"])
    kinds = {e["kind"] for e in doc["elements"]}
    assert {"priority", "outcome", "output", "indicator"} <= kinds
    ind = next(e for e in doc["elements"] if e["kind"] == "indicator")
    assert ind["baseline"]["value"] == "24%" and ind["baseline"]["year"] == 2023
    assert ind["target"]["year"] == 2029 and ind["means_of_verification"] == "Labour force survey"
    outcome = next(e for e in doc["elements"] if e["kind"] == "outcome")
    assert outcome["agencies"] == ["ILO", "UNDP", "UN Women"]


def test_check_json_validates_against_its_schema_and_is_byte_stable(sample):
    from alignment.results import Report
    a = run("check", str(sample), "--format", "json").output
    b = run("check", str(sample), "--format", "json").output
    assert a == b
    report = Report.model_validate_json(a)
    data = json.loads(a)
    assert set(data["coverage"]) == {"SO1", "SO2", "SO3", "SO4", "CC-ILS", "CC-SD", "CC-GEN", "CC-ENV"}
    assert data["coverage"]["SO2"]["strength"] == "committed"
    assert data["coverage"]["SO3"]["strength"] == "mentioned"   # only the country context
    assert "situation analysis" in data["coverage"]["SO3"]["gap"]
    assert data["coverage"]["CC-GEN"]["strength"] == "committed"
    assert report.constituents.social_partners == "named"
    assert "governance" in report.constituents.workers.roles
    assert [s.id for s in report.standards] == ["C122"] and report.standards[0].cls == "governance"
    assert any(t.id.startswith("SDG-8") for t in report.sdg)


def test_check_text_md_csv(sample, tmp_path):
    text = run("check", str(sample)).output
    assert "Strategic objectives committed" in text and "SO3" in text and "Gaps" in text
    md = run("check", str(sample), "--format", "md").output
    assert md.startswith("# Decent work alignment") and "| SO2" in md
    out = tmp_path / "f.csv"
    assert run("check", str(sample), "--format", "csv", "-o", str(out)).exit_code == 0
    import csv
    rows = list(csv.DictReader(out.open()))
    assert rows and {"category", "rule_id", "trigger", "page", "sentence", "modifiers"} <= set(rows[0])
    assert any(r["category"] == "SO2" and r["strength"] == "committed" for r in rows)



def test_csv_cells_cannot_run_as_formulas(tmp_path):
    doc = tmp_path / "formula.txt"
    doc.write_text("Outcome 1\n\n=HYPERLINK(\"http://example.org\",\"x\") By 2027, the national "
                   "employment policy is adopted and implemented with the social partners.\n",
                   encoding="utf-8")
    out = tmp_path / "f.csv"
    assert run("check", str(doc), "--format", "csv", "-o", str(out)).exit_code == 0
    import csv
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    sentences = [r["sentence"] for r in rows if "HYPERLINK" in r["sentence"]]
    assert sentences and all(s.startswith("'=HYPERLINK") for s in sentences)
    from alignment.report.cells import safe_row
    assert safe_row(["-3", "+2.5%", "@SUM(A1)", "-x", "\tcmd", "plain", 7]) == \
        ["-3", "+2.5%", "'@SUM(A1)", "'-x", "'\tcmd", "plain", 7]

def test_stdin(sample):
    result = run("check", "-", "--format", "json", input=SAMPLE)
    assert result.exit_code == 0 and json.loads(result.output)["coverage"]["SO2"]["strength"] == "committed"


def test_explain_says_why():
    out = run("explain", "The programme does not address social protection.").output
    assert "SO3: not counted: negated" in out and "neg.plan" in out
    out = run("explain", "There is no unemployment insurance scheme.").output
    assert "SO3: counted" in out and "problem" in out




def test_bad_inputs_one_line_exit_2_no_output_file(tmp_path, monkeypatch):
    cases = make_cases(tmp_path)
    real_access = os.access
    for case in cases:
        if case.error is None:
            continue
        if case.unreadable:
            monkeypatch.setattr(os, "access", lambda p, m, _r=real_access, _p=str(case.path):
                                False if str(p) == _p else _r(p, m))
        out = tmp_path / f"out-{case.path.name}.json"
        args = ["check", str(case.path), "--format", "json", "-o", str(out)]
        if case.max_size:
            args += ["--max-size", str(case.max_size / 1024 / 1024)]
        result = CliRunner().invoke(main, args)
        monkeypatch.setattr(os, "access", real_access)
        assert result.exit_code == 2, (case.name, result.output)
        lines = [ln for ln in result.output.splitlines() if ln.strip()]
        assert len(lines) == 1, (case.name, result.output)
        assert case.expected in lines[0] and str(case.path) in lines[0], (case.name, lines[0])
        assert "Traceback" not in result.output
        assert not out.exists()
        assert not list(tmp_path.glob(".alignment-*.tmp"))


def test_odd_encodings_are_decoded_with_a_warning(tmp_path):
    cases = {c.name: c for c in make_cases(tmp_path)}
    result = CliRunner().invoke(main, ["check", str(cases["cp1252 text"].path), "--format", "json"])
    assert result.exit_code == 0
    assert "warning" in result.output and "not UTF-8" in result.output


def test_eval_json_is_the_shared_contract(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("\n".join(json.dumps(x) for x in [
        {"id": "a", "text": "By 2027, social protection floors cover all older persons.", "labels": ["SO3"], "absent": []},
        {"id": "b", "text": "The programme does not address social protection.", "labels": [], "absent": ["SO3"]},
        {"id": "c", "text": "Resource mobilization is led by the Resident Coordinator.", "labels": []},
        {"id": "d", "text": "SDG target 8.7 on child labour is tracked.", "labels": ["SDG-8.7"], "evaluated": ["SDG-8"]},
    ]) + "\n")
    result = run("eval", str(gold), "--json")
    data = json.loads(result.output)
    assert set(data) == {"items", "categories", "macro", "micro"}
    assert data["items"] == 4
    so3 = data["categories"]["SO3"]
    assert (so3["tp"], so3["fp"], so3["fn"]) == (1, 0, 0)
    assert data["categories"]["SDG-8"]["tp"] == 1   # a target counts for its goal
    assert "SO1" not in data["categories"] or data["categories"]["SO1"]["fp"] == 0  # d only judged on SDG-8



def test_eval_split_of_a_file_without_halves_scores_it_whole(tmp_path):
    """The own gold sets have no tune/test halves: `--split` scores all of them and says so, in
    the JSON with --json (nothing on stderr, so the output stays readable even with the two
    streams joined), on stderr otherwise; a file with halves keeps only the half asked for."""
    gold = tmp_path / "g.jsonl"
    gold.write_text("\n".join(json.dumps({"id": k, "text": "Social protection floors cover all older persons.",
                                           "labels": ["SO3"]}) for k in "ab") + "\n")
    result = CliRunner().invoke(main, ["eval", str(gold), "--split", "test", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["items"] == 2
    note = "no tune/test halves in the file: --split test scores all of its passages"
    assert json.loads(result.stdout)["notes"] == [note] and result.stderr == ""
    assert note in CliRunner().invoke(main, ["eval", str(gold), "--split", "test"]).stderr
    halves = _gold(tmp_path)
    assert json.loads(run("eval", str(halves), "--split", "test", "--json").stdout)["items"] == 3

def test_eval_errors_and_baseline(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": "Trade unions were consulted.", "labels": ["SO2"]}) + "\n")
    out = run("eval", str(gold), "--errors", "--baseline").output
    assert "FN SO2 x" in out and "baseline F1" in out


def test_eval_reads_a_gold_file_saved_with_a_byte_order_mark_or_crlf(tmp_path):
    """Editors on Windows save UTF-8 with a BOM and CRLF line ends: still one JSON object."""
    gold = tmp_path / "g.jsonl"
    lines = [json.dumps({"id": k, "text": "Social protection floors cover all older persons.", "labels": ["SO3"]})
             for k in "ab"]
    gold.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    result = CliRunner().invoke(main, ["eval", str(gold), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["categories"]["SO3"]["tp"] == 2


@pytest.mark.parametrize("line,reason", [
    ({"id": "a", "text": "No provision for social protection.", "labels": [], "absent": "SO3"},
     "line 1: 'absent' must be a list of category ids"),
    ({"id": "a", "text": "Jobs for youth.", "labels": "SO2"}, "line 1: 'labels' must be a list of category ids"),
    ({"id": "a", "text": 42, "labels": []}, "line 1: 'text' must be a string"),
])
def test_eval_names_a_malformed_field_in_one_line(tmp_path, line, reason):
    """A string where the contract wants a list is named as such, not as an unknown category 'S'."""
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--json"])
    assert result.exit_code == 2
    assert reason in json.loads(result.stdout)["error"]
    assert "Traceback" not in result.output


def test_eval_says_a_gold_file_is_not_utf8_and_where(tmp_path):
    gold = tmp_path / "latin1.jsonl"
    gold.write_bytes('{"id": "a", "text": "Café workers organize.", "labels": ["SO4"]}\n'.encode("latin-1"))
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 2
    assert "not UTF-8 text (byte 0xe9" in result.output and "latin1.jsonl" in result.output


def test_eval_an_empty_evaluated_list_judges_no_category(tmp_path):
    """`evaluated: []` is a passage judged for nothing, not for everything (null or missing is everything)."""
    gold = tmp_path / "g.jsonl"
    rows = [{"id": "a", "text": "Youth employment is high.", "labels": [], "evaluated": []},
            {"id": "b", "text": "Youth employment is high.", "labels": ["SO2"]}]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(gold), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["categories"]["SO2"] == {**json.loads(result.stdout)["categories"]["SO2"], "fp": 0, "tp": 1}


def test_eval_with_no_path_reads_the_gold_lines_from_redirected_input():
    """`alignment eval --json < gold.jsonl`, as a program feeding the file may call it: one JSON object."""
    gold = "".join(json.dumps({"id": k, "text": "Social protection floors cover all older persons.", "labels": ["SO3"]}) + "\n"
                   for k in "ab")
    result = CliRunner().invoke(main, ["eval", "--json"], input=gold)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["categories"]["SO3"]["tp"] == 2


def test_eval_usage_errors_are_json_too_when_json_is_asked_for():
    result = CliRunner().invoke(main, ["eval", "corpora/gold/en.jsonl", "--json", "--no-such-option"])
    assert result.exit_code == 2
    assert "no-such-option" in json.loads(result.stdout.splitlines()[0])["error"]


def test_eval_several_gold_files_print_one_json_object(tmp_path):
    """`alignment eval corpora/gold/{en,fr,es}.jsonl --json` (a shell brace, several paths) prints one JSON
    object: the passages pooled, each file's own figures under 'files'; --format json is --json."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps({"id": "a1", "text": "Social protection floors cover all older persons.",
                                 "labels": ["SO3"]}) + "\n")
    second.write_text(json.dumps({"id": "b1", "text": "Les syndicats ont été consultés sur le code du travail.",
                                  "lang": "fr", "labels": ["CC-ILS"]}) + "\n")
    result = CliRunner().invoke(main, ["eval", str(first), str(second), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["items"] == 2 and set(data["files"]) == {str(first), str(second)}
    assert data["files"][str(first)]["items"] == 1 and data["files"][str(first)]["macro"]["f1"] == 1.0
    assert data["files"][str(second)]["macro"]["f1"] < 1.0
    same = CliRunner().invoke(main, ["eval", str(first), "--format", "json"])
    assert json.loads(same.stdout) == json.loads(CliRunner().invoke(main, ["eval", str(first), "--json"]).stdout)
    folder = CliRunner().invoke(main, ["eval", str(tmp_path), "--json"])  # a folder: the gold files inside it
    assert json.loads(folder.stdout)["items"] == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = CliRunner().invoke(main, ["eval", str(empty)])
    assert nothing.exit_code == 2 and "no .jsonl gold file" in nothing.output
    missing = CliRunner().invoke(main, ["eval", str(first), str(tmp_path / "nowhere.jsonl"), "--json"])
    assert missing.exit_code == 2 and "nowhere.jsonl" in missing.output and "Traceback" not in missing.output


def test_eval_reads_standard_input_writes_a_file_and_fails_in_json_with_json(tmp_path):
    """`-` reads the gold lines from standard input, `-o` writes the result to a file, and with --json a
    failure is a JSON object too (plus the one line on stderr and exit 2)."""
    line = json.dumps({"id": "a", "text": "Social protection floors cover all older persons.", "labels": ["SO3"]})
    piped = CliRunner().invoke(main, ["eval", "-", "--json"], input="\ufeff" + line + "\n")
    assert piped.exit_code == 0 and json.loads(piped.stdout)["items"] == 1
    gold = tmp_path / "g.jsonl"
    gold.write_text(line + "\n")
    out = tmp_path / "result.json"
    written = CliRunner().invoke(main, ["eval", str(gold), "--json", "-o", str(out)])
    assert written.exit_code == 0 and written.stdout == ""
    assert json.loads(out.read_text())["categories"]["SO3"]["tp"] == 1
    missing = CliRunner().invoke(main, ["eval", str(tmp_path / "none.jsonl"), "--json"])
    assert missing.exit_code == 2 and "file not found" in json.loads(missing.stdout)["error"]
    assert "file not found" in missing.stderr


def test_bad_gold_file(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "x", "text": "t", "labels": ["SO9"]}\n')
    result = CliRunner().invoke(main, ["eval", str(gold)])
    assert result.exit_code == 2 and "unknown category id 'SO9'" in result.output


def test_rules_validate_and_list(tmp_path):
    assert "valid" in run("rules", "validate").output
    broken = Path(__file__).parent / "broken_packs"
    result = CliRunner().invoke(main, ["rules", "validate", str(broken)])
    assert result.exit_code == 2 and "broken.category" in result.output and "Traceback" not in result.output
    out = run("rules", "list").output
    assert "SO1" in out and "CAPDEV" in out and "context:" in out


def test_schema_commands():
    for what in ("check", "document", "rules"):
        data = json.loads(run("schema", what).output)
        assert "properties" in data


ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"
PROPOSAL = CORPUS / "proposals/selenia-skills-proposal/selenia-skills-proposal.md"
DWCP = CORPUS / "dwcp/selenia-dwcp/selenia-dwcp.md"
FRAMEWORK = CORPUS / "frameworks/selenia-unsdcf/selenia-unsdcf.md"


def _gold(folder: Path) -> Path:
    """A gold file with a passage of every language and split that `eval` offers."""
    gold = folder / "gold.jsonl"
    texts = {"en": "Social protection floors cover all older persons.",
             "fr": "Les socles de protection sociale couvrent toutes les personnes âgées.",
             "es": "Los pisos de protección social cubren a todas las personas mayores."}
    gold.write_text("".join(json.dumps({"id": f"{lang}-{split}", "text": text, "lang": lang, "split": split,
                                        "labels": ["SO3"], "absent": []}) + "\n"
                            for lang, text in texts.items() for split in ("tune", "test")), encoding="utf-8")
    return gold


def _base(path: tuple, folder: Path, choice_param: str) -> list[str]:
    """The arguments each command needs to run at all; the output goes to a file in `folder`."""
    docs = folder / "docs"
    if not docs.exists():
        docs.mkdir()
        (docs / "sample.md").write_text(SAMPLE, encoding="utf-8")
    out = str(folder / f"out-{choice_param}")
    return {
        ("inspect",): [str(docs / "sample.md"), "-o", out],
        ("check",): [str(docs / "sample.md"), "-o", out],
        ("compare",): [str(DWCP), str(FRAMEWORK), "-o", out],
        ("appraise",): [str(PROPOSAL), "-o", out],
        ("batch",): [str(docs), "-o", out, "--workers", "1", "-q"],
        ("explain",): ["Social protection floors cover all older persons."],
        ("eval",): [str(_gold(folder))],
        ("rules", "list"): [],
        ("rules", "validate"): [],
        ("schema",): [],
    }[path]


def _offered():
    """(command path, option or argument, value): every choice a command's help offers."""
    for path, cmd in _commands(main):
        if hasattr(cmd, "commands"):
            continue
        for param in cmd.params:
            if isinstance(param.type, click.Choice):
                for value in param.type.choices:
                    yield path, param, value


OFFERED = [(path, (p.opts[0] if isinstance(p, click.Option) else None), value)
           for path, p, value in _offered()]


@pytest.mark.parametrize("path,option,value", OFFERED,
                         ids=[f"{' '.join(p)} {o or ''} {v}".replace("  ", " ") for p, o, v in OFFERED])
def test_every_choice_help_offers_is_accepted(tmp_path, path, option, value):
    if value == "dask":
        pytest.importorskip("distributed")
    args = list(path) + ([value] if option is None else []) + _base(path, tmp_path, value)
    if option is not None:
        args += [option, value]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, f"{' '.join(args)}: {result.output}"


def test_every_command_with_choices_is_exercised():
    commands = {path for path, _o, _v in OFFERED}
    assert {("inspect",), ("check",), ("compare",), ("appraise",), ("batch",), ("explain",), ("eval",),
            ("rules", "list"), ("schema",)} <= commands


def test_appraise_one_proposal_to_xlsx(tmp_path):
    import zipfile
    out = tmp_path / "one.xlsx"
    result = CliRunner().invoke(main, ["appraise", str(PROPOSAL), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        sheet = z.read("xl/sharedStrings.xml").decode()
    assert PROPOSAL.name in sheet


@pytest.mark.parametrize("args,says", [
    (["appraise", str(CORPUS / "proposals"), "--format", "md"], "a folder is appraised into a table"),
    (["eval", str(CORPUS), "--documents", "--split", "test"], "--split: for a gold file, not with --documents"),
    (["check", "x.md", "--max-size", "0"], "--max-size"),
    (["batch", str(CORPUS), "-o", "out", "--scheduler", "tcp://x:1"], "--scheduler needs --executor dask"),
])
def test_what_help_does_not_offer_is_refused_in_one_line(args, says):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and says in result.output and "Traceback" not in result.output


def test_appraise_help_says_which_formats_a_folder_takes():
    text = " ".join(run("appraise", "--help").output.split())
    assert "a folder: text, json or xlsx" in text


COMMAND_MODULES = sorted(p.stem for p in (Path(__file__).parents[1] / "src/alignment/commands").glob("*.py")
                         if p.stem != "__init__")


@pytest.mark.parametrize("module", ["alignment.cli_options", "alignment.web.routes"]
                         + [f"alignment.commands.{m}" for m in COMMAND_MODULES])
def test_help_lists_every_command_whatever_is_imported_first(module):
    """Importing a command module before `alignment.cli` once dropped that command from the CLI."""
    code = (f"import {module}\n"
            "from click.testing import CliRunner\n"
            "from alignment.cli import main\n"
            "print(CliRunner().invoke(main, ['--help']).output)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    listed = {line.split()[0] for line in out.split("Commands:", 1)[1].splitlines() if line.strip()}
    assert {"check", "inspect", "explain", "eval", "rules", "schema", *COMMAND_MODULES} <= listed


def test_every_subpackage_ships_in_the_wheel():
    """pyproject.toml lists the packages one by one: a new package (compare/ was one) missing there
    works from the source tree and is absent from the installed tool."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    root = Path(__file__).parents[1]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    src = root / "src"
    found = {".".join(p.parent.relative_to(src).parts) for p in (src / "alignment").rglob("__init__.py")}
    assert found - {"alignment.rules"} <= listed, sorted(found - listed)


def test_a_reader_that_goes_away_stops_the_output_quietly(tmp_path):
    """`alignment rules validate | head -1`: no 'internal error' line when the pipe closes."""
    proc = subprocess.Popen([sys.executable, "-m", "alignment", "rules", "validate"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "internal error" not in err and "Traceback" not in err, err
    assert proc.returncode in (0, 141)

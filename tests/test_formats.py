"""The renderer registry (report/formats.py): one place says which function writes which model in
which format, and the CLI's --format choices and the web app's downloads are exactly its formats."""

import importlib

import pytest

from alignment.appraise.model import Appraisal, AppraisalRow, AppraisalTable
from alignment.cli_options import FORMATS as CHECK_FORMATS
from alignment.commands.appraise import FORMATS as APPRAISE_FORMATS
from alignment.commands.compare import FORMATS as COMPARE_FORMATS
from alignment.report.formats import KINDS, RENDERERS, WRITERS, formats, render, renderer
from alignment.web.routes import FORMATS as WEB_FORMATS


@pytest.mark.parametrize("key", sorted(RENDERERS))
def test_every_registered_model_and_renderer_exists(key):
    module, name = key.split(":")
    assert isinstance(getattr(importlib.import_module(module), name), type)
    for fmt, target in RENDERERS[key].items():
        assert callable(renderer(target)), (key, fmt)


@pytest.mark.parametrize("kind,cli", [("check", CHECK_FORMATS), ("compare", COMPARE_FORMATS),
                                      ("appraise", APPRAISE_FORMATS)])
def test_cli_and_web_offer_exactly_the_registered_formats(kind, cli):
    assert set(WEB_FORMATS[kind]) == set(formats(kind))
    table = set(RENDERERS["alignment.appraise.model:AppraisalTable"]) if kind == "appraise" else set()
    assert set(cli) == set(formats(kind)) | table  # appraise -o x.xlsx: the one-row table


def test_kinds_name_the_models_the_commands_return():
    assert KINDS["appraise"] == f"{Appraisal.__module__}:{Appraisal.__qualname__}"


def test_a_folder_table_renders_as_text_and_json():
    table = AppraisalTable([(AppraisalRow(path="a/bad.pdf", status="error", reason="not a PDF"), None)])
    text = render(table, "text")
    assert "a/bad.pdf" in text and "ERROR: not a PDF" in text and "1 file(s): 0 appraised, 1 error(s)" in text
    assert '"status": "error"' in render(table, "json")


def test_an_unregistered_model_is_a_clear_error():
    with pytest.raises(TypeError, match="no renderer is registered for dict"):
        render({}, "json")


def test_the_batch_summary_is_written_through_the_registry(tmp_path):
    """summary.md and summary.json of a batch are the registry's renderers of `BatchSummary`."""
    import json

    from alignment.batch.run import BatchOptions, run_batch

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text("# Plan\n\nOutcome 1: By 2027, social protection floors cover informal workers.\n")
    out = tmp_path / "out"
    result = run_batch([str(src)], str(out), BatchOptions(workers=1))
    from alignment.batch.aggregate import BatchSummary

    summary = result.summary
    assert isinstance(summary, BatchSummary)
    assert (out / "summary.json").read_text(encoding="utf-8") == render(summary, "json")
    assert json.loads(render(summary, "json"))["documents"] == 1
    assert (out / "summary.md").read_text(encoding="utf-8") == render(summary, "md")
    assert render(summary, "md").startswith("# alignment batch summary")


def test_the_web_offers_each_kind_in_the_registry_formats_with_the_registry_labels():
    """The web app's downloads are the registry's formats of the kind, labelled by `LABELS` (no
    list of its own): a format registered for a command reaches the web app with its label."""
    from alignment.report.formats import LABELS, offered
    from alignment.web.routes import FORMATS

    assert set(FORMATS) == set(KINDS)
    for kind in KINDS:
        assert set(FORMATS[kind]) == set(formats(kind)), kind
        assert FORMATS[kind] == offered(kind) and all(FORMATS[kind][f] == LABELS[f] for f in FORMATS[kind])
    every = {f for table in RENDERERS.values() for f in table}
    assert every <= set(LABELS)  # every registered format has a label


def test_every_file_of_a_batch_is_written_through_the_registry(tmp_path, monkeypatch):
    """The batch's tables (`Table` csv, the writer of `check --format csv` too), workbook (`BatchWorkbook` xlsx, written in a forked
    process: hence the log file), charts (svg) and summary (md, json) are all the registry's
    renderers: no file of the results folder is written around it."""
    from alignment.batch import BatchOptions, run_batch
    from alignment.batch.run import FILES
    from alignment.report import formats as registry

    log = tmp_path / "renderers.log"
    real = registry.renderer

    def recording(target):
        fn = real(target)

        def wrapped(*args):
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"{target}\n")
            return fn(*args)
        return wrapped

    monkeypatch.setattr(registry, "renderer", recording)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Outcome 1: By 2027, social protection floors cover all workers.\n")
    out = tmp_path / "out"
    run_batch(str(folder), str(out), BatchOptions(workers=1))
    used = log.read_text().split()
    assert used.count("tables:write_table_csv") == 3  # documents, findings, errors
    assert set(used) == {"tables:write_table_csv", "alignment.batch.outputs:write_workbook_xlsx",
                         "alignment.batch.charts:render_coverage_svg", "alignment.batch.charts:render_objectives_svg",
                         "alignment.batch.outputs:render_summary_markdown", "alignment.batch.outputs:render_summary_json"}
    assert len(used) == len(FILES)  # one renderer call per file of the folder
    # ... and each one is that of the file's entry in the registry's table of batch files
    assert sorted(used) == sorted((WRITERS.get(registry.BATCH_FILES[f][0]) or RENDERERS[registry.BATCH_FILES[f][0]])
                                  [registry.BATCH_FILES[f][1]] for f in FILES)


def test_the_batch_files_are_one_table_for_the_batch_and_the_web_app(tmp_path):
    """Each file of a results folder is named once (`BATCH_FILES`): the model and format it is
    written from are in the registry, and the web app offers the files, labelled, in that order."""
    from alignment.batch.run import FILES
    from alignment.report.formats import BATCH_FILES
    from alignment.web.batch_child import KEPT
    from alignment.web.batch_view import downloads

    for name, (model, fmt, label) in BATCH_FILES.items():
        assert fmt in (WRITERS.get(model) or RENDERERS[model]), name
        assert name.endswith(f".{fmt}") and label, name
    assert KEPT == tuple(BATCH_FILES) and FILES == [f for f in KEPT if f != "plans.csv"]
    assert list(BATCH_FILES)[-1] == "summary.json"  # written last: it marks a complete run
    for name in ("summary.json", "cache.sqlite", "documents.csv"):
        (tmp_path / name).write_text("x")
    assert downloads(str(tmp_path)) == [("documents.csv", "one row per document", 1),
                                        ("summary.json", "summary (JSON)", 1)]  # the table's order; no cache

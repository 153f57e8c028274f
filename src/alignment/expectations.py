"""`eval --documents`: corpus documents -> a per-document diff against their expected.yaml.

Input: a folder; every `expected.yaml` below it describes the document in the same folder
(all its built forms: .md, .txt, .docx, .pdf). Output: for each form, the fields that differ
(type, language, strength per category, social-partner finding, structural counts).
"""

from __future__ import annotations

import os

import yaml

from .analysis import analyse
from .load import load_document
from .packs import load_pack

FORMS = (".md", ".txt", ".docx", ".pdf")
COUNT_KINDS = {"priorities": "priority", "outcomes": "outcome", "outputs": "output", "indicators": "indicator"}


def _expected_files(root: str) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        if "expected.yaml" in filenames:
            out.append(os.path.join(dirpath, "expected.yaml"))
    return out


def compare_one(path: str, exp: dict, rules_dirs: tuple[str, ...] = ()) -> list[str]:
    doc = load_document(path, rules_dirs=rules_dirs)
    report = analyse(doc, load_pack(doc.language, rules_dirs))
    diffs = []
    if exp.get("type") and exp["type"] != doc.type:
        diffs.append(f"type: expected {exp['type']}, got {doc.type}")
    if exp.get("language") and exp["language"] != doc.language:
        diffs.append(f"language: expected {exp['language']}, got {doc.language}")
    for cat, want in (exp.get("coverage") or {}).items():
        got = report.coverage[cat].strength if cat in report.coverage else "?"
        if got != want:
            diffs.append(f"{cat}: expected {want}, got {got}")
    if exp.get("social_partners") and exp["social_partners"] != report.constituents.social_partners:
        diffs.append(f"social_partners: expected {exp['social_partners']}, got {report.constituents.social_partners}")
    if "civil_society_only" in exp and bool(exp["civil_society_only"]) != report.constituents.civil_society_only:
        diffs.append(f"civil_society_only: expected {exp['civil_society_only']}, got {report.constituents.civil_society_only}")
    counts = report.document.counts
    for name, kind in COUNT_KINDS.items():
        if name in (exp.get("counts") or {}):
            got = counts.get(kind, 0)
            if got != exp["counts"][name]:
                diffs.append(f"{name}: expected {exp['counts'][name]}, got {got}")
    return diffs


def evaluate_documents(root: str, rules_dirs: tuple[str, ...] = ()) -> dict:
    from .errors import AlignmentError

    if not os.path.isdir(root):
        raise AlignmentError(root, "not a folder of corpus documents")
    docs = []
    for exp_path in _expected_files(root):
        folder = os.path.dirname(exp_path)
        stem = os.path.basename(folder)
        with open(exp_path, encoding="utf-8") as fh:
            exp = yaml.safe_load(fh) or {}
        forms = []
        for ext in FORMS:
            p = os.path.join(folder, stem + ext)
            if os.path.exists(p):
                try:
                    diffs = compare_one(p, exp, rules_dirs)
                except AlignmentError as exc:
                    diffs = [f"error: {exc.reason}"]
                forms.append({"path": p, "ok": not diffs, "diffs": diffs})
        docs.append({"document": folder, "forms": forms})
    total = sum(len(d["forms"]) for d in docs)
    ok = sum(f["ok"] for d in docs for f in d["forms"])
    return {"documents": len(docs), "forms": total, "matching": ok, "failed": total - ok, "results": docs}


def render_documents(r: dict) -> str:
    lines = []
    for d in r["results"]:
        for f in d["forms"]:
            lines.append(f"{'ok  ' if f['ok'] else 'DIFF'} {f['path']}")
            lines += [f"       {x}" for x in f["diffs"]]
    lines.append(f"\n{r['documents']} documents, {r['forms']} forms: {r['matching']} match their "
                 f"expectations, {r['failed']} differ")
    return "\n".join(lines) + "\n"

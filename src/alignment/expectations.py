"""`eval --documents`: corpus documents -> a per-document diff against their expected.yaml.

Input: a folder; every `expected.yaml` below it describes the document in the same folder
(all its built forms: .md, .txt, .docx, .pdf). Output: for each form, the fields that differ
(type, language, strength per category, social-partner finding, structural counts, and for
proposals the appraisal verdicts, gender markers and overall verdict). Each form is loaded,
matched and scored by the pipeline's stages, as `check` does (every finding kept).
"""

from __future__ import annotations

import os

import yaml

from .packs import load_pack
from .pipeline import Pipeline

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
    stages = Pipeline.of(rules_dirs=rules_dirs, max_findings=None)
    doc = stages.load(path)
    report = stages.analyse(doc)
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
    if exp.get("appraisal"):
        diffs += appraisal_diffs(doc, report, exp["appraisal"], rules_dirs)
    return diffs


def appraisal_diffs(doc, report, exp: dict, rules_dirs: tuple[str, ...] = ()) -> list[str]:
    """A proposal's `appraisal:` block (criteria verdicts, gender markers, overall) vs `appraise`."""
    from .appraise import appraise_document

    a = appraise_document(doc, load_pack(doc.language, rules_dirs), report)
    got = {c.id: c.verdict for c in a.criteria}
    diffs = [f"appraisal {cid}: expected {want}, got {got.get(cid, '?')}"
             for cid, want in (exp.get("criteria") or {}).items() if got.get(cid) != want]
    for marker, want in (exp.get("gender_marker") or {}).items():
        have = getattr(a.gender_marker, marker, None)
        if have != want:
            diffs.append(f"appraisal gender_marker {marker}: expected {want}, got {have}")
    if exp.get("overall") and exp["overall"] != a.overall:
        diffs.append(f"appraisal overall: expected {exp['overall']}, got {a.overall}")
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
        if exp.get("compare") and forms:
            forms.append(compare_pair_form(forms[0]["path"], exp["compare"], root, rules_dirs))
        docs.append({"document": folder, "forms": forms})
    total = sum(len(d["forms"]) for d in docs)
    ok = sum(f["ok"] for d in docs for f in d["forms"])
    return {"documents": len(docs), "forms": total, "matching": ok, "failed": total - ok, "results": docs}


# --- `compare:` blocks (DWCP documents paired with a framework) ---------------------------------

def compare_diffs(dwcp_path: str, framework_path: str, block: dict, rules_dirs: tuple[str, ...] = ()) -> list[str]:
    """What `alignment compare` gets wrong against a DWCP's `compare:` block (GUIDE.md)."""
    from .compare import compare_files

    result = compare_files(dwcp_path, framework_path, rules_dirs=rules_dirs)
    got = {p.number: p for p in result.priorities}
    diffs = []
    for want in block.get("priorities") or []:
        p = got.get(str(want["priority"]))
        if p is None:
            diffs.append(f"priority {want['priority']}: not found")
            continue
        for field, have in (("verdict", p.verdict), ("topics_kept", sorted(p.topics_kept)),
                            ("topics_lost", sorted(p.topics_lost))):
            exp = want.get(field)
            exp = sorted(exp) if isinstance(exp, list) else exp
            if exp is not None and exp != have:
                diffs.append(f"priority {want['priority']} {field}: expected {exp}, got {have}")
    only = sorted(o.number or "" for o in result.framework_only)
    if "framework_only" in block and sorted(str(x) for x in block["framework_only"] or []) != only:
        diffs.append(f"framework_only: expected {sorted(str(x) for x in block['framework_only'] or [])}, got {only}")
    return diffs


def compare_pair_form(dwcp_path: str, block: dict, root: str, rules_dirs: tuple[str, ...] = ()) -> dict:
    from .errors import AlignmentError

    corpora = root
    while corpora and not os.path.exists(os.path.join(corpora, block["framework"])):
        parent = os.path.dirname(corpora)
        corpora = "" if parent == corpora else parent
    framework = os.path.join(corpora, block["framework"])
    try:
        diffs = compare_diffs(dwcp_path, framework, block, rules_dirs)
    except AlignmentError as exc:
        diffs = [f"error: {exc.reason}"]
    return {"path": f"compare {dwcp_path} {framework}", "ok": not diffs, "diffs": diffs}


def render_documents(r: dict) -> str:
    lines = []
    for d in r["results"]:
        for f in d["forms"]:
            lines.append(f"{'ok  ' if f['ok'] else 'DIFF'} {f['path']}")
            lines += [f"       {x}" for x in f["diffs"]]
    lines.append(f"\n{r['documents']} documents, {r['forms']} forms: {r['matching']} match their "
                 f"expectations, {r['failed']} differ")
    return "\n".join(lines) + "\n"

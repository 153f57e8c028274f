"""Mojibake repair: UTF-8 read as Mac Roman (the UN INFO exports) or as cp1252, in every reader."""

from __future__ import annotations

import pytest

from alignment.repair import repair
from alignment.read import read_document


@pytest.mark.parametrize("damaged, meant", [
    ("UNSDCF 2022 ‚Äì 2026", "UNSDCF 2022 – 2026"),
    ("Plan-cadre de Coop√©ration pour le D√©veloppement", "Plan-cadre de Coopération pour le Développement"),
    ("Viet Nam‚Äôs One Strategic Framework", "Viet Nam’s One Strategic Framework"),
    # real accented letters beside the damage: ftfy leaves it, the Mac Roman round trip does not
    ("Ministère du Travail √† Lom√©", "Ministère du Travail à Lomé"),
    ("Procuradoria Geral da Rep√∫blica", "Procuradoria Geral da República"),
    ("Organizaci√≥n Internacional del Trabajo", "Organización Internacional del Trabajo"),
    ("cafÃ© des employÃ©s", "café des employés"),  # cp1252 mojibake too
])
def test_damage_is_repaired(damaged, meant):
    assert repair(damaged) == (meant, True)


@pytest.mark.parametrize("text", [
    "plain ASCII text", "Ministère de l'Emploi et de la Formation professionnelle",
    "« École » “École” «Ça» — the √2 ≈ 1.41 rule", "Organización Internacional del Trabajo",
])
def test_real_text_is_left_alone(text):
    assert repair(text) == (text, False)


def test_text_reader_repairs_and_warns(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_text("Outcome 1: D√©veloppement des comp√©tences\n\nAppui au Minist√®re du Travail\n",
                 encoding="utf-8")
    raw = read_document(str(f))
    text = "\n".join(b.text for b in raw.blocks)
    assert "Développement des compétences" in text and "Ministère du Travail" in text
    assert "√" not in text
    assert any("repaired" in w for w in raw.warnings)


def test_docx_reader_repairs_cells(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Fortalecimiento de la Organizaci√≥n de Empleadores")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Indicador 1.1"
    t.cell(0, 1).text = "Poblaci√≥n cubierta"
    f = tmp_path / "plan.docx"
    d.save(f)
    raw = read_document(str(f))
    assert any(b.text == "Fortalecimiento de la Organización de Empleadores" for b in raw.blocks)
    rows = [b for b in raw.blocks if b.cells]
    assert rows and rows[0].cells[1] == "Población cubierta"
    assert any("repaired" in w for w in raw.warnings)


def test_clean_file_has_no_repair_warning(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_text("Outcome 1: Développement des compétences\n", encoding="utf-8")
    assert not any("repaired" in w for w in read_document(str(f)).warnings)


@pytest.mark.parametrize("damaged, lang, category", [
    # a gold passage or an `explain` text comes raw from an export: the damage must not hide
    # the apostrophe that makes "employers‚Äô organizations" the social partners
    ("Support to employers‚Äô and workers‚Äô organizations to take part in the UNSDCF process.", "en", "SO4"),
    ("Appui √† la protection sociale des travailleurs de l‚Äô√©conomie informelle.", "fr", "SO3"),
    ("Fortalecer la inspecci√≥n del trabajo en las zonas rurales.", "es", "SO1"),
])
def test_gold_passages_and_explain_texts_are_repaired(damaged, lang, category, tmp_path):
    import json

    from alignment.evaluate import predict, read_gold
    from alignment.explain import explain
    assert category in explain(damaged, language=lang)["counted"]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": damaged, "lang": lang, "labels": [category]}) + "\n",
                    encoding="utf-8")
    assert category in predict(read_gold(str(gold)))[0].predicted

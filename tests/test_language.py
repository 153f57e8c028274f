"""Language detection: function words first, lingua only when they leave the verdict open."""

import pytest

from alignment import language

EN = ("The Cooperation Framework supports the Government and the social partners in extending "
      "social protection to workers in the informal economy, with a focus on women.")
FR = ("Le cadre de coopération appuie le Gouvernement et les partenaires sociaux dans "
      "l'extension de la protection sociale aux travailleurs de l'économie informelle.")
ES = ("El Marco de Cooperación apoya al Gobierno y a los interlocutores sociales en la "
      "extensión de la protección social a los trabajadores de la economía informal.")


@pytest.fixture
def lingua_calls(monkeypatch):
    calls = []
    real = language._by_lingua

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(language, "_by_lingua", counting)
    return calls


@pytest.mark.parametrize("text,code", [(EN, "en"), (FR, "fr"), (ES, "es")])
def test_prose_is_decided_by_function_words(text, code, lingua_calls):
    ev = language.detect([text] * 5)
    assert ev.value == code and ev.confidence == 1.0 and not lingua_calls


def test_mixed_document_is_reported(lingua_calls):
    ev = language.detect([EN] * 5 + [FR] * 4)
    assert ev.value == "en" and ev.confidence < 0.8 and "mixed-language document" in ev.reasons


def test_undecided_chunks_go_to_lingua_when_they_could_matter(lingua_calls):
    headings = ["Organización Internacional: programa país 2025", "Trabajo decente,"
                " crecimiento económico inclusivo: Valdoria"]
    ev = language.detect(headings)
    assert ev.value == "es" and len(lingua_calls) == 2
    lingua_calls.clear()
    ev = language.detect([ES] * 20 + headings[:1])
    assert ev.value == "es" and not lingua_calls
    assert any("without enough function words" in r for r in ev.reasons)


def test_a_short_title_is_decided_by_its_function_words(lingua_calls):
    # Lingua is unreliable on a handful of words (it called this one French); one language's
    # function words alone decide a short line.
    assert language.detect_text("SOI 1 PE: Climate Change and environment") == "en"
    assert language.detect_text("Appui à la digitalisation des collectivités territoriales") == "fr"
    assert not lingua_calls

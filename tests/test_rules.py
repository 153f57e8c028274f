"""The rule engine on single sentences: categories, rule ids, modifiers (a table per behaviour)."""

import pytest

from alignment.errors import RulePackError
from alignment.match import match_texts
from alignment.packs import validate_dir

CASES = [
    # (text, category, rule id that must fire, topic)
    ("By 2028, social protection floors cover informal economy workers.", "SO3", "so3.ss", "SO3.SS"),
    ("Labour inspectorates are strengthened to enforce occupational safety and health rules.", "SO3", "so3.osh", "SO3.OSH"),
    ("The Government ratifies the Worst Forms of Child Labour Convention, 1999 (No. 182).", "CC-ILS", "ils.cite.C182", None),
    ("The Government ratifies the Worst Forms of Child Labour Convention, 1999 (No. 182).", "SO1", "ils.topic.C182", "SO1.CL"),
    ("Ratification of C.087 and C98 is promoted.", "CC-ILS", "ils.cite.C087", None),
    ("Youth employment programmes reduce the NEET rate.", "SO2", "so2.youth", "SO2.YOUTH"),
    ("Labor market information systems are modernized.", "SO2", "so2.lmi", "SO2.LMI"),
    ("The national labour advisory council meets quarterly.", "SO4", "so4.tri", "SO4.TRI"),
    ("The capacity of trade unions to organise informal workers is strengthened.", "SO4", "so4.wo", "SO4.WO"),
    ("The capacity of trade unions to organise informal workers is strengthened.", "CAPDEV", "capdev.capacity-of-constituent", None),
    ("Women-owned enterprises receive business development services.", "CC-GEN", "gen.core", None),
    ("Green jobs in renewable energy are created through a just transition.", "CC-ENV", "env.core", None),
    ("Policies are adopted in consultation with employers' and workers' organizations.", "CC-SD", "sd.taking-part", None),
    ("The Kandara Federation of Employers signed the youth employment framework.", "CC-SD", "sd.named.org", None),
]


@pytest.mark.parametrize("text,category,rule_id,topic", CASES)
def test_rule_fires(engine_en, text, category, rule_id, topic):
    found = match_texts(engine_en, [text])
    hits = [f for f in found if f.category == category and f.rule_id == rule_id]
    assert hits, [(f.category, f.rule_id) for f in found]
    assert hits[0].trigger and hits[0].trigger in text
    if topic:
        assert hits[0].topic == topic


NOT_EVIDENCE = [
    ("The UNCT agreed a clear division of labour among agencies.", "SO2"),
    ("Child protection services are extended to all districts.", "SO3"),
    ("The Employment Toolkit was presented at the launch event.", "SO2"),
    ("The enabling environment for resource mobilization is improved.", "CC-ENV"),
    ("Policy dialogue with development partners continues through the donor group.", "CC-SD"),
    ("The capacity of UN staff in results-based management is strengthened.", "CAPDEV"),
]


@pytest.mark.parametrize("text,category", NOT_EVIDENCE)
def test_hard_negatives(engine_en, text, category):
    found = match_texts(engine_en, [text])
    assert not [f for f in found if f.category == category and not f.negated]


MODIFIERS = [
    # (text, category, modifier expected on it, modifier that must not be there)
    ("The programme does not address social protection.", "SO3", "negated", None),
    ("Gender equality is outside the scope of this project.", "CC-GEN", "negated", None),
    ("No provision is made for the social partners' participation.", "CC-SD", "negated", None),
    ("There is no unemployment insurance scheme in the country.", "SO3", "problem", "negated"),
    ("Social dialogue remains weak.", "SO4", "problem", "negated"),
    ("The UN could consider supporting a social protection diagnostic, subject to funding.", "SO3", "hedged", "negated"),
    ("The previous UNDAF supported the labour law reform.", "SO1", "historical", "negated"),
    ("If the labour code is adopted, labour inspection will be expanded.", "SO1", "hypothetical", None),
    ("The programme addresses not only child labour but also forced labour.", "SO1", None, "negated"),
]


@pytest.mark.parametrize("text,category,present,absent", MODIFIERS)
def test_context_modifiers(engine_en, text, category, present, absent):
    found = [f for f in match_texts(engine_en, [text]) if f.category == category]
    assert found
    mods = {m.modifier for f in found for m in f.modifiers}
    if present:
        assert present in mods
        hit = next(m for f in found for m in f.modifiers if m.modifier == present)
        assert hit.cue and hit.rule_id
    if absent:
        assert absent not in mods


def test_fuzzy_title_damaged_by_pdf(engine_en):
    text = "Support the application of the Worst Forms of Chi ld Labour Conven tion in agriculture."
    found = match_texts(engine_en, [text])
    assert any(f.kind == "fuzzy" and f.category == "CC-ILS" for f in found)


def test_spelling_variants_both_ways(engine_en):
    for text in ("The labor market information system is modernized.",
                 "The labour market information system is modernised.",
                 "The national employment program supports formalization of enterprises.",
                 "The national employment programme supports formalisation of enterprises."):
        assert any(f.category == "SO2" for f in match_texts(engine_en, [text])), text


def test_spanish_de_and_del_both_ways():
    """A Spanish pack phrase written with "de" also finds "del" and the other way round, one place
    at a time ("condiciones del trabajo", "ministerio de trabajo"); French phrases keep their
    forms, so an accentless plural ("chaines de valeurs") still matches."""
    from alignment.match import get_engine
    from alignment.packs import load_pack
    from alignment.variants import spelling_variants
    assert spelling_variants("condiciones de trabajo", "es") >= {"condiciones de trabajo", "condiciones del trabajo"}
    assert "ministerio de trabajo" in spelling_variants("ministerio del trabajo", "es")
    assert spelling_variants("chaînes de valeur", "fr") == {"chaînes de valeur", "chaines de valeur"}
    engine = get_engine(load_pack("es"))
    for text in ("Mejorar las condiciones del trabajo en la cadena del algodón.",
                 "Mejorar las condiciones de trabajo en la cadena del algodón."):
        assert any(f.category == "SO3" for f in match_texts(engine, [text])), text
    french = match_texts(get_engine(load_pack("fr")), ["Le développement des chaines de valeurs durables pour les producteurs."])
    assert any(f.category == "SO2" for f in french)


def test_plural_possessive_without_apostrophe(engine_en):
    """"employers organizations" is the pack's "employers' organizations" without the apostrophe
    (a third of the social partners' names in the shared work plans): the same phrase, for the
    participation rules too."""
    from alignment.variants import spelling_variants
    assert "employers and workers organizations" in spelling_variants("employers' and workers' organizations", "en")
    assert spelling_variants("l'emploi", "fr") == {"l'emploi"}
    found = match_texts(engine_en, ["Workers organizations and employers organisations took part in the design of the policy."])
    assert {"SO4", "CC-SD"} <= {f.category for f in found}


def test_broken_packs_report_every_problem_with_file_line_and_rule(tmp_path):
    import pathlib
    folder = pathlib.Path(__file__).parent / "broken_packs"
    parsed, problems = validate_dir(folder)
    text = "\n".join(problems)
    assert "bad_category.yaml:3" in text and "broken.category" in text and "unknown category" in text
    assert "two_kinds.yaml" in text and "exactly one of" in text
    assert "bad_regex.yaml" in text and "bad regular expression" in text
    assert "broken.context" in text  # the second problem of the same file is reported too
    assert "unknown_key.yaml" in text and "weigth" in text
    assert len(problems) >= 5


def test_user_pack_overrides_and_extends(tmp_path):
    from alignment.match import get_engine
    from alignment.packs import load_pack
    (tmp_path / "extra.yaml").write_text(
        "pack: {name: office-extra, version: 0.1.0, period: 2024-25}\n"
        "rules:\n  - id: office.cocoa\n    category: SO2\n    topic: SO2.RURAL\n    phrases: [cocoa farm labour]\n")
    pack = load_pack("en", (str(tmp_path),))
    assert "office-extra@0.1.0" in pack.version
    found = match_texts(get_engine(pack), ["Cocoa farm labour is seasonal."])
    assert any(f.rule_id == "office.cocoa" for f in found)


def test_user_token_pattern_gets_the_lexical_attributes_it_tests(tmp_path):
    """The default pipeline computes only the attributes the default packs test; a user's
    token pattern on LIKE_NUM must still see it."""
    from alignment.match import get_engine
    from alignment.packs import load_pack
    (tmp_path / "extra.yaml").write_text(
        "pack: {name: office-numbers, version: 0.1.0, period: 2024-25}\n"
        "rules:\n  - id: office.inspectors-count\n    category: SO1\n    topic: SO1.ILS\n"
        "    pattern:\n      - [{LIKE_NUM: true}, {LOWER: new}, {LOWER: labour}, {LOWER: inspectors}]\n"
        "    anchors: [labour inspectors]\n")
    pack = load_pack("en", (str(tmp_path),))
    found = match_texts(get_engine(pack), ["By 2027, forty new labour inspectors are recruited.",
                                           "By 2027, several new labour inspectors are recruited."])
    hits = [f.paragraph for f in found if f.rule_id == "office.inspectors-count"]
    assert hits == [0]


def test_bad_user_pack_raises(tmp_path):
    (tmp_path / "bad.yaml").write_text("rules:\n  - id: x\n    category: SO2\n")
    from alignment.packs import load_pack
    with pytest.raises(RulePackError) as exc:
        load_pack("en", (str(tmp_path),))
    assert "bad.yaml" in exc.value.problems[0]


def test_token_pattern_rule_behind_its_anchor(engine_en):
    text = ("The project will strengthen over three years the institutional and technical capacity "
            "of the national employers' organization and its sectoral members.")
    found = match_texts(engine_en, [text])
    hit = [f for f in found if f.rule_id == "so4.eo.strengthen-pattern"]
    assert hit and hit[0].kind == "pattern" and hit[0].topic == "SO4.EO"
    # Without the anchor (an employers' organization) the pattern is not tried.
    assert not [f for f in match_texts(engine_en, ["We strengthen the capacity of farmers."])
                if f.rule_id == "so4.eo.strengthen-pattern"]


def test_spacy_component_adds_spans():
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("alignment")
    doc = nlp("By 2027, social protection floors cover informal economy workers.")
    spans = doc.spans["alignment"]
    assert any(s.label_ == "SO3" and s.id_ == "so3.ss" for s in spans)
    assert doc.user_data["alignment"] and doc.user_data["alignment"][0].rule_id


def test_python_api():
    import alignment
    report = alignment.check("corpora/frameworks/ubeku-unsdcf/ubeku-unsdcf.md")
    assert report.coverage["SO2"].strength == "committed"
    assert report.constituents.social_partners == "generic"


def test_spacy_is_imported_on_first_use_without_its_cli_and_the_cli_still_works():
    import subprocess
    import sys

    code = ("import sys; import alignment.match, alignment.analysis, alignment.cli; "
            "print('spacy' in sys.modules); "
            "from alignment.nlp import get_nlp; get_nlp('en'); "
            "print('spacy' in sys.modules, 'typer' in sys.modules, 'spacy.cli' in sys.modules); "
            "import spacy, spacy.cli; print(type(spacy.info(markdown=False)).__name__, "
            "spacy.cli.__file__.endswith('__init__.py'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True", "False", "False", "dict", "True"]


BROKEN = [
    # (file:line, text the problem must hold): every problem, at its own line
    ("dup_in_one_file.yaml:6", "rule broken.twice: id already used at {folder}/dup_in_one_file.yaml:3"),
    ("dup_across_b.yaml:4", "context rule broken.shared-cue: id already used at {folder}/dup_across_a.yaml:3"),
    ("bad_category_and_topic.yaml:5", "unknown category 'SO9'"),
    ("bad_category_and_topic.yaml:6", "topic SO3.NOSUCH is not in the taxonomy"),
    ("bad_category_and_topic.yaml:4", "exactly one of phrases, pattern, regex or fuzzy"),
    ("bad_token_pattern.yaml:8", "rule broken.pattern: pattern 1: token 2: LOWR: not a token attribute spaCy knows"),
    ("bad_token_pattern.yaml:9", "rule broken.pattern: pattern 2: token 1: LOWER: invalid value 3"),
    ("bad_appraisal_checklist.yaml:11", "appraisal criterion gender: unknown check gender_horoscope"),
    ("bad_appraisal_checklist.yaml:18", "gender_marker checklist: unknown check gender_astrology"),
]


@pytest.fixture(scope="module")
def broken_validate():
    import pathlib
    folder = pathlib.Path(__file__).parent / "broken_packs"
    from click.testing import CliRunner
    from alignment.cli import main
    res = CliRunner().invoke(main, ["rules", "validate", str(folder)])
    return folder, res


@pytest.mark.parametrize("where,says", BROKEN)
def test_rules_validate_reports_each_problem_at_its_line(broken_validate, where, says):
    folder, res = broken_validate
    assert res.exit_code == 2 and "Traceback" not in res.output
    expected = f"alignment: {folder}/{where}: "
    lines = [line for line in res.output.splitlines() if line.startswith(expected)]
    assert any(says.format(folder=folder) in line for line in lines), res.output


@pytest.mark.parametrize("first,second", [
    ("rules:\n  - {id: office.x, category: SO2, phrases: [jobs]}\n  - {id: office.x, category: SO2, phrases: [work]}\n", None),
    ("rules:\n  - {id: office.x, category: SO2, phrases: [jobs]}\n", "rules:\n  - {id: office.x, category: SO2, phrases: [work]}\n"),
])
def test_duplicate_user_ids_stop_the_check_with_file_and_line(tmp_path, first, second):
    from click.testing import CliRunner
    from alignment.cli import main
    (tmp_path / "a.yaml").write_text(first)
    if second:
        (tmp_path / "b.yaml").write_text(second)
    doc = tmp_path / "plan.txt"
    doc.write_text("Decent jobs for young people.\n")
    res = CliRunner().invoke(main, ["check", str(doc), "--rules", str(tmp_path)])
    assert res.exit_code == 2
    where = f"{tmp_path}/b.yaml:2" if second else f"{tmp_path}/a.yaml:3"
    assert f"{where}: rule office.x: id already used at {tmp_path}/a.yaml:2" in res.output


def _check_with_user_pack(tmp_path, name: str, pack_text: str, doc_text: str):
    """`alignment check` of a one-line document with a user rule file `name` in tmp_path."""
    from click.testing import CliRunner
    from alignment.cli import main
    (tmp_path / name).write_text(pack_text)
    doc = tmp_path / "plan.txt"
    doc.write_text(doc_text)
    return CliRunner().invoke(main, ["check", str(doc), "--rules", str(tmp_path)])


def test_a_key_given_twice_in_a_rule_stops_the_check_with_file_and_line(tmp_path):
    """YAML keeps the last of two equal keys: a second `unless:` would drop the first list
    without a word, so the pack is refused with the line of the second."""
    res = _check_with_user_pack(tmp_path, "d.yaml", "rules:\n  - id: office.d\n    category: SO2\n    phrases: [jobs]\n"
                                "    unless: [jobs board]\n    unless: [jobs fair]\n", "Decent jobs for young people.\n")
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert f"{tmp_path}/d.yaml:6: not valid YAML (key 'unless' given twice in one mapping (first at line 5)" in res.output


def test_a_bad_user_token_pattern_is_a_pack_error_not_an_internal_one(tmp_path):
    res = _check_with_user_pack(tmp_path, "p.yaml", "rules:\n  - id: office.p\n    category: SO3\n    anchors: [safety]\n"
                                "    pattern:\n      - [{LOWR: safety}]\n", "Occupational safety for all.\n")
    assert res.exit_code == 2 and "internal error" not in res.output
    assert f"{tmp_path}/p.yaml:6: rule office.p: pattern 1: token 1: LOWR" in res.output


def test_a_user_rule_may_still_override_a_shipped_id(tmp_path):
    from alignment.packs import load_pack
    (tmp_path / "o.yaml").write_text("rules:\n  - {id: so3.osh, category: SO3, topic: SO3.OSH, phrases: [safe work]}\n")
    pack = load_pack("en", (str(tmp_path),))
    assert [r.phrases for r in pack.content.rules if r.id == "so3.osh"] == [["safe work"]]


def test_a_word_given_twice_in_a_rule_list_is_reported_at_its_line():
    from alignment.pack_checks import repeated_entries
    from alignment.packs import parse_file
    text = "rules:\n  - id: office.r\n    category: SO2\n    phrases: [jobs, work]\n    unless: [job board, job fair, job board]\n"
    parsed, errors = parse_file("r.yaml", text)
    assert errors == []
    assert repeated_entries([parsed]) == ["r.yaml:5: rule office.r: unless: 'job board' given twice"]


def test_a_word_list_may_join_named_lists(tmp_path):
    """YAML cannot join two anchored lists; a word list may hold lists (at any depth), read as one
    list in order, and a word repeated across them is still reported."""
    from alignment.pack_checks import repeated_entries
    from alignment.packs import load_pack, parse_file
    text = ("rules:\n  - id: office.a\n    category: SO4\n    phrases: [unions]\n"
            "    without_any: [&vetoes [strike, arrest], &company [the company]]\n"
            "  - id: office.b\n    category: SO4\n    phrases: [union leaders]\n    without_any: [*vetoes, [*company], strike]\n")
    parsed, errors = parse_file("j.yaml", text)
    assert errors == []
    assert repeated_entries([parsed]) == ["j.yaml:9: rule office.b: without_any: 'strike' given twice"]
    (tmp_path / "j.yaml").write_text(text.replace(", strike]", "]"))
    rules = {r.id: r for r in load_pack("en", (str(tmp_path),)).content.rules}
    assert rules["office.a"].without_any == ["strike", "arrest", "the company"] == rules["office.b"].without_any


def test_a_rule_may_use_the_words_of_a_rule_in_another_file(tmp_path):
    """`with_any_from` borrows the with_any words of rules of the merged pack (the acronym stance rule
    of rules/common uses the stance verbs of each language's sd.position); a name no rule has, or a
    chain, is refused with its line."""
    from alignment.errors import RulePackError
    from alignment.packs import load_pack
    (tmp_path / "b.yaml").write_text("rules:\n  - id: office.b\n    category: SO4\n    regex: 'ZTUC'\n"
                                     "    case_sensitive: true\n    with_any_from: [sd.position]\n    window: 15\n")
    rules = {r.id: r for r in load_pack("en", (str(tmp_path),)).content.rules}
    assert set(rules["sd.position"].with_any) <= set(rules["office.b"].with_any)
    assert "urged" in rules["sd.position.named"].with_any and "exigen" not in rules["sd.position.named"].with_any
    assert "exigen" in {r.id: r for r in load_pack("es").content.rules}["sd.position.named"].with_any
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "b.yaml").write_text("rules:\n  - id: office.b\n    category: SO4\n    regex: 'ZTUC'\n"
                                "    with_any_from: [no.such.rule]\n  - id: office.c\n    category: SO4\n"
                                "    regex: 'ZCTU'\n    with_any_from: [office.b]\n")
    with pytest.raises(RulePackError) as err:
        load_pack("en", (str(bad),))
    assert any("office.b: with_any_from names no rule of the pack (no.such.rule)" in p for p in err.value.problems)
    assert any("office.c: with_any_from names a rule that borrows its words in turn (office.b)" in p
               for p in err.value.problems)


def test_shipped_packs_validate():
    from click.testing import CliRunner
    from alignment.cli import main
    res = CliRunner().invoke(main, ["rules", "validate"])
    assert res.exit_code == 0, res.output
    assert [line.split(":")[0] for line in res.output.splitlines()] == ["en", "fr", "es"]


def test_a_regex_rule_keeps_its_co_occurrence_condition():
    """`with_any` binds a regex rule as it binds a phrase rule: a regex match with no co-occurring
    word in the window is no finding (it had been kept without a word)."""
    from alignment.match import get_engine, match_texts
    from alignment.packs import load_pack
    engine = get_engine(load_pack("en"))
    with_children = match_texts(engine, ["Many children perform hazardous agricultural work on cocoa farms."])
    adults = match_texts(engine, ["Adults perform hazardous agricultural work on cocoa farms."])
    assert [f.rule_id for f in with_children if f.category == "SO1"] == ["so1.cl.hazardous.split"]
    assert not [f for f in adults if f.category == "SO1"]


def test_a_co_occurring_word_inside_a_with_unless_phrase_is_no_cue():
    """'membres' is a cue of the organizations' own membership, not inside 'États membres'."""
    from alignment.match import get_engine, match_texts
    from alignment.packs import load_pack
    engine = get_engine(load_pack("fr"))
    member_states = match_texts(engine, ["Les conclusions ont été adoptées par les gouvernements et les organisations "
                                         "d'employeurs et de travailleurs des 185 États membres de l'OIT."])
    members = match_texts(engine, ["Les organisations d'employeurs offrent de nouveaux services à leurs membres."])
    assert not [f for f in member_states if f.category == "SO4"]
    assert [f for f in members if f.category == "SO4"]

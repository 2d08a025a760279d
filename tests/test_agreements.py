"""Agreement counts: number and qualifier parsing, object kinds, non-counts, holder, counterparty.

Pure functions run without a model; sentence-level cases need the parse and carry the ``model``
marker. Every sentence here is our own; the seed release is checked end to end at the bottom.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc, Span

from pipeline.components.agreements import (
    AGREEMENT_LABEL,
    LABELS,
    NUMBERS_FILE,
    OBJECTS_FILE,
    PATTERNS_FILE,
    QUANTITY_LABEL,
    Lexicons,
    expand_macros,
    find_qualifier,
    parse_number,
    parse_qualifier,
)
from pipeline.errors import RuleFileError
from pipeline.rules import RuleLine, load_patterns

RULES = Path(__file__).resolve().parents[1] / "rules"
RULE_LINES = load_patterns(RULES / PATTERNS_FILE, LABELS)


def _text(doc: Doc, offsets: tuple[int, int] | None) -> str | None:
    return None if offsets is None else doc.text[offsets[0] : offsets[1]]


def _only_agreement(doc: Doc) -> Span:
    spans = list(doc.spans["agreements"])
    assert len(spans) == 1, [s.text for s in spans]
    return spans[0]


# --------------------------------------------------------------------------------------------
# Pure functions (no model)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("7", 7, id="digits"),
        pytest.param("1,000", 1000, id="thousands_separator"),
        pytest.param("12,500,000", 12500000, id="two_separators"),
        pytest.param("three", 3, id="word"),
        pytest.param("Eleven", 11, id="word_capitalised"),
        pytest.param("forty", 40, id="tens_word"),
        pytest.param("twenty-five", 25, id="hyphenated"),
        pytest.param("twenty - five", 25, id="hyphenated_as_tokens"),
        pytest.param("twenty five", 25, id="tens_and_unit_spaced"),
        pytest.param("a dozen", 12, id="a_dozen"),
        pytest.param("two dozen", 24, id="two_dozen"),
        pytest.param("a hundred", 100, id="a_hundred"),
        pytest.param("one hundred and twenty", 120, id="hundred_and_tens"),
        pytest.param("three thousand two hundred", 3200, id="thousand_and_hundreds"),
        pytest.param("3 million", 3000000, id="digits_and_scale"),
    ],
)
def test_parse_number(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("first", id="ordinal_word"),
        pytest.param("1st", id="ordinal_digits"),
        pytest.param("dozens", id="dozens_plural"),
        pytest.param("hundreds", id="hundreds_plural"),
        pytest.param("2.5", id="decimal"),
        pytest.param("1,5", id="decimal_comma"),
        pytest.param("10,00", id="bad_grouping"),
        pytest.param("a", id="article_alone"),
        pytest.param("twenty-", id="dangling_hyphen"),
        pytest.param("two three", id="two_units"),
        pytest.param("several", id="vague_word"),
        pytest.param("", id="empty"),
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("more than", "more_than", id="more_than"),
        pytest.param("over", "more_than", id="over"),
        pytest.param("above", "more_than", id="above"),
        pytest.param("upwards of", "more_than", id="upwards_of"),
        pytest.param("well over", "more_than", id="longest_suffix_over"),
        pytest.param("nearly", "about", id="nearly_is_approximate"),
        pytest.param("almost", "about", id="almost_is_approximate"),
        pytest.param("close to", "about", id="close_to"),
        pytest.param("around", "about", id="around"),
        pytest.param("about", "about", id="about"),
        pytest.param("approximately", "about", id="approximately"),
        pytest.param("some", "about", id="some"),
        pytest.param("roughly", "about", id="roughly"),
        pytest.param("under", "less_than", id="under"),
        pytest.param("fewer than", "less_than", id="fewer_than"),
        pytest.param("less than", "less_than", id="less_than"),
        pytest.param("at least", "at_least", id="at_least"),
        pytest.param("no fewer than", "at_least", id="no_fewer_than_beats_fewer_than"),
        pytest.param("up to", "up_to", id="up_to"),
        pytest.param("no more than", "up_to", id="no_more_than_beats_more_than"),
        pytest.param("a total of", "exact", id="a_total_of"),
        pytest.param("More Than", "more_than", id="case_insensitive"),
        pytest.param("the university has", "exact", id="no_qualifier"),
        pytest.param("", "exact", id="empty"),
    ],
)
def test_parse_qualifier(text: str, expected: str) -> None:
    assert parse_qualifier(text) == expected


def test_find_qualifier_reports_phrase_length() -> None:
    assert find_qualifier(["has", "signed", "no", "fewer", "than"]) == ("at_least", 3)


def test_unknown_macro_names_file_rule_and_list() -> None:
    rule = RuleLine(id="agreement.test.1", label=AGREEMENT_LABEL, pattern=[{"LOWER": {"IN": "@x"}}])
    with pytest.raises(RuleFileError, match=r"agreements\.jsonl: agreement\.test\.1: .*'@x'"):
        expand_macros(rule, {"object_heads": ["agreement"]}, Path("agreements.jsonl"))


def test_lexicon_error_names_file_and_field(tmp_path: Path) -> None:
    numbers = json.loads((RULES / NUMBERS_FILE).read_text(encoding="utf-8"))
    numbers["qualifiers"]["beyond"] = "way_more"
    (tmp_path / NUMBERS_FILE).write_text(json.dumps(numbers), encoding="utf-8")
    (tmp_path / OBJECTS_FILE).write_text(
        (RULES / OBJECTS_FILE).read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(RuleFileError, match=r"numbers\.json: qualifiers\.beyond: "):
        Lexicons.load(tmp_path)


def test_ellipsis_lexicon_error_names_field(tmp_path: Path) -> None:
    objects = json.loads((RULES / OBJECTS_FILE).read_text(encoding="utf-8"))
    objects["ellipsis"]["min_count"] = -1
    (tmp_path / OBJECTS_FILE).write_text(json.dumps(objects), encoding="utf-8")
    (tmp_path / NUMBERS_FILE).write_text(
        (RULES / NUMBERS_FILE).read_text(encoding="utf-8"), encoding="utf-8"
    )
    with pytest.raises(RuleFileError, match=r"agreement_objects\.json: ellipsis\.min_count: "):
        Lexicons.load(tmp_path)


@pytest.mark.parametrize(
    ("macro", "member"),
    [
        pytest.param("counterparty_prepositions", "with", id="counterparty_prepositions"),
        pytest.param("anaphors", "them", id="anaphors"),
        pytest.param("elliptical_heads", "more", id="elliptical_heads"),
        pytest.param("subset_markers", "including", id="subset_markers"),
        pytest.param("qualifier_words", "least", id="qualifier_words"),
    ],
)
def test_ellipsis_macros(macro: str, member: str) -> None:
    assert member in Lexicons.load(RULES).macros()[macro]


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULE_LINES])
def test_rule_has_example(rule: RuleLine) -> None:
    assert rule.example, f"{rule.id} needs an example sentence"


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULE_LINES])
def test_example_matches_own_pattern(blank_nlp, rule: RuleLine) -> None:
    matcher = blank_nlp.get_pipe("uninews_agreements").matcher
    doc = blank_nlp.make_doc(rule.example)
    assert rule.id in {blank_nlp.vocab.strings[m] for m, _, _ in matcher(doc)}


def test_blank_pipeline_counts_without_parse(blank_nlp) -> None:
    doc = blank_nlp("The clinic keeps at least 9 joint laboratories and 300 students.")
    span = _only_agreement(doc)
    assert (span.text, span._.count, span._.qualifier) == (
        "at least 9 joint laboratories",
        9,
        "at_least",
    )
    # Without a parse nothing says who holds them, and open-class quantities are left out.
    assert span._.holder_span is None
    assert list(doc.spans["quantities"]) == []


def test_blank_pipeline_leaves_out_counts_without_a_noun(blank_nlp) -> None:
    # What "3 with partners" counts is only known from the parse.
    doc = blank_nlp("The clinic keeps 9 joint laboratories, 3 with partners in Riga.")
    assert [s.text for s in doc.spans["agreements"]] == ["9 joint laboratories"]


# --------------------------------------------------------------------------------------------
# Sentences (model)
# --------------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULE_LINES])
def test_example_fires_own_rule_end_to_end(nlp, rule: RuleLine) -> None:
    doc = nlp(rule.example)
    fired = {s.id_ for key in ("agreements", "quantities") for s in doc.spans[key]}
    assert rule.id in fired


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "text", "count"),
    [
        pytest.param("The lab has signed 8 agreements.", "8 agreements", 8, id="digits"),
        pytest.param(
            "The alliance counts 1,350 cooperation agreements.",
            "1,350 cooperation agreements",
            1350,
            id="thousands_separator",
        ),
        pytest.param("Kazan University signed nine agreements.", "nine agreements", 9, id="word"),
        pytest.param(
            "The network now runs twenty-four exchange programmes.",
            "twenty-four exchange programmes",
            24,
            id="hyphenated_word",
        ),
        pytest.param(
            "The rector signed a dozen memoranda in Harbin.", "a dozen memoranda", 12, id="a_dozen"
        ),
        pytest.param(
            "The foundation supports a hundred and ten joint projects.",
            "a hundred and ten joint projects",
            110,
            id="a_hundred_and_ten",
        ),
        pytest.param(
            "Fifteen partnerships were renewed this year.",
            "Fifteen partnerships",
            15,
            id="sentence_initial_word",
        ),
        pytest.param(
            "These two 5-year bilateral agreements will run until 2030.",
            "two 5-year bilateral agreements",
            2,
            id="count_before_a_duration",
        ),
        pytest.param(
            "Hill College signed three 10 year contracts in Oslo.",
            "three 10 year contracts",
            3,
            id="count_before_an_unhyphenated_duration",
        ),
    ],
)
def test_numbers(nlp, sentence: str, text: str, count: int) -> None:
    span = _only_agreement(nlp(sentence))
    assert (span.text, span._.count, span._.qualifier) == (text, count, "exact")


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "text", "count", "qualifier"),
    [
        pytest.param(
            "The academy has more than 40 agreements.",
            "more than 40 agreements",
            40,
            "more_than",
            id="more_than",
        ),
        pytest.param(
            "The faculty has signed over a dozen contracts.",
            "over a dozen contracts",
            12,
            "more_than",
            id="over_a_dozen",
        ),
        pytest.param(
            "The school holds upwards of 30 partnerships.",
            "upwards of 30 partnerships",
            30,
            "more_than",
            id="upwards_of",
        ),
        pytest.param(
            "The institute has nearly 100 MoUs.", "nearly 100 MoUs", 100, "about", id="nearly"
        ),
        pytest.param(
            "The university maintains almost 70 agreements.",
            "almost 70 agreements",
            70,
            "about",
            id="almost",
        ),
        pytest.param(
            "The campus manages some 25 joint projects.",
            "some 25 joint projects",
            25,
            "about",
            id="some",
        ),
        pytest.param(
            "The faculty runs under 10 exchange programs.",
            "under 10 exchange programs",
            10,
            "less_than",
            id="under",
        ),
        pytest.param(
            "The academy signed fewer than 5 treaties.",
            "fewer than 5 treaties",
            5,
            "less_than",
            id="fewer_than",
        ),
        pytest.param(
            "The university has at least 6 joint laboratories.",
            "at least 6 joint laboratories",
            6,
            "at_least",
            id="at_least",
        ),
        pytest.param(
            "The institute has concluded no fewer than 11 contracts.",
            "no fewer than 11 contracts",
            11,
            "at_least",
            id="no_fewer_than",
        ),
        pytest.param(
            "The new fund will finance up to 20 projects.",
            "up to 20 projects",
            20,
            "up_to",
            id="up_to",
        ),
        pytest.param(
            "The university signed a total of 14 agreements.",
            "a total of 14 agreements",
            14,
            "exact",
            id="a_total_of",
        ),
    ],
)
def test_qualifiers(nlp, sentence: str, text: str, count: int, qualifier: str) -> None:
    span = _only_agreement(nlp(sentence))
    assert (span.text, span._.count, span._.qualifier) == (text, count, qualifier)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "obj"),
    [
        pytest.param("The academy has 9 active agreements.", "active agreements", id="agreement"),
        pytest.param("The rector signed 4 memoranda.", "memoranda", id="memorandum"),
        pytest.param("The faculty signed 3 new MoUs.", "new MoUs", id="mou"),
        pytest.param(
            "The university signed 6 research contracts.", "research contracts", id="contract"
        ),
        pytest.param(
            "The institute has 5 strategic partnerships.",
            "strategic partnerships",
            id="partnership",
        ),
        pytest.param(
            "The two states ratified 2 bilateral treaties.", "bilateral treaties", id="treaty"
        ),
        pytest.param(
            "The centre runs 7 international projects.", "international projects", id="project"
        ),
        pytest.param(
            "The university opened 3 joint institutes.", "joint institutes", id="joint_institute"
        ),
        pytest.param(
            "The faculty hosts 2 joint research centres.",
            "joint research centres",
            id="joint_centre",
        ),
        pytest.param(
            "The university created 2 joint centers.",
            "joint centers",
            id="joint_center_us_spelling",
        ),
        pytest.param("The partners opened 4 joint schools.", "joint schools", id="joint_school"),
        pytest.param(
            "The university has 8 joint laboratories.", "joint laboratories", id="joint_laboratory"
        ),
        pytest.param(
            "The faculty offers 5 double-degree programmes.",
            "double-degree programmes",
            id="double_degree_programme",
        ),
        pytest.param(
            "The office runs 12 student exchange programs.",
            "student exchange programs",
            id="exchange_program",
        ),
    ],
)
def test_objects(nlp, sentence: str, obj: str) -> None:
    doc = nlp(sentence)
    span = _only_agreement(doc)
    assert _text(doc, span._.object_span) == obj


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        pytest.param("Over 900 students attended the forum.", "Over 900 students", id="students"),
        pytest.param("The department employs 120 staff.", "120 staff", id="staff"),
        pytest.param(
            "The conference gathered 450 participants.", "450 participants", id="participants"
        ),
        pytest.param(
            "The branch brings together 40 research institutes.",
            "40 research institutes",
            id="member_institutes_without_joint",
        ),
        pytest.param(
            "The faculty offers 300 educational programmes.",
            "300 educational programmes",
            id="programmes_without_cooperation_modifier",
        ),
        pytest.param("The agreement is valid for 5 years.", "5 years", id="years"),
        pytest.param("Exports of services rose by 12%.", "12%", id="percentage"),
        pytest.param(
            "Five universities sent students to Minsk.",
            "Five universities",
            id="number_counts_another_noun",
        ),
    ],
)
def test_non_agreement_counts_are_quantities(nlp, sentence: str, quantity: str) -> None:
    doc = nlp(sentence)
    assert list(doc.spans["agreements"]) == []
    assert quantity in [s.text for s in doc.spans["quantities"]]


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Dozens of agreements were signed in Beijing.", id="dozens_of"),
        pytest.param("The first agreement was signed in 1998.", id="ordinal_word"),
        pytest.param("The 2nd agreement covers student mobility.", id="ordinal_digits"),
        pytest.param("They signed a three-year agreement.", id="hyphenated_duration"),
        pytest.param("The 2023 5-year agreements were signed.", id="year_before_a_duration"),
        pytest.param("In 2021 agreements were signed with two firms.", id="year_before_object"),
        pytest.param("One of the agreements concerns energy.", id="one_of"),
        pytest.param("Several agreements were signed.", id="vague_amount"),
        pytest.param("The university has 150 laboratories.", id="laboratories_without_joint"),
    ],
)
def test_not_agreement_counts(nlp, sentence: str) -> None:
    assert list(nlp(sentence).spans["agreements"]) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        pytest.param(
            "The polytechnic institute has 30 agreements with firms.",
            "The polytechnic institute",
            id="subject_of_verb",
        ),
        pytest.param(
            "Ural Federal University and Harbin Institute of Technology opened 2 joint schools.",
            "Ural Federal University and Harbin Institute of Technology",
            id="coordinated_subject",
        ),
        pytest.param(
            "The academy, which has 12 joint laboratories, is in Novosibirsk.",
            "The academy",
            id="relative_pronoun_resolved",
        ),
        pytest.param(
            "The university plans to open 3 joint centres.",
            "The university",
            id="through_control_verb",
        ),
        pytest.param(
            "Seven agreements were signed by the rector.", "the rector", id="passive_agent"
        ),
    ],
)
def test_holder(nlp, sentence: str, holder: str) -> None:
    doc = nlp(sentence)
    assert _text(doc, _only_agreement(doc)._.holder_span) == holder


@pytest.mark.model
def test_holder_inherited_through_including(nlp) -> None:
    doc = nlp(
        "The medical school keeps over 30 agreements with clinics, including four joint "
        "laboratories in Almaty."
    )
    spans = list(doc.spans["agreements"])
    assert [(s._.count, s._.qualifier) for s in spans] == [(30, "more_than"), (4, "exact")]
    assert [_text(doc, s._.holder_span) for s in spans] == ["The medical school"] * 2
    # The partner of the main count is not inherited by the listed item.
    assert spans[1]._.counterparty_span is None


@pytest.mark.model
def test_no_holder_when_object_is_subject(nlp) -> None:
    doc = nlp("Four large projects are now running, including one with Lanzhou partners.")
    span = _only_agreement(doc)
    assert (span.text, span._.count, span._.holder_span) == ("Four large projects", 4, None)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "text", "counterparty"),
    [
        pytest.param(
            "The faculty has 25 agreements with Korean universities and research centres.",
            "25 agreements with Korean universities and research centres",
            "Korean universities and research centres",
            id="coordinated_with_object",
        ),
        pytest.param(
            "The institute signed 3 contracts with the University of Porto and Aalto University.",
            "3 contracts with the University of Porto and Aalto University",
            "the University of Porto and Aalto University",
            id="named_partners",
        ),
        pytest.param(
            "The university has 5 joint projects.", "5 joint projects", None, id="no_with_phrase"
        ),
    ],
)
def test_counterparty(nlp, sentence: str, text: str, counterparty: str | None) -> None:
    doc = nlp(sentence)
    span = _only_agreement(doc)
    assert span.text == text
    assert _text(doc, span._.counterparty_span) == counterparty


@pytest.mark.model
def test_span_attributes_are_plain_data(nlp) -> None:
    doc = nlp("The university signed more than 20 agreements with Serbian partners.")
    span = _only_agreement(doc)
    assert (span.label_, span.id_) == (AGREEMENT_LABEL, "agreement.count.digits")
    for value in (span._.object_span, span._.holder_span, span._.counterparty_span):
        assert isinstance(value, tuple) and all(isinstance(v, int) for v in value)


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "Our school, with\u00a0nearly 60 agreements with partners in Kazakhstan and Mongolia, "
            "hosts 2,400 students.",
            id="no_break_space_and_two_groups",
        ),
        pytest.param(
            "Headline: Three Agreements Signed\n\nThe two rectors signed a dozen memoranda.",
            id="lines_and_title_case",
        ),
    ],
)
def test_offsets_match_text(nlp, sentence: str) -> None:
    doc = nlp(sentence)
    spans = [*doc.spans["agreements"], *doc.spans["quantities"]]
    assert spans
    for span in spans:
        assert doc.text[span.start_char : span.end_char] == span.text
        for offsets in (span._.object_span, span._.holder_span, span._.counterparty_span):
            if offsets is not None:
                evidence = doc.text[offsets[0] : offsets[1]]
                assert evidence and evidence == evidence.strip()


@pytest.mark.model
def test_seed_release_end_to_end(nlp, seeds_dir: Path) -> None:
    path = seeds_dir / "jitri_tsari_delegation.txt"
    doc = nlp(path.read_text(encoding="utf-8"))
    spans = list(doc.spans["agreements"])
    assert [(s._.count, s._.qualifier) for s in spans] == [
        (60, "more_than"),
        (2, "exact"),
        (3, "exact"),
    ]
    for span in spans:
        assert doc.text[span.start_char : span.end_char] == span.text
    quantities = {s._.count for s in doc.spans["quantities"]}
    assert {1000, 2200, 50} <= quantities


# --------------------------------------------------------------------------------------------
# Counts without a noun of their own: ellipsis, partitives, totals (model)
# --------------------------------------------------------------------------------------------


def _bare_counts(doc: Doc) -> list[tuple]:
    """(text, count, qualifier, object, counterparty) of agreement counts from count.* rules."""
    return [
        (
            s.text,
            s._.count,
            s._.qualifier,
            _text(doc, s._.object_span),
            _text(doc, s._.counterparty_span),
        )
        for s in doc.spans["agreements"]
        if s.id_.startswith("count.")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "The conservatory has signed 31 agreements with foreign academies, including six "
            "with institutions in Scandinavia.",
            [("six with institutions", 6, "exact", "agreements", "institutions")],
            id="elliptical_with_after_including",
        ),
        pytest.param(
            "The academy holds 52 partner agreements, eleven with Korean universities.",
            [
                (
                    "eleven with Korean universities",
                    11,
                    "exact",
                    "partner agreements",
                    "Korean universities",
                )
            ],
            id="elliptical_with_after_comma",
        ),
        pytest.param(
            "The institute keeps about 80 contracts with industry, 23 of them with firms in "
            "Saxony.",
            [("23 of them with firms", 23, "exact", "contracts", "firms")],
            id="elliptical_of_them_with",
        ),
        pytest.param(
            "The school has 45 agreements, 20 of which are with Chinese universities.",
            [("20 of which", 20, "exact", "agreements", None)],
            id="elliptical_of_which",
        ),
        pytest.param(
            "The college has over 60 memoranda, more than a dozen of them with partners in Peru.",
            [
                (
                    "more than a dozen of them with partners",
                    12,
                    "more_than",
                    "memoranda",
                    "partners",
                )
            ],
            id="elliptical_article_number_and_qualifier",
        ),
        pytest.param(
            "The faculty runs eight joint projects and expects at least three more next year.",
            [("at least three more", 3, "at_least", "joint projects", None)],
            id="elliptical_more",
        ),
        pytest.param(
            "The academy runs 7 joint projects with Japan, as well as 2 others with Korea.",
            [("2 others with Korea", 2, "exact", "joint projects", "Korea")],
            id="elliptical_others",
        ),
        pytest.param(
            "The university has 45 agreements. Twenty of them are with Chinese universities.",
            [("Twenty of them", 20, "exact", "agreements", None)],
            id="elliptical_in_next_sentence",
        ),
        pytest.param(
            "The lyceum has signed 37 international agreements, including nine with Chinese "
            "institutions and four with universities in Latvia.",
            [
                (
                    "nine with Chinese institutions",
                    9,
                    "exact",
                    "international agreements",
                    "Chinese institutions",
                ),
                ("four with universities", 4, "exact", "international agreements", "universities"),
            ],
            id="elliptical_chained_through_elliptical",
        ),
        pytest.param(
            "The university has signed 18 agreements over 5 years, 4 of which with Uzbek partners.",
            [("4 of which with Uzbek partners", 4, "exact", "agreements", "Uzbek partners")],
            id="elliptical_passes_over_duration",
        ),
        pytest.param(
            "The lab has 40 agreements with foreign universities, including 12 in Latin America.",
            [("12 in Latin America", 12, "exact", "agreements", None)],
            id="elliptical_after_including",
        ),
        pytest.param(
            "The university has 45 agreements, including more than 20 in Asia.",
            [("more than 20 in Asia", 20, "more_than", "agreements", None)],
            id="elliptical_after_including_with_qualifier",
        ),
        pytest.param(
            "The school runs 14 joint projects with Kazakh partners, and the new centre will "
            "add at least five more.",
            [("at least five more", 5, "at_least", "joint projects", None)],
            id="elliptical_own_subject_is_no_referent",
        ),
    ],
)
def test_elliptical_counts(nlp, sentence: str, expected: list[tuple]) -> None:
    assert _bare_counts(nlp(sentence)) == expected


@pytest.mark.model
def test_elliptical_count_inherits_holder(nlp) -> None:
    doc = nlp(
        "The lyceum has signed 37 international agreements, including nine with Chinese "
        "institutions and four with universities in Latvia."
    )
    assert [_text(doc, s._.holder_span) for s in doc.spans["agreements"]] == ["The lyceum"] * 3


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "counts"),
    [
        pytest.param(
            "The campus hosts 240 students, 40 of them from Kazakhstan.",
            [],
            id="elliptical_of_students",
        ),
        pytest.param(
            "The university has 45 agreements with 30 countries, 12 of them in Asia.",
            [45],
            id="nearest_count_is_a_quantity",
        ),
        pytest.param(
            "The university has 45 agreements and trains foreign engineers, 40 of them from "
            "Kazakhstan.",
            [45],
            id="other_referent_in_between",
        ),
        pytest.param(
            "The university has 45 agreements. The rector opened a new library. Twenty of them "
            "are with Chinese universities.",
            [45],
            id="antecedent_two_sentences_back",
        ),
        pytest.param(
            "The university has 12 joint laboratories, one of them in Almaty.",
            [12],
            id="one_of_them_picks_an_item",
        ),
        pytest.param(
            "The lab has 5 joint projects and will admit five more students.",
            [5],
            id="more_with_a_noun_of_its_own",
        ),
        pytest.param("Twelve with doctoral degrees joined the staff.", [], id="no_antecedent"),
        pytest.param(
            "The university has 45 agreements and its students, 40 of them from Kazakhstan, "
            "study engineering.",
            [45],
            id="referent_subject_on_the_path",
        ),
        pytest.param(
            "The university has 45 agreements with partners, including 300 students from "
            "Kazakhstan.",
            [45],
            id="including_number_with_its_own_noun",
        ),
        pytest.param(
            "The campus has 240 students, including 12 from Russia.", [], id="including_students"
        ),
    ],
)
def test_elliptical_counts_stay_out(nlp, sentence: str, counts: list[int]) -> None:
    doc = nlp(sentence)
    assert [s._.count for s in doc.spans["agreements"]] == counts


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "quantity", "obj"),
    [
        pytest.param(
            "The campus hosts 240 students, 40 of them from Kazakhstan.",
            "40 of them",
            "students",
            id="of_them",
        ),
        pytest.param(
            "The alliance has 26 founding members, 15 of them universities.",
            "15 of them",
            "founding members",
            id="of_them_before_a_noun",
        ),
    ],
)
def test_elliptical_quantity_inherits_noun(nlp, sentence: str, quantity: str, obj: str) -> None:
    doc = nlp(sentence)
    found = {s.text: (s.label_, _text(doc, s._.object_span)) for s in doc.spans["quantities"]}
    assert found.get(quantity) == (QUANTITY_LABEL, obj)


@pytest.mark.model
def test_with_phrase_belongs_to_the_elliptical_count(nlp) -> None:
    # The parser hangs "with scholarships" on the verb, where the agreement count would find it.
    doc = nlp("The polytechnic has 30 agreements and 900 students, 40 of them with scholarships.")
    span = _only_agreement(doc)
    assert (span.text, span._.counterparty_span) == ("30 agreements", None)
    assert "40 of them with scholarships" in [s.text for s in doc.spans["quantities"]]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "text", "obj"),
    [
        pytest.param(
            "The institute will offer three joint bachelor's programmes.",
            "three joint bachelor's programmes",
            "joint bachelor's programmes",
            id="genitive_number_on_possessor",
        ),
        pytest.param(
            "The consortium runs two network master\u2019s programmes.",
            "two network master\u2019s programmes",
            "network master\u2019s programmes",
            id="genitive_curly_apostrophe",
        ),
        pytest.param(
            "- two joint doctoral programmes in power engineering;",
            "two joint doctoral programmes",
            "joint doctoral programmes",
            id="dash_bullet_before_number",
        ),
    ],
)
def test_modifier_runs(nlp, sentence: str, text: str, obj: str) -> None:
    doc = nlp(sentence)
    span = _only_agreement(doc)
    assert (span.text, _text(doc, span._.object_span)) == (text, obj)


@pytest.mark.model
def test_dash_bullets_in_a_list(nlp) -> None:
    doc = nlp("The plan includes:\n- 12 joint projects;\n- two joint doctoral programmes.")
    assert [s._.count for s in doc.spans["agreements"]] == [12, 2]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "counterparty"),
    [
        pytest.param(
            "The university plans to add five new programmes with Russian and Central Asian "
            "partners.",
            "Russian and Central Asian partners",
            id="programme_with_partner_noun",
        ),
        pytest.param(
            "The faculty launched three programmes with the University of Porto.",
            "the University of Porto",
            id="programme_with_named_partner",
        ),
    ],
)
def test_programme_with_partner_is_a_partnership(nlp, sentence: str, counterparty: str) -> None:
    doc = nlp(sentence)
    assert _text(doc, _only_agreement(doc)._.counterparty_span) == counterparty


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "The faculty offers 300 educational programmes with English as the language of "
            "instruction.",
            id="programme_with_non_partner",
        ),
        pytest.param(
            "The school runs 40 programmes with 3,000 students.", id="programme_with_students"
        ),
        pytest.param(
            "Two universities' joint programmes were merged last year.",
            id="plural_possessor_is_counted",
        ),
        pytest.param("The COVID-19 agreements were signed in May.", id="attached_hyphen"),
    ],
)
def test_modifier_and_partner_non_counts(nlp, sentence: str) -> None:
    assert list(nlp(sentence).spans["agreements"]) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Fewer than ten of Harbor University's 45 international agreements involve African "
            "institutions.",
            [
                (
                    "Fewer than ten of Harbor University's 45 international agreements",
                    10,
                    "less_than",
                    "international agreements",
                    "Harbor University",
                ),
                (
                    "45 international agreements",
                    45,
                    "exact",
                    "international agreements",
                    "Harbor University",
                ),
            ],
            id="partitive_with_inner_count",
        ),
        pytest.param(
            "Twelve of the academy's joint laboratories are abroad.",
            [
                (
                    "Twelve of the academy's joint laboratories",
                    12,
                    "exact",
                    "joint laboratories",
                    "the academy",
                )
            ],
            id="partitive_without_inner_count",
        ),
        pytest.param(
            "Twelve of the joint bachelor's programmes are taught in English.",
            [
                (
                    "Twelve of the joint bachelor's programmes",
                    12,
                    "exact",
                    "joint bachelor's programmes",
                    None,
                )
            ],
            id="partitive_descriptive_genitive_is_no_holder",
        ),
    ],
)
def test_partitive(nlp, sentence: str, expected: list[tuple]) -> None:
    doc = nlp(sentence)
    found = [
        (s.text, s._.count, s._.qualifier, _text(doc, s._.object_span), _text(doc, s._.holder_span))
        for s in doc.spans["agreements"]
    ]
    assert found == expected


@pytest.mark.model
def test_partitive_counterparty(nlp) -> None:
    doc = nlp("Two of its agreements with Finnish universities expire this year.")
    span = _only_agreement(doc)
    assert (span._.count, _text(doc, span._.counterparty_span)) == (2, "Finnish universities")


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Ten of the 70 research institutes joined the programme.", id="of_quantity"),
        pytest.param("Ten of the laboratories are new.", id="of_object_lacking_modifier"),
        pytest.param("The university ranks among the top 100 of the QS ranking.", id="of_ranking"),
        pytest.param("One of the joint laboratories is in Almaty.", id="one_of"),
    ],
)
def test_partitive_non_counts(nlp, sentence: str) -> None:
    assert list(nlp(sentence).spans["agreements"]) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "text", "count", "qualifier", "obj"),
    [
        pytest.param(
            "The new memoranda bring the total number of its agreements with universities in the "
            "region to more than 50.",
            "the total number of its agreements with universities in the region to more than 50",
            50,
            "more_than",
            "agreements",
            id="total_after_to",
        ),
        pytest.param(
            "The number of agreements with Chinese universities has reached 45.",
            "The number of agreements with Chinese universities has reached 45",
            45,
            "exact",
            "agreements",
            id="total_as_object",
        ),
        pytest.param(
            "The number of our joint programmes now stands at 12.",
            "The number of our joint programmes now stands at 12",
            12,
            "exact",
            "joint programmes",
            id="total_after_at",
        ),
        pytest.param(
            "The total number of partnership agreements is 30.",
            "The total number of partnership agreements is 30",
            30,
            "exact",
            "partnership agreements",
            id="total_as_complement",
        ),
    ],
)
def test_total(nlp, sentence: str, text: str, count: int, qualifier: str, obj: str) -> None:
    doc = nlp(sentence)
    span = _only_agreement(doc)
    assert (span.text, span._.count, span._.qualifier) == (text, count, qualifier)
    assert _text(doc, span._.object_span) == obj


@pytest.mark.model
def test_total_cause_is_no_holder(nlp) -> None:
    doc = nlp("The new memoranda bring the number of its agreements with Thai universities to 26.")
    span = _only_agreement(doc)
    assert span._.holder_span is None
    assert _text(doc, span._.counterparty_span) == "Thai universities"


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "The number of international students grew from 450 to more than 1,300.",
            id="total_of_students",
        ),
        pytest.param("The number of laboratories has reached 150.", id="total_lacking_modifier"),
        pytest.param("The university raised its budget to 50 million.", id="no_number_of"),
    ],
)
def test_total_non_counts(nlp, sentence: str) -> None:
    assert list(nlp(sentence).spans["agreements"]) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "holder"),
    [
        pytest.param(
            "The institute's 30 agreements cover Asia and Africa.",
            "The institute",
            id="possessor_before_number",
        ),
        pytest.param(
            "The institute and its 30 agreements with Asian partners are well known.",
            None,
            id="possessive_pronoun_is_no_holder",
        ),
        pytest.param(
            "\u00abWe want new forms, from joint research to network programmes.\u00bb\n\n"
            "The academy now has nearly 100 agreements with foreign universities.",
            "The academy",
            id="quote_mark_parsed_as_subject",
        ),
    ],
)
def test_holder_edge_cases(nlp, sentence: str, holder: str | None) -> None:
    doc = nlp(sentence)
    assert _text(doc, _only_agreement(doc)._.holder_span) == holder

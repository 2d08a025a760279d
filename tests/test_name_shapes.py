"""Names written in the shapes of real releases: surnames in capitals in either order, and
initials before or after the surname. Every sentence here is our own."""

from __future__ import annotations

import pytest
from helpers import record_of

pytestmark = pytest.mark.model

CAPITALS = [
    pytest.param(
        "The delegation was led by Rector Oleksandr MAZURENKO of Poltava.",
        "Oleksandr MAZURENKO",
        id="given_then_capital_surname",
    ),
    pytest.param(
        "Vice President Ji-Hoon PARK welcomed the guests from Lakeside University.",
        "Ji-Hoon PARK",
        id="hyphenated_given_then_capital_surname",
    ),
    pytest.param(
        "The talks were opened by TANAKA Hiroshi, President of Lakeside University.",
        "TANAKA Hiroshi",
        id="capital_surname_first",
    ),
    pytest.param(
        "Also present was Yusuf DEMIRCAN, Dean of the Faculty of Law.",
        "Yusuf DEMIRCAN",
        id="turkish_capital_surname_before_title",
    ),
    pytest.param(
        "The memorandum was signed by Mustafa Ali YILDIRIM and the guests.",
        "Mustafa Ali YILDIRIM",
        id="two_given_names_capital_surname",
    ),
    pytest.param(
        "Welcoming remarks came from O. KOVALENKO, head of the international office.",
        "O. KOVALENKO",
        id="initial_then_capital_surname",
    ),
    pytest.param(
        "The guests were received by Prof. CHU Weiming, Director of the Office of Research.",
        "CHU Weiming",
        id="short_capital_surname_after_an_honorific",
    ),
    pytest.param(
        "On May 4, TRAN VAN LOC, President of Lakeside University, visited Hill College.",
        "TRAN VAN LOC",
        id="whole_name_in_capitals_with_a_known_surname",
    ),
    pytest.param(
        "TRAN VAN LOC, President of Lakeside University, visited Hill College on May 4.",
        "TRAN VAN LOC",
        id="whole_name_in_capitals_at_a_sentence_start",
    ),
    pytest.param(
        "Photo:\n\nOn November 17, NGUYEN MINH DUC, President of Lakeside University (LU) of "
        "Vietnam, visited Hill College.",
        "NGUYEN MINH DUC",
        id="whole_name_in_capitals_before_a_comma_and_title",
    ),
]


@pytest.mark.parametrize(("text", "name"), CAPITALS)
def test_capital_surnames_are_part_of_the_name(nlp, text, name):
    record = record_of(nlp, text)
    assert name in {p.name for p in record.people}
    assert not any(
        name.split()[-1] == o.name or name.split()[0] == o.name for o in record.organizations
    )


NOT_NAMES = [
    pytest.param(
        "Students of Lakeside University LU visited Kazan Federal University KFU.",
        "LU",
        id="acronym_after_a_name",
    ),
    pytest.param(
        "The rector of Lakeside University (LU) met Mikhail Orlov in KAZAN last week.",
        "KAZAN",
        id="place_in_capitals_after_words",
    ),
    pytest.param("Professor Anna Berg of NTNU gave a talk.", "NTNU", id="acronym_after_of"),
    pytest.param(
        "Prof. Anna Berg of LAB Helsinki gave a talk.", "LAB", id="short_acronym_after_of"
    ),
    pytest.param(
        "Delegates of UNESCO CEPES met Anna Berg in Bucharest.",
        "UNESCO",
        id="capital_run_without_a_known_surname",
    ),
]


@pytest.mark.parametrize(("text", "word"), NOT_NAMES)
def test_acronyms_and_places_in_capitals_are_not_surnames(nlp, text, word):
    record = record_of(nlp, text)
    assert not any(word in p.name.split() for p in record.people)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            "Rheinfeld University of Applied Sciences (Rheinfeld UAS) hosted Anna Berg. "
            "Rheinfeld UAS offers joint degrees.",
            "UAS",
            id="acronym_defined_in_brackets",
        ),
        pytest.param(
            "Students of TU Dresden met Anna Berg in Kazan.", "TU", id="two_letter_acronym"
        ),
    ],
)
def test_acronyms_next_to_a_proper_name_are_not_surnames(nlp, text, word):
    record = record_of(nlp, text)
    assert not any(word in p.name.split() for p in record.people)


def test_a_name_in_brackets_keeps_its_capital_surname(nlp):
    text = "From left: the Dean of Law (Mr. Kenta SAITO) and the guests from Lakeside University."
    assert "Kenta SAITO" in {p.name for p in record_of(nlp, text).people}


@pytest.mark.parametrize(
    "text",
    [
        "The conference met in San Luis Potosí last spring.",
        "Students from São Carlos joined the school.",
        "They sailed on Lake Victoria Nyanza before the forum.",
    ],
)
def test_a_given_name_after_a_place_word_is_no_person(nlp, text):
    assert record_of(nlp, text).people == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "The report was read by L.V. Orlova at the seminar.", "L.V. Orlova", id="two_initials"
        ),
        pytest.param(
            "Guests met Yu.L. Skvortsov in the hall.", "Yu.L. Skvortsov", id="two_letter_initial"
        ),
        pytest.param(
            "It was signed by Rector N.Karimov yesterday.",
            "N.Karimov",
            id="initial_glued_to_surname",
        ),
        pytest.param(
            "The chair was R.Sh. Valiev of the institute.",
            "R.Sh. Valiev",
            id="initial_split_by_tokenizer",
        ),
    ],
)
def test_initials_before_the_surname(nlp, text, name):
    assert name in {p.name for p in record_of(nlp, text).people}


@pytest.mark.parametrize(
    "text",
    ["The U.S. Army band played.", "A. Introduction\n\nB. Methods\n"],
)
def test_abbreviations_and_list_letters_are_no_initials(nlp, text):
    assert record_of(nlp, text).people == []


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        pytest.param(
            "Vice Rector for Research Aigul Bekova represented the university at the fair.",
            "Aigul Bekova",
            "Vice Rector for Research",
            id="after_a_for_complement",
        ),
        pytest.param(
            "The talk was given by Nino Beridze of the institute.",
            "Nino Beridze",
            None,
            id="georgian_surname",
        ),
        pytest.param(
            "Minister Oksana Petrenko welcomed the guests.",
            "Oksana Petrenko",
            "Minister",
            id="ukrainian_surname_after_title",
        ),
    ],
)
def test_surnames_of_the_region_end_a_title_and_make_a_name(nlp, text, name, title):
    record = record_of(nlp, text)
    people = {p.name: {r.title for r in p.roles} for p in record.people}
    assert name in people
    if title:
        assert title in people[name]


@pytest.mark.parametrize(
    "text",
    ["They toured the Kazan Lobachevsky University campus.", "Pavlov Institute staff met us."],
)
def test_a_surname_shape_inside_an_organization_is_no_person(nlp, text):
    assert record_of(nlp, text).people == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "It was witnessed by Vice Minister of Science LIU Wenhao and guests.",
            "LIU Wenhao",
            id="capital_surname_first_after_a_title",
        ),
        pytest.param(
            "Rector Mykola DOROSHENKO (the host) welcomed them.",
            "Mykola DOROSHENKO",
            id="given_name_then_capital_surname",
        ),
    ],
)
def test_capital_surname_with_its_given_name(nlp, text, name):
    assert name in {p.name for p in record_of(nlp, text).people}


@pytest.mark.parametrize(
    "text", ["Both KNU and MMSU agreed.", "The MMSU delegation left.", "Its CEO spoke."]
)
def test_words_before_an_acronym_make_no_name(nlp, text):
    assert record_of(nlp, text).people == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "President Ji-Hoon KIM welcomed them.",
            "Ji-Hoon KIM",
            id="hyphenated_given_name_and_short_capital_surname",
        ),
        pytest.param(
            "Rector Ioan-Mihai RUS signed it.",
            "Ioan-Mihai RUS",
            id="romanian_hyphenated_given_name",
        ),
    ],
)
def test_hyphenated_given_names_before_a_surname_in_capitals(nlp, text, name):
    assert name in {p.name for p in record_of(nlp, text).people}


@pytest.mark.parametrize(
    "text",
    [
        "The Minister of Culture of Uzbekistan Karimzoda spoke.",
        "It was signed by Prof. Dr. Made Suarta, SH., M.Hum yesterday.",
    ],
)
def test_countries_and_degrees_make_no_names(nlp, text):
    names = {p.name for p in record_of(nlp, text).people}
    assert not any(n.startswith("Uzbekistan") or n == "M.Hum" for n in names)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "persons", "orgs"),
    [
        pytest.param(
            "The dean of the Faculty of Law T.Holm spoke.",
            ["T.Holm"],
            ["Faculty of Law"],
            id="glued_initial_after_a_unit_is_a_name_not_part_of_it",
        ),
        pytest.param(
            "See section A.Introduction for details.",
            [],
            [],
            id="glued_initial_before_a_common_noun_is_no_name",
        ),
        pytest.param("He moved to St.Petersburg in May.", [], [], id="glued_saint_is_a_place"),
    ],
)
def test_an_initial_glued_to_a_surname(nlp, text, persons, orgs):
    doc = nlp(text)
    assert [s.text for s in doc.spans["persons"]] == persons
    assert [s.text for s in doc.spans["orgs"]] == orgs


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "honorific"),
    [
        pytest.param(
            "The MoU was signed by Professor Lim Eng Soon.",
            "Lim Eng Soon",
            None,
            id="undotted_honorific_word_inside_a_name_is_a_name_word",
        ),
        pytest.param(
            "Vice-Rector Eng Ahmed Ali spoke.", "Ahmed Ali", "Eng", id="undotted_after_a_title"
        ),
        pytest.param("Eng. Ahmed Ali spoke.", "Ahmed Ali", "Eng.", id="dotted_honorific"),
    ],
)
def test_a_dotted_honorific_written_without_its_dot(nlp, text, name, honorific):
    doc = nlp(text)
    (person,) = [s for s in doc.spans["persons"] if s.text == name]
    found = doc.text[slice(*person._.honorific)] if person._.honorific else None
    assert found == honorific


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "The MoU was witnessed by the Acting Minister for Education Ong Wei Jie.",
            "Ong Wei Jie",
            id="surname_first_name_after_a_title_complement",
        ),
        pytest.param(
            "Dr Koh Wei Ming of Hill College gave the talk.",
            "Koh Wei Ming",
            id="surname_first_name_after_an_honorific",
        ),
        pytest.param(
            "Lim Eng Soon said the talks went well.",
            "Lim Eng Soon",
            id="three_word_name_at_a_sentence_start",
        ),
        pytest.param(
            "The forum was opened by Goh Mei Ling and Anna Berg.",
            "Goh Mei Ling",
            id="three_word_name_in_a_list",
        ),
    ],
)
def test_southern_chinese_surnames_start_a_name(nlp, text, name):
    assert name in [s.text for s in nlp(text).spans["persons"]]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "people", "locations"),
    [
        pytest.param(
            "He praised universities in Hong Kong for their work.",
            set(),
            {"Hong Kong"},
            id="surname_pair_the_model_reads_as_a_place",
        ),
        pytest.param(
            "Professor Hong Kang of Lakeside University spoke.",
            {"Hong Kang"},
            set(),
            id="surname_first_name_the_model_reads_as_a_name",
        ),
    ],
)
def test_a_surname_first_pair_the_model_reads_as_a_place_is_a_place(nlp, text, people, locations):
    record = record_of(nlp, text)
    assert {p.name for p in record.people} == people
    assert {loc.name for loc in record.locations} == locations


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "people"),
    [
        pytest.param(
            "The forum was opened by Mayor Halvorsen, who welcomed the guests.",
            {"Halvorsen"},
            id="single_name_after_a_title",
        ),
        pytest.param(
            "The talks were chaired by Vice President Halvorsen.",
            {"Halvorsen"},
            id="single_name_after_a_title_at_the_sentence_end",
        ),
        pytest.param(
            "Later Halvorsen thanked the guests.", set(), id="single_word_alone_is_no_person"
        ),
    ],
)
def test_a_single_name_after_a_title_is_a_person(nlp, text, people):
    assert {p.name for p in record_of(nlp, text).people} == people


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "plausible"),
    [
        pytest.param(
            "The talks with Riverton Japan were held in May.",
            (3, 5),
            False,
            id="place_and_its_country_is_no_name",
        ),
        pytest.param(
            "The prize went to Michael Jordan of Hill College.",
            (4, 6),
            True,
            id="surname_that_is_also_a_country",
        ),
        pytest.param("The prize went to Anna Berg of Hill College.", (4, 6), True, id="plain_name"),
    ],
)
def test_a_name_does_not_end_in_a_country(nlp, text, words, plausible):
    from spacy.tokens import Span

    doc = nlp(text)
    span = Span(doc, *words, label="PERSON")
    assert nlp.get_pipe("uninews_persons").plausible(doc, span) is plausible


def test_a_name_in_capitals_written_again_is_the_same_person(nlp):
    text = (
        "On November 17, NGUYEN MINH DUC, President of Lakeside University, visited Hill "
        "College.\n\nPhoto of NGUYEN MINH DUC and Anna Berg\n\nAnna Berg thanked the guests."
    )
    record = record_of(nlp, text)
    people = {p.name: len(p.mentions) for p in record.people}
    assert people.get("NGUYEN MINH DUC") == 2
    assert not {"NGUYEN", "MINH", "DUC"} & {o.name for o in record.organizations}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "The delegation was headed by Sadykova D.A. and visited Seoul.",
            "Sadykova D.A.",
            id="surname_of_the_region_before_initials",
        ),
        pytest.param(
            "Our guests talked with the head of the chemistry department Orlova L.V. at lunch.",
            "Orlova L.V.",
            id="surname_before_initials_after_a_title_complement",
        ),
        pytest.param(
            "On Monday Vice-Rector for academic planning Sadykova D.A. opened the summer school "
            "in Tomsk.",
            "Sadykova D.A.",
            id="title_complement_stops_before_the_surname",
        ),
    ],
)
def test_surname_first_with_initials(nlp, text, name):
    assert name in {p.name for p in record_of(nlp, text).people}


def test_dotted_place_abbreviations_are_no_initials(nlp):
    record = record_of(nlp, "The U.S. Army and the Kazan A.B.C. group met.")
    assert not record.people

"""People: names, honorifics, later mentions, and what is not a person."""

from __future__ import annotations

import pytest
from helpers import record_of

pytestmark = pytest.mark.model

NAMES = [
    pytest.param(
        "The visit was led by Ms.\u00a0Wang Lixia from Fudan.",
        {"Wang Lixia"},
        id="honorific_nbsp_surname_first",
    ),
    pytest.param(
        "The session was chaired by Prof. Dr. Anna-Lena K. Vogt.",
        {"Anna-Lena K. Vogt"},
        id="stacked_honorifics_hyphen_initial",
    ),
    pytest.param(
        "Rector Sergei Ivanovich Petrov greeted the guests.",
        {"Sergei Ivanovich Petrov"},
        id="patronymic_after_title",
    ),
    pytest.param(
        "Deputy Dean Chen Jie said the lab would open in May.",
        {"Chen Jie"},
        id="chinese_name_after_title",
    ),
    pytest.param(
        "The memorandum was signed by Rajesh Kumar and Fatima Al-Zahra.",
        {"Rajesh Kumar", "Fatima Al-Zahra"},
        id="indian_and_arabic_names",
    ),
    pytest.param(
        "The report was presented by Dr. Chen Jie.", {"Chen Jie"}, id="name_at_sentence_end"
    ),
    pytest.param(
        "Academician Yuri Balega visited the observatory.", {"Yuri Balega"}, id="academician"
    ),
]


NAMES += [
    pytest.param(
        "• Eng. Marcos Vinicius Carvalho, Technical Director of Carvalho Engenharia Ltda.",
        {"Marcos Vinicius Carvalho"},
        id="honorific_dot_split_by_tokenizer",
    ),
    pytest.param(
        "The meeting was also attended by Burak Erdem, General Manager of Mustafa Kaya "
        "Medikal A.Ş., which makes stents.",
        {"Burak Erdem"},
        id="name_the_model_calls_org_before_title",
    ),
    pytest.param(
        "It was signed by Prof. Dmitry Yu. Zakharov, Vice-Rector for Science.",
        {"Dmitry Yu. Zakharov"},
        id="two_letter_initial_split_by_tokenizer",
    ),
    pytest.param(
        "The agreement was signed by Prof. Park Seo-yeon, Vice President for Research.",
        {"Park Seo-yeon"},
        id="korean_surname_that_is_an_org_head",
    ),
    pytest.param(
        "Agnieszka Nowak-Zielinska Takes Office as Rector of Kashubian University",
        {"Agnieszka Nowak-Zielinska"},
        id="name_in_title_case_headline",
    ),
    pytest.param(
        "It was opened by Prof. Ana Carolina M. Vasconcelos-Lima, Director of the school.",
        {"Ana Carolina M. Vasconcelos-Lima"},
        id="four_words_with_hyphen",
    ),
]


NAMES += [
    pytest.param(
        "The samples were collected on board the Akademik Lavrentyev by Dr. Irina Sokolova.",
        {"Irina Sokolova"},
        id="research_vessel_is_not_a_person",
    ),
    pytest.param(
        "The talks were attended by KFU Vice-Rector for Research Zarina Ildarovna Khabibullina "
        "and guests.",
        {"Zarina Ildarovna Khabibullina"},
        id="patronymic_after_a_title_complement",
    ),
    pytest.param(
        "Guests came from the University of Tashkent named after Alisher Navoi;\n"
        "Prof. Dr. Greta Lindqvist, Head of the Institute, spoke.",
        {"Greta Lindqvist"},
        id="namesake_clause_ends_at_the_line",
    ),
    pytest.param(
        "The samples were analysed by Kwame Mensah and Iker Zubeldia Arrieta, who run the lab.",
        {"Kwame Mensah", "Iker Zubeldia Arrieta"},
        id="name_coordinated_after_a_person",
    ),
    pytest.param(
        "The tour was guided by Nerea Aranburu and Dr. Mikel Lasa, who study polymers.",
        {"Nerea Aranburu", "Mikel Lasa"},
        id="name_coordinated_before_a_person",
    ),
    pytest.param(
        "The memorandum was signed by Anna Petrova and Kazan Federal University in May.",
        {"Anna Petrova"},
        id="organization_coordinated_with_a_person_stays_an_organization",
    ),
    pytest.param(
        "The data were checked by Le Minh Tuan of the Office of Research.",
        {"Le Minh Tuan"},
        id="vietnamese_three_part_name",
    ),
    pytest.param(
        "Chen Yu, a winner of the Zhang Heng Medal for Young Astronomers, joined the team.",
        {"Chen Yu"},
        id="namesake_of_an_award_is_not_a_person",
    ),
    pytest.param(
        "Olga Smirnova received one of the Marie Skłodowska-Curie Actions fellowships.",
        {"Olga Smirnova"},
        id="namesake_programme_word_ends_the_name",
    ),
    pytest.param(
        "Dean Hamid Rahimi opened the forum in the Jean Monnet Hall on Monday.",
        {"Hamid Rahimi"},
        id="namesake_hall_after_the",
    ),
    pytest.param(
        "Guests met in the Jan Heweliusz Hall, where Dr. Elena Marchetti spoke.",
        {"Elena Marchetti"},
        id="namesake_hall_after_the_and_a_given_name",
    ),
    pytest.param(
        "The keynote was given by Professor Stuart Hall of the Open Faculty.",
        {"Stuart Hall"},
        id="surname_that_is_also_a_namesake_word_without_the",
    ),
    pytest.param(
        "The ministers met in Brussels. Ursula von der Leyen opened the session.",
        {"Ursula von der Leyen"},
        id="a_name_does_not_end_in_a_particle",
    ),
    pytest.param(
        '"The cities differ," said Prof. Wu. According to Olga Smirnova, the universities agree.',
        {"Wu", "Olga Smirnova"},
        id="a_short_surname_ends_its_sentence",
    ),
    pytest.param(
        "The ceremony ended with a concert.\n\nPhoto by Luis Alberto Gómez Ruiz",
        {"Luis Alberto Gómez Ruiz"},
        id="a_credit_line_ends_with_the_whole_name",
    ),
    pytest.param(
        "Photo: Prof. Dato' Dr. Siti Aminah binti Yusof after the ceremony",
        {"Siti Aminah binti Yusof"},
        id="malay_honorific_and_a_particle_inside_the_name",
    ),
    pytest.param(
        "Students of Universiti Putra Samudera visited the laboratory.",
        set(),
        id="words_after_a_name_first_head_are_no_person",
    ),
    pytest.param(
        "The lecture was given by Professor Emeritus Kwame Mensah Boateng of the college.",
        {"Kwame Mensah Boateng"},
        id="emeritus_after_professor_is_part_of_the_title",
    ),
    pytest.param(
        "The talks were opened by Johan af Ekström, Vice-Chancellor of Kattegat University.",
        {"Johan af Ekström"},
        id="swedish_particle",
    ),
    pytest.param(
        "The delegation also included Dr. Anna Petrova and Rinat Ilgizovich Zakirov.",
        {"Anna Petrova", "Rinat Ilgizovich Zakirov"},
        id="patronymic_makes_a_name_with_an_unknown_given_name",
    ),
    pytest.param(
        "The award went to Aigerim Serikovna Dzhumabaeva of the institute.",
        {"Aigerim Serikovna Dzhumabaeva"},
        id="female_patronymic",
    ),
]


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_names(nlp, text, names):
    assert {p.name for p in record_of(nlp, text).people} == names


def test_honorific_is_split_off(nlp):
    record = record_of(nlp, "The delegation was led by Ms. Wang Lixia.")
    assert [(p.name, p.honorific) for p in record.people] == [("Wang Lixia", "Ms.")]


def test_later_surname_mentions_join_the_person(nlp):
    text = "Rector Sergei Petrov met the guests. Later, Petrov said the university was ready."
    (person,) = record_of(nlp, text).people
    assert [m.text for m in person.mentions] == ["Sergei Petrov", "Petrov"]
    assert person.mentions[1].method == "coreference"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Prof. Tanaka Hiroshi of Tohoku University spoke first. Later, Prof. Hiroshi "
            "Tanaka presented the new laboratory.",
            id="japanese_name_in_both_orders",
        ),
        pytest.param(
            "Dr. Park Ji-hoon opened the session. The closing talk was given by Dr. Ji-hoon Park.",
            id="korean_name_in_both_orders",
        ),
    ],
)
def test_east_asian_name_in_both_orders_is_one_person(nlp, text):
    assert len(record_of(nlp, text).people) == 1


def test_initials_join_the_full_name_in_a_caption(nlp):
    text = (
        "The document was signed by Rector Pavel Andreevich Sokolov.\n\n"
        "Photo: Rector P.A. Sokolov and the guests."
    )
    (person,) = record_of(nlp, text).people
    assert [m.text for m in person.mentions] == ["Pavel Andreevich Sokolov", "P.A. Sokolov"]


def test_surname_in_a_company_name_is_not_a_mention(nlp):
    text = "Prof. Hans Kolb spoke. Engineers of Kolb & Berger GmbH installed the furnace."
    (person,) = record_of(nlp, text).people
    assert [m.text for m in person.mentions] == ["Hans Kolb"]


def test_initials_of_two_people_join_neither(nlp):
    text = (
        "Prof. Anna Sokolova and Prof. Alla Sokolova opened the school. Prof. A. Sokolova "
        "closed it."
    )
    people = {p.name: [m.text for m in p.mentions] for p in record_of(nlp, text).people}
    assert people["Anna Sokolova"] == ["Anna Sokolova"]
    assert people["Alla Sokolova"] == ["Alla Sokolova"]


def test_two_people_sharing_a_surname_stay_apart(nlp):
    text = "Anna Petrova and Olga Petrova signed the memorandum."
    assert {p.name for p in record_of(nlp, text).people} == {"Anna Petrova", "Olga Petrova"}


NOT_PEOPLE = [
    pytest.param("Дата публикации: 2025.03.12\n>>Перейти к новости", id="cyrillic_boilerplate"),
    pytest.param(
        "Sun Yat-sen University signed an agreement with the institute.",
        id="person_named_university",
    ),
    pytest.param(
        "Peter the Great St. Petersburg Polytechnic University hosted the forum.",
        id="person_named_org",
    ),
    pytest.param("The students travelled from Xi'an to Lanzhou.", id="chinese_city_not_a_name"),
    pytest.param(
        "Students from Ho Chi Minh City and São Carlos joined the school.",
        id="places_with_place_words",
    ),
    pytest.param(
        "The maker Orbital Vale Sistemas Ltda will supply sensors.", id="company_with_suffix"
    ),
    pytest.param(
        "The National University of Uzbekistan named after Mirzo Ulugbek hosted it.",
        id="namesake_of_an_organization",
    ),
    pytest.param(
        "The office is on Amir Temur Avenue in Tashkent.", id="street_named_after_a_person"
    ),
]


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_not_people(nlp, text):
    assert record_of(nlp, text).people == []


def test_names_never_keep_trailing_punctuation(nlp):
    record = record_of(nlp, "The visit was led by First Deputy Director Gao Ming.\nNext line.")
    assert [p.name for p in record.people] == ["Gao Ming"]
    assert record.people[0].mentions[0].text == "Gao Ming"


def test_given_name_and_patronymic_is_the_same_person(nlp):
    text = (
        "Rector Yulia Andreevna Kravtsova met the guests. "
        "Colleagues congratulated Yulia Andreevna on the appointment."
    )
    (person,) = record_of(nlp, text).people
    assert [m.text for m in person.mentions] == ["Yulia Andreevna Kravtsova", "Yulia Andreevna"]


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        pytest.param(
            "The memorandum was signed by Prof. Omar Khaled El-Masri, President of the academy. "
            '"We are ready," said El-Masri.',
            "Omar Khaled El-Masri",
            "El-Masri",
            id="hyphenated_arabic_surname",
        ),
        pytest.param(
            "Prof. Joanna Lis-Bartosik opened the meeting. Later Lis-Bartosik thanked the guests.",
            "Joanna Lis-Bartosik",
            "Lis-Bartosik",
            id="double_surname_with_a_hyphen",
        ),
    ],
)
def test_a_later_mention_is_the_whole_hyphenated_surname(nlp, text, name, mention):
    people = {p.name: p for p in record_of(nlp, text).people}
    texts = [m.text for m in people[name].mentions]
    assert mention in texts and mention.split("-")[-1] not in texts
    for m in people[name].mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        pytest.param(
            "Roberto Ruiz visited Lakeside University on Monday. Dr. Roberto Ruiz Salces, "
            "Secretary General of Hill College, said the talks went well.",
            "Roberto Ruiz Salces",
            "Roberto Ruiz",
            id="second_surname_later",
        ),
        pytest.param(
            "Anna Berg Lindqvist opened the fair. Anna Berg thanked the guests.",
            "Anna Berg Lindqvist",
            "Anna Berg",
            id="second_surname_first",
        ),
    ],
)
def test_a_name_that_begins_a_fuller_one_is_the_same_person(nlp, text, name, mention):
    people = {p.name: [m.text for m in p.mentions] for p in record_of(nlp, text).people}
    assert mention not in people
    assert mention in people[name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "The agreement was signed by the Rector, Maite Moreno Varga, on behalf of "
            "Hill College.",
            "Maite Moreno Varga",
            id="first_word_left_out_after_a_comma",
        ),
        pytest.param(
            "The guests included Dr. Brian A. Holm Cultural Affairs Officer, Bertil G. Lind "
            "Counselor for Public Affairs.",
            "Bertil G. Lind",
            id="first_word_left_out_and_a_title_taken_in",
        ),
        pytest.param(
            "The Superior General of the order, Father Tomas Aldana, met the rector.",
            "Tomas Aldana",
            id="religious_honorific",
        ),
    ],
)
def test_names_the_model_cuts_or_runs_on(nlp, text, name):
    assert name in {p.name for p in record_of(nlp, text).people}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("On Tuesday Anna Berg opened the fair.", "Anna Berg", id="date_before"),
        pytest.param(
            "In Lakeside, Anna Berg said the visit was a success.", "Anna Berg", id="place_before"
        ),
    ],
)
def test_a_word_before_a_name_outside_a_name_slot_stays_out(nlp, text, name):
    assert name in {p.name for p in record_of(nlp, text).people}


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        pytest.param(
            "Anna Berg chairs the board of Riverton Science Park.",
            "Riverton Science Park",
            id="head_after_a_field_word",
        ),
        pytest.param(
            "A Visit to Sister Universities in Kyoto\n\nAnna Berg led the delegation.",
            "Universities",
            id="sister_universities_is_no_honorific",
        ),
    ],
)
def test_names_of_places_and_groups_are_no_people(nlp, text, not_name):
    assert not_name not in {p.name for p in record_of(nlp, text).people}

"""Organizations: names, nesting, coordination, short forms, types."""

from __future__ import annotations

import pytest
from helpers import record_of
from spacy.tokens import Span

from pipeline.entities import group_orgs

pytestmark = pytest.mark.model

NAMES = [
    pytest.param(
        "Guests came from the Ministry of Science and Higher Education.",
        {"Ministry of Science and Higher Education"},
        id="and_inside_complement",
    ),
    pytest.param(
        "Kazan Federal University and Nanjing University signed a memorandum.",
        {"Kazan Federal University", "Nanjing University"},
        id="coordinated_orgs_split",
    ),
    pytest.param(
        "The Hubei Science and Technology Department sent experts.",
        {"Hubei Science and Technology Department"},
        id="and_before_head",
    ),
    pytest.param(
        "She heads the Siberian Branch of the Russian Academy of Sciences in Novosibirsk.",
        {"Siberian Branch of the Russian Academy of Sciences"},
        id="branch_of_academy_is_one_org",
    ),
    pytest.param(
        "The Shaanxi Province Delegation visited the campus.", set(), id="delegation_is_not_an_org"
    ),
    pytest.param(
        "Tomsk State University Signs Agreement With Partners",
        {"Tomsk State University"},
        id="title_case_headline",
    ),
]


NAMES += [
    pytest.param(
        "Harbin Institute of Technology Launch Laboratory for Satellite Sensors",
        {"Harbin Institute of Technology", "Laboratory for Satellite Sensors"},
        id="headline_verb_ends_name",
    ),
    pytest.param(
        "He chairs the Board of the Akademgorodok Technopark Association.",
        {"Akademgorodok Technopark Association"},
        id="board_of_org_is_the_org",
    ),
    pytest.param(
        "Students of Sun Yat-sen University joined the school.",
        {"Sun Yat-sen University"},
        id="lowercase_hyphenated_part",
    ),
    pytest.param(
        "Delegates of the Ministry of Energy and of Tomsk Polytechnic University came.",
        {"Ministry of Energy", "Tomsk Polytechnic University"},
        id="and_of_ends_complement",
    ),
    pytest.param(
        "Rheinfeld UAS and Kaveri Institute of Technology signed it.",
        {"Rheinfeld UAS", "Kaveri Institute of Technology"},
        id="coordination_after_acronym",
    ),
    pytest.param("DOHA — The delegation arrived on Monday.", set(), id="dateline_is_not_an_org"),
    pytest.param(
        "She holds the degree of Candidate of Economic Sciences.", set(), id="degree_is_not_an_org"
    ),
]


NAMES += [
    pytest.param(
        "Officials of the Ministry of Higher Education, Science and Innovation of the Republic "
        "of Uzbekistan attended.",
        {"Ministry of Higher Education, Science and Innovation of the Republic of Uzbekistan"},
        id="list_inside_complement",
    ),
    pytest.param(
        "A letter came from the Ministry of Education of the People's Republic of China.",
        {"Ministry of Education of the People's Republic of China"},
        id="possessive_inside_complement",
    ),
    pytest.param(
        "He met colleagues from China University of Petroleum (Beijing) last week.",
        {"China University of Petroleum (Beijing)"},
        id="place_in_brackets",
    ),
    pytest.param("The International Summer School opened in Sendai.", set(), id="event_not_org"),
    pytest.param(
        "The university rose in the QS World University Rankings.", set(), id="ranking_not_org"
    ),
]


NAMES += [
    pytest.param(
        "Unicamp and Gubkin University opened a joint workshop.",
        {"Unicamp", "Gubkin University"},
        id="bare_name_coordinated_with_university",
    ),
    pytest.param(
        "The University of the Basque Country and Kazan Federal University signed it.",
        {"University of the Basque Country", "Kazan Federal University"},
        id="coordination_after_a_complement",
    ),
    pytest.param(
        "She received the Mendeleev Gold Medal last year.", set(), id="award_is_not_an_org"
    ),
    pytest.param(
        "Students of I.M. Sechenov First Moscow State Medical University arrived.",
        {"I.M. Sechenov First Moscow State Medical University"},
        id="initials_open_a_name",
    ),
]


NAMES += [
    pytest.param(
        "Researchers from Universitas Gadjah Mada joined.",
        {"Universitas Gadjah Mada"},
        id="head_first_name",
    ),
    pytest.param(
        "The Politecnico di Milano and the Universität für Bodenkultur Wien signed it.",
        {"Politecnico di Milano", "Universität für Bodenkultur Wien"},
        id="italian_and_german_connectors",
    ),
    pytest.param(
        "Stents are made by Mustafa Kaya Medikal A.Ş. in Ankara.",
        {"Mustafa Kaya Medikal A.Ş."},
        id="company_suffix_ends_a_name",
    ),
    pytest.param(
        "The sponsor is Kulkarni Machine Works Pvt. Ltd., based in Pune.",
        {"Kulkarni Machine Works Pvt. Ltd."},
        id="two_company_suffixes_with_periods",
    ),
    pytest.param(
        "The Faculty of Forestry, and Ing. Carlos Mendoza Rojas of the ministry, took part.",
        {"Faculty of Forestry"},
        id="honorific_after_a_comma_ends_the_name",
    ),
    pytest.param(
        "The guests were Dr. Olga Petrova and Timur Rustamovich Alimov.",
        set(),
        id="patronymic_name_is_not_an_organization",
    ),
    pytest.param(
        "Politecnico di Torino and HUST Sign Agreement on Robotics",
        {"Politecnico di Torino", "HUST"},
        id="acronym_coordinated_after_a_name_with_a_connector",
    ),
    pytest.param(
        "Tomsk Polytechnic University and Tsinghua University Open Joint Laboratory for "
        "Battery Materials",
        {"Tomsk Polytechnic University", "Tsinghua University"},
        id="headline_description_after_a_verb_is_not_a_name",
    ),
    pytest.param(
        "Researchers of the Joint Institute for Nuclear Research visited Almaty.",
        {"Joint Institute for Nuclear Research"},
        id="joint_in_a_name_outside_a_headline",
    ),
    pytest.param(
        "A message from the Embassy of Italy in Kazakhstan was read out.",
        {"Embassy of Italy in Kazakhstan"},
        id="mission_name_includes_its_place",
    ),
    pytest.param(
        "Her stay was funded by the Alexander von Humboldt Foundation for two years.",
        {"Alexander von Humboldt Foundation"},
        id="name_particle_inside_an_organization_named_after_a_person",
    ),
    pytest.param(
        "The ceremony took place in the Abai Kunanbayev Hall of Almaty Technological University.",
        {"Almaty Technological University"},
        id="a_hall_of_an_organization_is_not_its_name",
    ),
    pytest.param(
        "After the talks the guests visited the Sun Yat-sen Memorial Hall and Kazan University.",
        {"Kazan University"},
        id="a_memorial_hall_is_no_organization",
    ),
    pytest.param(
        "Students of Kazan Federal University in Russia met the guests.",
        {"Kazan Federal University"},
        id="university_name_stops_before_in_place",
    ),
]


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_org_names(nlp, text, names):
    assert {o.name for o in record_of(nlp, text).organizations} == names


def test_short_form_joins_the_full_name(nlp):
    text = (
        "Peter the Great St. Petersburg Polytechnic University welcomed guests. "
        "Polytechnic University will host the next round."
    )
    (org,) = record_of(nlp, text).organizations
    assert org.name == "Peter the Great St. Petersburg Polytechnic University"
    assert org.aliases == ["Polytechnic University"]
    assert org.type == "university"


def test_parent_named_after_of_is_another_org(nlp):
    text = (
        "The Suzhou Automotive Research Institute of Tsinghua University sent a delegation. "
        "Tsinghua University also sent a letter."
    )
    names = {o.name for o in record_of(nlp, text).organizations}
    assert names == {
        "Suzhou Automotive Research Institute of Tsinghua University",
        "Tsinghua University",
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Nanjing University hosted it.", "university", id="university"),
        pytest.param("The Chinese Academy of Sciences hosted it.", "academy", id="academy"),
        pytest.param("The Ministry of Education hosted it.", "government", id="ministry"),
        pytest.param(
            "The Jiangsu Industrial Technology Research Institute hosted it.",
            "research_institute",
            id="institute",
        ),
    ],
)
def test_org_type(nlp, text, kind):
    (org,) = record_of(nlp, text).organizations
    assert org.type == kind


SHORT_FORMS = [
    pytest.param(
        "The Siberian Branch of the Russian Academy of Sciences hosted it. The Siberian Branch "
        "will fund two projects.",
        "Siberian Branch of the Russian Academy of Sciences",
        ["Siberian Branch"],
        id="part_before_of",
    ),
    pytest.param(
        "Bauman Moscow State Technical University signed it. Bauman University will send staff.",
        "Bauman Moscow State Technical University",
        ["Bauman University"],
        id="first_word_and_head",
    ),
    pytest.param(
        "The Russian Academy of Sciences approved it, and the Siberian Branch of RAS and the "
        "Siberian Branch of the Russian Academy of Sciences will fund it.",
        "Siberian Branch of the Russian Academy of Sciences",
        ["Siberian Branch of RAS"],
        id="acronym_inside_name",
    ),
    pytest.param(
        "The chamber was donated by Hangzhou Sunrise Optics Co., Ltd. Wang Lei, Chief Engineer "
        "of Hangzhou Sunrise Optics, said the company would help.",
        "Hangzhou Sunrise Optics Co., Ltd.",
        ["Hangzhou Sunrise Optics"],
        id="company_without_legal_form",
    ),
    pytest.param(
        "A delegation from the Patrice Lumumba University of Friendship (Lumumba University) "
        "arrived. Lumumba University trains students from 90 countries.",
        "Patrice Lumumba University of Friendship",
        ["Lumumba University"],
        id="shorter_name_in_brackets",
    ),
    pytest.param(
        "The school is run by the Universidade Federal do Pampa (Unipampa). Unipampa will "
        "host forty students.",
        "Universidade Federal do Pampa",
        ["Unipampa"],
        id="clipped_blend_defined_in_brackets",
    ),
]


@pytest.mark.parametrize(("text", "name", "aliases"), SHORT_FORMS)
def test_short_forms_join_the_full_name(nlp, text, name, aliases):
    orgs = {o.name: o.aliases for o in record_of(nlp, text).organizations}
    assert orgs[name] == aliases


def test_unit_named_in_a_title_is_split_from_its_parent(nlp):
    text = (
        "It was signed by Marco Rossi, Director of the Department of Industrial Engineering "
        "of PoliRomagna."
    )
    names = {o.name for o in record_of(nlp, text).organizations}
    assert names == {"Department of Industrial Engineering", "PoliRomagna"}


def test_a_name_is_a_name_wherever_it_stands(nlp):
    text = (
        "PoliRomagna signed the agreement. Giulia Ferraresi, who became Rector of PoliRomagna "
        "in 2023, thanked the partners."
    )
    record = record_of(nlp, text)
    (org,) = [o for o in record.organizations if o.name == "PoliRomagna"]
    assert len(org.mentions) == 2
    assert record.people[0].roles[0].organization == "PoliRomagna"


def test_short_form_of_two_names_goes_to_the_name_plus_a_head(blank_nlp):
    """ "ITMO" is a short form of "ITMO University" and of "ITMO Faculty of Photonics": it
    stands for the one that adds only a head noun."""
    doc = blank_nlp.make_doc("ITMO University and the ITMO Faculty of Photonics met ITMO staff.")
    doc.spans["orgs"] = [Span(doc, 0, 2, "ORG"), Span(doc, 4, 8, "ORG"), Span(doc, 9, 10, "ORG")]
    groups = sorted(sorted(m.text for m in e.mentions) for e in group_orgs(doc))
    assert groups == [["ITMO", "ITMO University"], ["ITMO Faculty of Photonics"]]


NOT_ORGANIZATIONS = [
    pytest.param(
        "They were welcomed by the Vice-Chancellor, Anna Okafor, CBE, FRS, and the Registrar.",
        {"CBE", "FRS"},
        id="honours_after_a_name",
    ),
    pytest.param(
        "Lakeside University and Kazan Federal University signed the Student Exchange Agreement.",
        {"Student Exchange Agreement"},
        id="agreement_named_in_title_case",
    ),
    pytest.param(
        "The MOU Signing Ceremony took place at Lakeside University on Monday.",
        {"MOU Signing Ceremony"},
        id="ceremony",
    ),
    pytest.param(
        "Lakeside University Collaborates with Ten Universities in Malaysia\n\nIt said so.",
        {"Lakeside University Collaborates"},
        id="headline_verb_ends_the_name",
    ),
    pytest.param(
        "The XVII Congress of Rectors opened in Kazan with Lakeside University guests.",
        {"XVII"},
        id="roman_numeral",
    ),
]


@pytest.mark.parametrize(("text", "not_names"), NOT_ORGANIZATIONS)
def test_honours_events_and_headline_words_are_no_organizations(nlp, text, not_names):
    names = {o.name for o in record_of(nlp, text).organizations}
    assert not names & not_names
    assert "Lakeside University" in names or "Anna Okafor" in {
        p.name for p in record_of(nlp, text).people
    }


DESCRIPTIONS = [
    pytest.param(
        "The delegation visited several American Universities last year.",
        "American Universities",
        id="plural_head",
    ),
    pytest.param(
        "It aims to become a Top Brazilian University by 2030.",
        "Top Brazilian University",
        id="generic_adjective",
    ),
    pytest.param(
        "She studied at a Chinese University before joining us.",
        "Chinese University",
        id="indefinite_article_and_nationality",
    ),
    pytest.param(
        "The Forum of Rectors of Universities opened in Kazan.",
        "Forum of Rectors of Universities",
        id="event_before_of",
    ),
]


@pytest.mark.parametrize(("text", "name"), DESCRIPTIONS)
def test_descriptions_and_events_are_no_organizations(nlp, text, name):
    assert name not in {o.name for o in record_of(nlp, text).organizations}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "The Caucasus Universities Association met in Baku.",
            "Caucasus Universities Association",
            id="plural_inside_a_name",
        ),
        pytest.param(
            "The forum was opened by the Conference of Rectors of West African Universities.",
            "Conference of Rectors of West African Universities",
            id="plural_in_the_complement",
        ),
    ],
)
def test_plural_words_inside_names_keep_them(nlp, text, name):
    assert name in {o.name for o in record_of(nlp, text).organizations}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Guests came from Lakeside A&M University USA last week.",
            "Lakeside A&M University",
            id="country_after_the_name",
        ),
        pytest.param(
            "Daqing Institute of Mining (China) sent a delegation.",
            "Daqing Institute of Mining",
            id="country_in_brackets",
        ),
        pytest.param(
            "Students of Universitas Indonesia came.",
            "Universitas Indonesia",
            id="head_first_name_keeps_its_place",
        ),
    ],
)
def test_a_country_written_after_a_name_is_left_out(nlp, text, name):
    assert name in {o.name for o in record_of(nlp, text).organizations}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "The Lakeside University Delegation arrived in Kazan on Monday.",
            "Lakeside University",
            id="delegation_after_the_name",
        ),
        pytest.param(
            "Delegation of Lakeside University Visits Kazan\n\nIt came on Monday.",
            "Lakeside University",
            id="delegation_of_the_name",
        ),
    ],
)
def test_a_delegation_is_its_organization(nlp, text, name):
    names = {o.name for o in record_of(nlp, text).organizations}
    assert name in names
    assert not any("Delegation" in n for n in names)


def test_an_unresolved_reference_is_no_organization(nlp):
    text = "Anna Berg, Honorary Professor of the University, spoke in Kazan."
    assert "the University" not in {o.name for o in record_of(nlp, text).organizations}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "Students of the Technical University in Graz came to Kazan.",
            "Technical University in Graz",
            id="generic_name_and_its_place",
        ),
        pytest.param(
            "Students of the National University of Singapore came.",
            "National University of Singapore",
            id="of_a_country_is_the_name",
        ),
        pytest.param(
            "Kazan Federal University in Russia signed it.",
            "Kazan Federal University",
            id="a_proper_name_stops_before_in",
        ),
    ],
)
def test_places_after_a_name(nlp, text, name):
    assert name in {o.name for o in record_of(nlp, text).organizations}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "The College of Law & Graduate School of Policy Studies hosted the event.",
            {"College of Law", "Graduate School of Policy Studies"},
            id="ampersand_between_two_units_with_complements",
        ),
        pytest.param(
            "The Faculty of Arts and School of Music joined the festival.",
            {"Faculty of Arts", "School of Music"},
            id="and_between_two_units_with_complements",
        ),
        pytest.param(
            "The College of Political Science and Economics opened a new course.",
            {"College of Political Science and Economics"},
            id="fields_joined_inside_a_complement_stay_one_name",
        ),
        pytest.param(
            "The International Exchange and Cooperation Department sent its staff.",
            {"International Exchange and Cooperation Department"},
            id="one_head_after_coordinated_words_stays_one_name",
        ),
    ],
)
def test_coordinated_units_with_complements_of_their_own(nlp, text, names):
    assert {o.name for o in record_of(nlp, text).organizations} == names


@pytest.mark.parametrize(
    ("text", "name", "people"),
    [
        pytest.param(
            "A delegation of Riverton State University named after P.M. Holm visited us. "
            "Riverton State University has 12 faculties.",
            "Riverton State University named after P.M. Holm",
            set(),
            id="named_after_initials_and_surname",
        ),
        pytest.param(
            "Students of Karaganda University named after academician E.A. Berg met us.",
            "Karaganda University named after academician E.A. Berg",
            set(),
            id="named_after_a_rank_and_a_name",
        ),
        pytest.param(
            "Riverton State University welcomed P.M. Holm, who was named after his grandfather.",
            "Riverton State University",
            {"P.M. Holm"},
            id="named_after_elsewhere_in_the_sentence",
        ),
    ],
)
def test_a_name_goes_on_with_the_person_it_is_named_after(nlp, text, name, people):
    record = record_of(nlp, text)
    assert [o.name for o in record.organizations] == [name]
    assert {p.name for p in record.people} == people


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "She teaches African Studies and Transnational Education at Lakeside University.",
            {"Lakeside University"},
            id="adjective_and_field_word_is_a_field_of_study",
        ),
        pytest.param(
            "The Institute of African Studies at Lakeside University opened a library.",
            {"Institute of African Studies", "Lakeside University"},
            id="field_of_study_inside_a_name_with_a_head",
        ),
        pytest.param(
            "The partners will cooperate in Heritage Studies and Madrasa Education in the "
            "region, said Lakeside University.",
            {"Lakeside University"},
            id="noun_and_field_word_is_a_field_of_study",
        ),
        pytest.param(
            "The rector met the Congregation for Catholic Education last week.",
            {"Congregation for Catholic Education"},
            id="body_with_a_complement_ending_in_a_field_word",
        ),
    ],
)
def test_fields_of_study_are_no_organizations(nlp, text, names):
    assert {o.name for o in record_of(nlp, text).organizations} == names


@pytest.mark.parametrize(
    ("text", "person"),
    [
        pytest.param(
            "The meeting was attended by Dr Muhammad Haddad Director School of Economics.",
            "Muhammad Haddad",
            id="known_given_name_before_a_title_without_comma",
        ),
        pytest.param(
            "Tomas Holm, head of Mechanical Engineering, also took part.",
            "Tomas Holm",
            id="name_before_a_comma_and_a_title",
        ),
    ],
)
def test_a_persons_name_is_no_organization(nlp, text, person):
    record = record_of(nlp, text)
    assert person in {p.name for p in record.people}
    assert person not in {o.name for o in record.organizations}


def test_a_company_named_after_its_founder_stays_an_organization(nlp):
    text = "Ingrid Solberg Consulting and Brightwater Holdings sponsor the prize."
    names = {o.name for o in record_of(nlp, text).organizations}
    assert {"Ingrid Solberg Consulting", "Brightwater Holdings"} <= names

"""Roles in the shapes lists of guests take on real pages: a title right after a name with no
comma, and a unit written right after its post with no "of". Every sentence here is our own."""

from __future__ import annotations

import pytest
from helpers import record_of, roles_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The guests included Dr. Anna M. Berg Cultural Affairs Officer and Ingrid Solberg "
            "Business Development Director of Lakeside University.",
            {
                ("Anna M. Berg", "Cultural Affairs Officer"),
                ("Ingrid Solberg", "Business Development Director"),
            },
            id="titles_after_names_in_a_list",
        ),
        pytest.param(
            "Also present was Dr. Tomas Holm Counselor for Public Affairs.",
            {("Tomas Holm", "Counselor for Public Affairs")},
            id="title_with_a_complement_ends_the_sentence",
        ),
    ],
)
def test_a_title_right_after_a_name(nlp, text, expected):
    found = {(person, title) for person, title, _org in roles_of(record_of(nlp, text))}
    assert expected <= found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("We thank Anna Berg President Tomas Holm for the visit.", id="next_name"),
        pytest.param(
            "Anna Berg Rector Tomas Holm and the guests met at noon.", id="title_before_a_name"
        ),
    ],
)
def test_a_title_before_the_next_name_is_that_names(nlp, text):
    roles = roles_of(record_of(nlp, text))
    assert not any(person == "Anna Berg" for person, _t, _o in roles)
    assert any(person == "Tomas Holm" for person, _t, _o in roles)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The meeting was attended by Dr Muhammad Haddad Director School of Economics.",
            ("Muhammad Haddad", "Director", "School of Economics"),
            id="unit_with_a_head_and_complement",
        ),
        pytest.param(
            "Tomas Holm, Chairperson Department of Sociology, and Anna Berg, Manager ORIC, "
            "attended.",
            ("Anna Berg", "Manager", "ORIC"),
            id="unit_as_an_acronym",
        ),
        pytest.param(
            "Tomas Holm, Chairperson Department of Sociology, and Anna Berg attended.",
            ("Tomas Holm", "Chairperson", "Department of Sociology"),
            id="unit_after_a_comma_title",
        ),
    ],
)
def test_a_unit_right_after_its_post(nlp, text, expected):
    assert expected in roles_of(record_of(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Prof. Tomas HOLM, Dean, Department of Nordic Languages; Director, Nordic Language "
            "Center",
            {
                ("Tomas HOLM", "Dean", "Department of Nordic Languages"),
                ("Tomas HOLM", "Director", "Nordic Language Center"),
            },
            id="posts_after_a_semicolon",
        ),
        pytest.param(
            "Prof. Erik BERG, Director of Center for Baltic Studies & Professor, Maritime "
            "Research Institute",
            {
                ("Erik BERG", "Director", "Center for Baltic Studies"),
                ("Erik BERG", "Professor", "Maritime Research Institute"),
            },
            id="posts_joined_by_an_ampersand",
        ),
    ],
)
def test_one_name_holding_several_posts(nlp, text, expected):
    assert expected <= roles_of(record_of(nlp, text))


def test_a_title_after_a_semicolon_before_a_name_is_that_names(nlp):
    text = "Anna Berg, Dean of Law; Director of the Music School, Tomas Holm; and guests."
    roles = {(person, title) for person, title, _o in roles_of(record_of(nlp, text))}
    assert ("Tomas Holm", "Director") in roles
    assert ("Anna Berg", "Director") not in roles


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        pytest.param(
            "Also present were the Deputy Vice-Chancellor (Academics & Research), Professor "
            "Ingrid Solberg, and the Registrar.",
            "Ingrid Solberg",
            "Deputy Vice-Chancellor (Academics & Research)",
            id="area_in_brackets_with_an_ampersand",
        ),
        pytest.param(
            "The delegation was headed by the President of the University Dr Anna Berg.",
            "Anna Berg",
            "President",
            id="generic_reference_before_an_honorific",
        ),
    ],
)
def test_what_a_title_takes_in_before_the_name(nlp, text, person, title):
    assert any(p == person and t == title for p, t, _o in roles_of(record_of(nlp, text)))


def test_an_acronym_in_brackets_is_not_an_area(nlp):
    text = "The Dean (R&D) Tomas Holm spoke at Lakeside University."
    assert not any("(R&D)" in t for _p, t, _o in roles_of(record_of(nlp, text)))


def test_titles_before_names_in_brackets_as_captions_write_them(nlp):
    text = (
        "From left to right, President Lakeside University (Mr. Kenji SATO), Governor of "
        "Hokkaido (Mr. Ikuo TANAKA), Rector of Hill College (Prof. Dr. Anna Berg, M.Sc.)."
    )
    roles = roles_of(record_of(nlp, text))
    assert ("Kenji SATO", "President", "Lakeside University") in roles
    assert ("Ikuo TANAKA", "Governor of Hokkaido", None) in roles
    assert ("Anna Berg", "Rector", "Hill College") in roles


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Rector of Lakeside University (LU) met Anna Berg.", id="acronym"),
        pytest.param(
            "Two students (Anna Berg and Tomas Holm) met the Rector of Lakeside University.",
            id="names_in_brackets_before_a_title",
        ),
    ],
)
def test_brackets_without_a_title_before_them_give_no_role(nlp, text):
    assert roles_of(record_of(nlp, text)) == set()


def test_a_title_complement_stops_before_initials(nlp):
    text = (
        "The guests met the vice-rector for academic affairs R.Sh. Orlov, the vice-rector for "
        "science V.V. Petrov and the dean of the law faculty N.V. Sidorova."
    )
    roles = {(p, t) for p, t, _o in roles_of(record_of(nlp, text))}
    assert ("R.Sh. Orlov", "vice-rector for academic affairs") in roles
    assert ("V.V. Petrov", "vice-rector for science") in roles


@pytest.mark.parametrize(
    ("text", "expected", "not_org"),
    [
        pytest.param(
            "The delegation was led by Mr Tomas Holm, Member of the Standing Committee of the "
            "Lakeside Municipal Committee and Deputy Mayor of Lakeside City.",
            ("Tomas Holm", "Member of the Standing Committee", "Lakeside Municipal Committee"),
            "Standing Committee",
            id="committee_of_an_organization",
        ),
        pytest.param(
            "Anna Berg (Professor of Genetics and Chairman of the Board of Riverton Science Park) "
            "visited Hill College.",
            ("Anna Berg", "Chairman of the Board", "Riverton Science Park"),
            "Board",
            id="board_of_an_organization",
        ),
    ],
)
def test_a_board_named_in_a_title_is_part_of_it(nlp, text, expected, not_org):
    record = record_of(nlp, text)
    assert expected in roles_of(record)
    assert not_org not in {o.name for o in record.organizations}


def test_a_council_with_no_organization_after_it_stays_the_organization(nlp):
    text = "Viktor Petrov, Chairman of the Council of Rectors of Omsk Region, spoke."
    assert ("Viktor Petrov", "Chairman", "Council of Rectors of Omsk Region") in roles_of(
        record_of(nlp, text)
    )

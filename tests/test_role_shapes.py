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

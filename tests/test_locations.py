"""Locations are places in their own right, not parts of names."""

from __future__ import annotations

import pytest
from helpers import record_of

pytestmark = pytest.mark.model

CASES = [
    pytest.param(
        "The delegation travelled from Lanzhou to Moscow.",
        {"Lanzhou", "Moscow"},
        id="cities",
    ),
    pytest.param(
        "Tomsk State University signed it with partners in Vietnam.",
        {"Vietnam"},
        id="place_inside_org_name_skipped",
    ),
    pytest.param("Our laboratories are looking to the East.", set(), id="figurative_compass_point"),
    pytest.param(
        "The students came from the Gansu Province.", {"Gansu Province"}, id="leading_the_dropped"
    ),
]


CASES += [
    pytest.param(
        "The delegation then flew to Novosibirsk.", {"Novosibirsk"}, id="place_the_model_calls_org"
    ),
    pytest.param("DOHA — The university signed an agreement.", {"DOHA"}, id="dateline"),
    pytest.param(
        "The prize was named after V.N. Tatishchev in Yekaterinburg.",
        {"Yekaterinburg"},
        id="initials_are_not_places",
    ),
    pytest.param(
        "Students from Ho Chi Minh City and São Carlos joined the school.",
        {"Ho Chi Minh City", "São Carlos"},
        id="places_the_model_calls_people",
    ),
    pytest.param(
        "The school included a field trip to Mount Merapi, the most active volcano in Indonesia.",
        {"Mount Merapi", "Indonesia"},
        id="natural_feature",
    ),
    pytest.param(
        "Graduates speak Hindi, Nepali and Sinhala.", set(), id="languages_are_not_places"
    ),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_locations(nlp, text, names):
    assert {loc.name for loc in record_of(nlp, text).locations} == names


def test_same_place_twice_is_one_location(nlp):
    (loc,) = record_of(nlp, "China is a partner. Students from China arrived.").locations
    assert loc.name == "China" and len(loc.mentions) == 2

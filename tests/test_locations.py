"""Locations are places in their own right, not parts of names."""

from __future__ import annotations

import pytest
from helpers import record_of
from spacy.tokens import Span

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
        "He met officials at the Embassy of the Republic of Norway in Riga and at Hill College.",
        {"Riga"},
        id="place_a_mission_is_in",
    ),
    pytest.param(
        "Students of the Technical University in Graz and of Riverton University met.",
        set(),
        id="place_completing_a_generic_name",
    ),
    pytest.param(
        "Photo by Anna Berg\n\nRIVER FALLS, Wis — The university signed an agreement.",
        {"RIVER FALLS"},
        id="dateline_with_a_state_abbreviation",
    ),
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
    pytest.param(
        "The second group of students will leave for Brno in February.",
        {"Brno"},
        id="city_the_model_calls_a_person_after_a_preposition",
    ),
    pytest.param(
        "The team then went on to Olomouc and Zlin by train.",
        {"Olomouc", "Zlin"},
        id="cities_coordinated_after_a_preposition",
    ),
    pytest.param(
        "The rector met Prof. Ivan Petrov. A letter from Petrov was read out.",
        set(),
        id="surname_of_a_person_after_from_is_not_a_place",
    ),
    pytest.param(
        "Ing. Luis Vargas Pinto and Dr. Ana Rojas came from Bolivia.",
        {"Bolivia"},
        id="honorific_is_not_a_place",
    ),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_locations(nlp, text, names):
    assert {loc.name for loc in record_of(nlp, text).locations} == names


def test_same_place_twice_is_one_location(nlp):
    (loc,) = record_of(nlp, "China is a partner. Students from China arrived.").locations
    assert loc.name == "China" and len(loc.mentions) == 2


@pytest.mark.parametrize("honorific", ["Ing.", "Ing", "Herr"])
def test_honorific_the_model_calls_a_place_is_dropped(nlp, honorific):
    """The model sometimes tags "Ing." (Ingeniero) as a GPE; it is a person's honorific."""
    doc = nlp.make_doc(f"The group included {honorific} Pablo Reyes and students from Chile.")
    words = [t.text for t in doc]
    at = next(i for i, w in enumerate(words) if w.rstrip(".") == honorific.rstrip("."))
    chile = words.index("Chile")
    doc.ents = [Span(doc, at, at + 1, label="GPE"), Span(doc, chile, chile + 1, label="GPE")]
    doc = nlp.get_pipe("uninews_locations")(doc)
    assert [s.text for s in doc.spans["locations"]] == ["Chile"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "It is one of South Korea's oldest universities.", "South Korea", id="possessive_s"
        ),
        pytest.param(
            "The forum drew guests from all of Latin America's capitals.",
            "Latin America",
            id="possessive_on_a_region",
        ),
    ],
)
def test_a_possessive_is_not_part_of_a_place(nlp, text, place):
    from helpers import record_of

    assert place in {loc.name for loc in record_of(nlp, text).locations}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "The signing took place in Pokhara last week, then in Nepal's capital.",
            "Nepal",
            id="country_the_model_calls_an_organization",
        ),
        pytest.param(
            "Anna Berg, Ambassador of Chile to India, opened the forum.",
            "Chile",
            id="place_inside_a_title",
        ),
        pytest.param(
            "A delegation from Daqing Institute of Mining (China) came.",
            "China",
            id="country_in_brackets_after_a_name",
        ),
    ],
)
def test_countries_wherever_they_stand(nlp, text, place):
    from helpers import record_of

    record = record_of(nlp, text)
    assert place in {loc.name for loc in record.locations}
    assert place not in {o.name for o in record.organizations}


@pytest.mark.model
def test_a_title_word_is_no_place(nlp):
    from helpers import record_of

    text = "The Consul of Brazil in Kazan, Anna Berg, spoke."
    assert "Consul" not in {loc.name for loc in record_of(nlp, text).locations}


@pytest.mark.model
def test_a_country_in_capitals_is_a_place_not_an_organization(nlp):
    from helpers import record_of

    record = record_of(nlp, "PRINCE OF SONGKLA UNIVERSITY, THAILAND — The university said so.")
    assert "THAILAND" not in {o.name for o in record.organizations}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "places"),
    [
        pytest.param(
            "The MoU was signed in Pokhara, Gandaki, Nepal on Monday.",
            {"Pokhara", "Gandaki", "Nepal"},
            id="city_region_country",
        ),
        pytest.param(
            "Guests came from Lakeside College, Yangzhou, China.",
            {"Yangzhou", "China"},
            id="city_after_an_organization",
        ),
    ],
)
def test_places_set_off_by_commas_before_a_country(nlp, text, places):
    from helpers import record_of

    assert places <= {loc.name for loc in record_of(nlp, text).locations}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        pytest.param(
            "The lecture was given by Anna Berg, MD, DSc, of Lakeside University.",
            set(),
            id="degrees_after_a_name",
        ),
        pytest.param(
            "She moved to Baltimore, MD, in 2019.", {"Baltimore", "MD"}, id="state_after_a_city"
        ),
        pytest.param(
            "The centre works on AI and robotics in Riverton.",
            {"Riverton"},
            id="ai_is_a_field_not_a_place",
        ),
    ],
)
def test_degrees_and_fields_the_model_calls_places(nlp, text, places):
    assert {loc.name for loc in record_of(nlp, text).locations} == places


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param(
            "The delegation toured the cities of the south - Seoul and Riverton.",
            {"Seoul"},
            set(),
            id="capital_the_model_leaves_out",
        ),
        pytest.param(
            "Seoul National University hosted the meeting.",
            set(),
            {"Seoul"},
            id="city_inside_an_organization_name",
        ),
        pytest.param(
            "BISHKEK, 3 May - The rectors met.", {"BISHKEK"}, set(), id="city_in_capitals"
        ),
    ],
)
def test_capitals_and_large_cities_wherever_they_stand(nlp, text, present, absent):
    places = {loc.name for loc in record_of(nlp, text).locations}
    assert present <= places
    assert not absent & places

"""Where an organization's name starts and ends: lists inside its "of" complement, names
coordinated after a complement, articles glued to Arabic names, and descriptions that only
look like names. Every sentence here is our own."""

from __future__ import annotations

import pytest
from helpers import record_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "He met the rector of Riverton National University of Information Technologies, "
            "Mechanics, and Optics last week.",
            {"Riverton National University of Information Technologies, Mechanics, and Optics"},
            id="fields_listed_in_the_complement",
        ),
        pytest.param(
            "Students of the University of Information Technologies, Lakeside University and "
            "Hill College came.",
            {"University of Information Technologies", "Lakeside University", "Hill College"},
            id="names_listed_after_a_complement",
        ),
        pytest.param(
            "He met the Ministry of Higher Education, Science and Innovation and Hill College.",
            {"Ministry of Higher Education, Science and Innovation", "Hill College"},
            id="name_after_the_last_and_of_a_complement",
        ),
        pytest.param(
            "Students of the National University of Singapore and the Catholic University of "
            "Korea came.",
            {"National University of Singapore", "Catholic University of Korea"},
            id="coordination_after_words_before_of",
        ),
        pytest.param(
            "Four universities from Norway and Sweden and the University of Westmorland met.",
            {"University of Westmorland"},
            id="places_coordinated_before_a_name",
        ),
        pytest.param(
            "The Lakeside Municipal People’s Government sent a delegation to Hill College.",
            {"Lakeside Municipal People’s Government", "Hill College"},
            id="peoples_inside_a_name",
        ),
        pytest.param(
            "The Institute for Advanced Study, Lakeside University and Hill College signed.",
            {"Institute for Advanced Study", "Lakeside University", "Hill College"},
            id="names_listed_after_a_for_complement",
        ),
        pytest.param(
            "The Centre for Nordic, Baltic and Arctic Studies of Lakeside University opened.",
            {"Centre for Nordic, Baltic and Arctic Studies of Lakeside University"},
            id="fields_listed_in_a_for_complement",
        ),
        pytest.param(
            "A memorandum was signed between Lakeside University and Karim al-Nadir "
            "University on Monday.",
            {"Lakeside University", "Karim al-Nadir University"},
            id="arabic_article_inside_a_name",
        ),
    ],
)
def test_name_extents(nlp, text, names):
    assert {o.name for o in record_of(nlp, text).organizations} == names


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        pytest.param(
            "Lakeside University Forges Links with Top Brazilian University",
            "Brazilian University",
            id="generic_adjective_before_a_nationality",
        ),
        pytest.param(
            "Rectors came to the 10th Asian University Presidents Forum in May.",
            "Asian University",
            id="description_opening_an_event_name",
        ),
        pytest.param(
            "In his remarks, the UK Government’s Head of Trade Anna Berg spoke.",
            "UK Government",
            id="a_countrys_government_is_a_generic_group",
        ),
        pytest.param(
            "The meeting took place in the Medical Faculty Meeting Room of Riverton Campus.",
            "Medical Faculty Meeting Room of Riverton Campus",
            id="a_room_on_a_campus_is_a_venue",
        ),
        pytest.param(
            "Students of Lakeside University met al-Sayed at the fair.",
            "al-Sayed",
            id="arabic_article_before_a_name_without_head",
        ),
    ],
)
def test_descriptions_are_no_names(nlp, text, not_name):
    assert not_name not in {o.name for o in record_of(nlp, text).organizations}


def test_a_name_before_an_event_stays_an_organization(nlp):
    text = "Lakeside University hosted the Lakeside University Research Forum in May."
    assert "Lakeside University" in {o.name for o in record_of(nlp, text).organizations}


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        pytest.param(
            "Lakeside University signed an agreement with Halvorsen Mada University.\n"
            "Halvorsen Mada and Lakeside are ready to promote research.",
            "Halvorsen Mada University",
            "Halvorsen Mada",
            id="short_form_coordinated_with_a_short_form",
        ),
        pytest.param(
            "Lakeside University signed an agreement with Halvorsen Mada University.\n"
            "The ties between Lakeside and Halvorsen Mada go back to 1990.",
            "Halvorsen Mada University",
            "Halvorsen Mada",
            id="short_form_after_a_short_form",
        ),
    ],
)
def test_a_short_form_of_a_name_is_no_person(nlp, text, name, short):
    record = record_of(nlp, text)
    assert short not in {p.name for p in record.people}
    assert short in {a for o in record.organizations if o.name == name for a in o.aliases}


def test_the_namesake_alone_stays_a_person(nlp):
    text = "Gao Jun recalled that Anna Berg University was founded by Anna Berg in 1924."
    assert "Anna Berg" in {p.name for p in record_of(nlp, text).people}


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        pytest.param(
            "It is the fifth anniversary of the Confucius Institute at Lakeside University, "
            "which opened in 2019.",
            "Confucius Institute at Lakeside University",
            [],
            id="network_name_with_its_host",
        ),
        pytest.param(
            "The Lakeside University Confucius Institute held a fair. Since its opening, the "
            "Confucius Institute at Lakeside University has taught 500 students.",
            "Confucius Institute at Lakeside University",
            ["Lakeside University Confucius Institute"],
            id="host_before_or_after_the_network_name",
        ),
    ],
)
def test_a_network_name_is_named_by_its_host(nlp, text, name, aliases):
    orgs = {o.name: o.aliases for o in record_of(nlp, text).organizations}
    assert orgs.get(name) == aliases


def test_an_institute_at_a_university_stays_a_unit(nlp):
    text = "Dr. Tomas Holm, Director of the Water Research Institute at Hill University, spoke."
    names = {o.name for o in record_of(nlp, text).organizations}
    assert "Water Research Institute at Hill University" not in names
    assert "Hill University" in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "The Government of Lakeside Province and Hill College signed an agreement.",
            "Government of Lakeside Province",
            id="a_named_government",
        ),
        pytest.param(
            "Lakeside University Campus hosted the fair.", "Lakeside University", id="campus_after"
        ),
    ],
)
def test_bodies_next_to_venues_and_governments_stay(nlp, text, name):
    assert name in {o.name for o in record_of(nlp, text).organizations}


def test_a_world_region_coordinated_with_names_is_no_organization(nlp):
    text = (
        "Two universities from two continents – Lakeside University from Africa and Hill "
        "College from Asia – co-hosted the forum in Johannesburg, South Africa."
    )
    record = record_of(nlp, text)
    assert {o.name for o in record.organizations} == {"Lakeside University", "Hill College"}
    assert {"Africa", "South Africa"} <= {loc.name for loc in record.locations}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "The delegation included Mr. Tomas Holm, Municipal Secretary of Culture and Tourism "
            "of Riverton, and Hill College staff.",
            {"Hill College"},
            id="portfolio_and_place",
        ),
        pytest.param(
            "Mr. Erik Berg, Secretary of Culture of the Government of the State of Lakeside, "
            "spoke.",
            {"Government of the State of Lakeside"},
            id="portfolio_before_a_government",
        ),
        pytest.param(
            "She studied at the Culture Institute of Riverton.",
            {"Culture Institute of Riverton"},
            id="field_word_before_a_head",
        ),
    ],
)
def test_a_posts_portfolio_is_no_organization(nlp, text, names):
    assert {o.name for o in record_of(nlp, text).organizations} == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "He met the rector of University  of Lakeside in May.",
            {"University of Lakeside"},
            id="doubled_space_before_a_connector",
        ),
        pytest.param(
            "They agreed to establish the University Alliance  Lakeside University is one of "
            "its members.",
            {"University Alliance", "Lakeside University"},
            id="doubled_space_where_a_stop_was_lost",
        ),
    ],
)
def test_doubled_spaces_of_scraped_pages(nlp, text, names):
    assert {o.name for o in record_of(nlp, text).organizations} == names

"""Counts of partner institutions (pipeline/components/agreements/partnership.py): a count of
universities, institutions or colleges is an agreement count when the sentence makes them
partners. Every sentence here is our own."""

from __future__ import annotations

import pytest
from helpers import record_of

pytestmark = pytest.mark.model

PARTNERS = [
    pytest.param(
        "Lakeside University has signed memoranda with 140 universities worldwide.",
        (140, "exact"),
        id="signed_with",
    ),
    pytest.param(
        "Agreements were concluded between Lakeside University and 12 universities abroad.",
        (12, "exact"),
        id="between_and",
    ),
    pytest.param(
        "Lakeside University cooperates with 18 universities in Vietnam.",
        (18, "exact"),
        id="collaborates_with",
    ),
    pytest.param(
        "Being a partner of nearly 30 universities in China, the institute hosts a forum.",
        (30, "about"),
        id="partner_of",
    ),
    pytest.param(
        "The institute and six colleges signed a memorandum of cooperation.",
        (6, "exact"),
        id="conjunct_subject_of_signed",
    ),
    pytest.param(
        "The programme now has three foreign partners in Europe.",
        (3, "exact"),
        id="partners_counted_themselves",
    ),
    pytest.param(
        "Students may study at four sister universities in Japan.",
        (4, "exact"),
        id="sister_universities",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTNERS)
def test_partner_institutions_are_counted(nlp, text, expected):
    counts = {(c.count, c.qualifier) for c in record_of(nlp, text).agreement_counts}
    assert expected in counts


NOT_PARTNERS = [
    pytest.param("Some 27 universities took part in the forum in Kazan.", id="participants"),
    pytest.param("It is one of the 13 national research universities.", id="membership_rank"),
    pytest.param("Rectors of 40 universities attended the summit.", id="rectors_of"),
    pytest.param("The two universities signed an agreement on Monday.", id="both_parties"),
    pytest.param("The delegation toured five universities in Turkey.", id="visited_not_partners"),
]


@pytest.mark.parametrize("text", NOT_PARTNERS)
def test_institutions_that_are_not_partners_are_not_counted(nlp, text):
    assert record_of(nlp, text).agreement_counts == []


ORDINALS = [
    pytest.param("Lakeside University is our 12th partner in Korea.", 12, id="digits"),
    pytest.param("It is the 31st memorandum with a university in Chile.", 31, id="mou"),
    pytest.param(
        "Lakeside University became the first Kenyan partner of the institute.", 1, id="word_first"
    ),
    pytest.param("It became our fourth partner university in Peru.", 4, id="partner_university"),
]


@pytest.mark.parametrize(("text", "count"), ORDINALS)
def test_ordinals_that_number_partners_or_agreements(nlp, text, count):
    assert count in {c.count for c in record_of(nlp, text).agreement_counts}


@pytest.mark.parametrize(
    "text",
    [
        "It was the second visit of the rector to Kazan.",
        "For the first time, students from Kenya studied here.",
        "The 21st century brings new challenges.",
    ],
)
def test_ordinals_of_visits_times_and_centuries_count_nothing(nlp, text):
    assert record_of(nlp, text).agreement_counts == []


def test_a_third_partner_is_one_more_not_a_count(nlp):
    text = "They discussed a third partner in a trilateral summer school."
    assert record_of(nlp, text).agreement_counts == []


def test_between_two_universities_names_the_parties(nlp):
    text = "It is a partnership between two old universities of the Baltic."
    assert record_of(nlp, text).agreement_counts == []


def test_bare_numbers_from_places_after_a_partner_count(nlp):
    text = "It has memoranda with 35 universities: 12 from Spain, 15 from Japan and 8 from Chile."
    assert {c.count for c in record_of(nlp, text).agreement_counts} == {35, 12, 15, 8}


def test_bare_numbers_from_places_after_a_quantity_stay_quantities(nlp):
    record = record_of(nlp, "The school has 240 students, 40 from Kazakhstan.")
    assert record.agreement_counts == []

"""Publication date lines in the shapes real sites print them (pipeline/components/date_lines.py).

Every sentence here is our own; each shows one shape: a date beside page fields (labels, view
counters, bylines, clock times, a section label) or a press release's dateline.
"""

from __future__ import annotations

import pytest

TITLE = "Polytech and Lakeside University open a joint lab\n\n"
BODY = "\n\nThe two universities opened the lab on Friday. It has ten rooms.\n"

SHAPES = [
    pytest.param(
        "Release time:2024-03-09Source of news: Reads:",
        "2024-03-09",
        id="glued_label_and_source",
    ),
    pytest.param(
        "Date created : Saturday, March 9, 2024   Visits : 412",
        "2024-03-09",
        id="created_date_and_visits",
    ),
    pytest.param("9 Mar, 2024  |  Hits:1520", "2024-03-09", id="date_and_hits"),
    pytest.param("Date Added: 9 March 2024, 14:05", "2024-03-09", id="date_added_with_time"),
    pytest.param("2024/03/09 - 14:05", "2024-03-09", id="slashed_date_and_time"),
    pytest.param("09.03.2024 311", "2024-03-09", id="day_month_year_and_counter"),
    pytest.param(
        "Time:March 9, 2024  Author:Office of Communications  Editor:Li Na",
        "2024-03-09",
        id="time_author_editor",
    ),
    pytest.param("News 9 Mar 2024", "2024-03-09", id="section_label_before"),
    pytest.param(
        "Mar 9, 2024 - International cooperation", "2024-03-09", id="section_label_after_dash"
    ),
    pytest.param("CAMPUS NEWS / 9 MARCH 2024", "2024-03-09", id="capital_section_label"),
    pytest.param("By Sat, 9 Mar 2024 GMT", "2024-03-09", id="byline_weekday_gmt"),
    pytest.param(
        "This item was published on 09.03.2024 and has been viewed 77 times.",
        "2024-03-09",
        id="published_and_viewed_sentence",
    ),
    pytest.param("• 게시 2024.03.09 10:52", "2024-03-09", id="label_in_another_script"),
    pytest.param("DATEMarch 9, 2024", "2024-03-09", id="glued_capital_label"),
]


@pytest.mark.model
@pytest.mark.parametrize(("line", "value"), SHAPES)
def test_date_line_beside_page_fields(nlp, line, value):
    doc = nlp(TITLE + line + BODY)
    assert doc._.published == value


DATELINES = [
    pytest.param(
        "(Nakuru, 9 March 2024) The two universities opened a joint lab on Friday.",
        id="bracketed_city",
    ),
    pytest.param(
        "[Busan, Korea, March 9th, 2024] The two universities opened a lab.",
        id="square_brackets_city_country",
    ),
    pytest.param(
        "Surabaya, Indonesia, 9 March 2024 – The two universities opened a lab.",
        id="city_country_dash",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("first", DATELINES)
def test_press_release_dateline(nlp, first):
    doc = nlp(TITLE + first + "\n\nIt has ten rooms and a seminar hall.\n")
    assert doc._.published == "2024-03-09"


NOT_PUBLISHED = [
    pytest.param("Last Updated Date: 2024-03-09, Saturday", id="updated_line"),
    pytest.param(
        "The rectors signed the agreement in Kazan on 9 March 2024 after long talks.",
        id="date_in_a_sentence",
    ),
    pytest.param(
        "Delegates from Lakeside University arrived in Kazan on 9 March 2024.",
        id="sentence_with_place_and_date",
    ),
    pytest.param(
        "Kazan, the capital of Tatarstan, 9 March 2024 was a busy day for us.",
        id="place_comma_date_without_bracket_or_dash",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("line", NOT_PUBLISHED)
def test_no_publication_date_in_prose_or_update_lines(nlp, line):
    doc = nlp(TITLE + line + BODY)
    assert doc._.published is None


@pytest.mark.model
@pytest.mark.parametrize(
    "line",
    [
        pytest.param("2024.03.09 | Anna Berg Lindqvist", id="date_pipe_byline"),
        pytest.param(
            "Nakuru, March 9th, 2024. The two universities opened a joint lab.",
            id="dateline_ending_in_a_full_stop",
        ),
    ],
)
def test_more_date_line_shapes(nlp, line):
    doc = nlp(TITLE + line + BODY)
    assert doc._.published == "2024-03-09"

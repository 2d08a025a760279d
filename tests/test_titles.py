"""Job titles from the lexicon (rules only: no model needed)."""

from __future__ import annotations

import pytest

CASES = [
    pytest.param(
        "led by First Deputy Director Gao Ming", ["First Deputy Director"], id="stacked_modifiers"
    ),
    pytest.param(
        "the Vice-Rector for International Affairs Dmitry Ivanov",
        ["Vice-Rector for International Affairs"],
        id="hyphen_and_for_complement",
    ),
    pytest.param(
        "Vice Rector for Research and Innovation at KFU",
        ["Vice Rector for Research and Innovation"],
        id="spaced_vice_complement_with_and",
    ),
    pytest.param("the Director-General of the Bureau", ["Director-General"], id="hyphenated_base"),
    pytest.param("Rector and Chairman of the Board", ["Rector", "Chairman"], id="two_titles"),
    pytest.param("currently an intern at the institute", ["intern"], id="lowercase_base"),
    pytest.param("Head of the International Office", ["Head"], id="capitalized_only_base"),
    pytest.param(
        "Vice-President for International Affairs and Diversity",
        ["Vice-President for International Affairs and Diversity"],
        id="complement_with_and",
    ),
]


@pytest.mark.parametrize(("text", "titles"), CASES)
def test_titles(blank_nlp, text, titles):
    assert [s.text for s in blank_nlp(text).spans["titles"]] == titles


NEGATIVE = [
    pytest.param("they will head the delegation", id="verb_head"),
    pytest.param("a chair in the hall", id="furniture_chair"),
    pytest.param("the first meeting", id="modifier_without_base"),
    pytest.param("Directors of companies", id="plural"),
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_titles(blank_nlp, text):
    assert list(blank_nlp(text).spans["titles"]) == []


WORLD_TITLES = [
    pytest.param("the Bursar, Mrs. Ada Obi", ["Bursar"], id="bursar"),
    pytest.param("the University Librarian, Dr. Ada Obi", ["University Librarian"], id="librarian"),
    pytest.param(
        "Kwame Asante, Chief of Staff to the Governor", ["Chief of Staff", "Governor"], id="staff"
    ),
    pytest.param(
        "the High Commissioner for Ghana", ["High Commissioner for Ghana"], id="high_commissioner"
    ),
    pytest.param("Jan Novak, State Secretary of the Ministry", ["State Secretary"], id="state"),
    pytest.param("the Saudi Cultural Attaché", ["Cultural Attaché"], id="cultural_attache"),
    pytest.param("Vice Premier Wang Fang", ["Vice Premier"], id="vice_premier"),
]


@pytest.mark.parametrize(("text", "titles"), WORLD_TITLES)
def test_titles_of_governments_and_university_offices(blank_nlp, text, titles):
    assert [s.text for s in blank_nlp(text).spans["titles"]] == titles


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param(
            "The Chinese Ambassador opened it.",
            "Chinese Ambassador",
            id="nationality_before_title",
        ),
        pytest.param(
            "Its Kenyan Director, Mary Wanjiru, spoke.",
            "Kenyan Director",
            id="nationality_before_director",
        ),
    ],
)
def test_a_nationality_before_a_title_belongs_to_it(nlp, text, title):
    assert title in [s.text for s in nlp(text).spans["titles"]]


@pytest.mark.parametrize("text", ["an assistant to the team", "the premier league"])
def test_common_words_in_lower_case_are_no_titles(blank_nlp, text):
    assert [s.text for s in blank_nlp(text).spans["titles"]] == []


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        pytest.param("the head of foreign relations office Li Ming", ["head"], id="the_head_of"),
        pytest.param(
            "its coordinator for mobility, Anna Berg",
            ["coordinator for mobility"],
            id="its_coordinator_for",
        ),
    ],
)
def test_a_lower_case_post_after_a_determiner_and_before_its_complement(blank_nlp, text, titles):
    assert [s.text for s in blank_nlp(text).spans["titles"]] == titles


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "titles"),
    [
        pytest.param(
            "Dr. Anna Berg, general director, and Tomas Holm, project manager, attended.",
            ["general director", "project manager"],
            id="posts_set_off_by_commas_after_names",
        ),
        pytest.param(
            "Anna Berg, head of the library, spoke.", ["head"], id="post_with_its_complement"
        ),
        pytest.param(
            "In Riverton, head office staff and general managers met.",
            [],
            id="after_a_place_and_comma_no_title",
        ),
        pytest.param(
            "Anna Berg, head count and budgets were discussed.",
            [],
            id="word_that_goes_on_is_no_apposition",
        ),
    ],
)
def test_a_lower_case_post_in_apposition_to_a_name(nlp, text, titles):
    assert [s.text for s in nlp(text).spans["titles"]] == titles


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        pytest.param(
            "Prof. Anna Berg, Vice President, Research\nProf. Tomas Holm",
            ["Vice President, Research"],
            id="portfolio_at_the_end_of_a_line",
        ),
        pytest.param(
            "Anna Berg, Vice President, International Affairs; Tomas Holm",
            ["Vice President, International Affairs"],
            id="portfolio_at_the_end_of_an_item",
        ),
        pytest.param(
            "Anna Berg, Director, Research Park Ltd, spoke.",
            ["Director"],
            id="words_that_go_on_are_no_portfolio",
        ),
        pytest.param(
            "Anna Berg, Director, Research, spoke.", ["Director"], id="portfolio_mid_sentence"
        ),
    ],
)
def test_a_portfolio_after_a_comma_ends_a_title(blank_nlp, text, titles):
    assert [s.text for s in blank_nlp(text).spans["titles"]] == titles


@pytest.mark.parametrize(
    "text", ["they head the delegation", "the head count rose", "a coordinator of sorts"]
)
def test_lower_case_posts_elsewhere_stay_words(blank_nlp, text):
    assert [s.text for s in blank_nlp(text).spans["titles"]] == []


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        pytest.param(
            "the Ambassador to Brazil Anna Berg",
            ["Ambassador to Brazil"],
            id="ambassador_to_a_country",
        ),
        pytest.param(
            "the Ambassador of Norway to Sweden, Mr. Tomas Holm",
            ["Ambassador of Norway to Sweden"],
            id="ambassador_of_a_country_to_another",
        ),
        pytest.param(
            "the Ambassador Extraordinary and Plenipotentiary of Norway to Lakeland Anna Berg",
            ["Ambassador Extraordinary and Plenipotentiary of Norway to Lakeland"],
            id="ambassador_extraordinary_and_plenipotentiary",
        ),
        pytest.param(
            "the Rector of Lakeside University to Anna Berg",
            ["Rector"],
            id="post_that_serves_nowhere_takes_no_of_to_complement",
        ),
        pytest.param(
            "Special Advisor to the Governor of Oyo",
            ["Special Advisor to the Governor"],
            id="advisor_to_a_body",
        ),
        pytest.param("the Dean to whom we spoke", ["Dean"], id="other_posts_keep_to_out"),
    ],
)
def test_a_to_complement_of_posts_that_serve_somewhere(blank_nlp, text, titles):
    assert [s.text for s in blank_nlp(text).spans["titles"]] == titles

"""Dates: normalisation phenomena (pure function), publication date, candidates and offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.components.dates import (
    LABELS,
    PATTERNS_FILE,
    WORDS_FILE,
    DateNormaliser,
    load_date_words,
    normalise_date,
)
from pipeline.errors import RuleFileError
from pipeline.rules import load_patterns

RULES = Path(__file__).resolve().parents[1] / "rules"
PUBLISHED = "2025-07-17"

# --- normalise_date: one row per phenomenon ---------------------------------------------------

ABSOLUTE = [
    # numeric formats
    pytest.param("2025.07.17", ("2025-07-17", "day", "absolute"), id="numeric_ymd_dots"),
    pytest.param("17.07.2025", ("2025-07-17", "day", "absolute"), id="numeric_dmy_dots"),
    pytest.param("05.03.2024", ("2024-03-05", "day", "absolute"), id="numeric_dmy_is_day_first"),
    pytest.param("17/07/2025", ("2025-07-17", "day", "absolute"), id="numeric_dmy_slashes"),
    pytest.param("07/17/2025", ("2025-07-17", "day", "absolute"), id="numeric_us_mdy_fallback"),
    pytest.param("2025-07-17", ("2025-07-17", "day", "absolute"), id="numeric_iso"),
    pytest.param("17-07-2025", ("2025-07-17", "day", "absolute"), id="numeric_dmy_dashes"),
    pytest.param("2025年7月17日", ("2025-07-17", "day", "absolute"), id="numeric_cjk"),
    # month names, at their true granularity
    pytest.param("17 July 2025", ("2025-07-17", "day", "absolute"), id="day_month_year"),
    pytest.param("July 17, 2025", ("2025-07-17", "day", "absolute"), id="month_day_year"),
    pytest.param("Jul. 17th 2025", ("2025-07-17", "day", "absolute"), id="abbreviated_ordinal"),
    pytest.param("Wednesday, 16 July 2025", ("2025-07-16", "day", "absolute"), id="weekday_kept"),
    pytest.param("the 3rd of March, 2024", ("2024-03-03", "day", "absolute"), id="of_phrasing"),
    pytest.param("17 июля 2025", ("2025-07-17", "day", "absolute"), id="russian_month"),
    pytest.param("April 2024", ("2024-04", "month", "absolute"), id="month_year_no_day"),
    pytest.param("September 2019", ("2019-09", "month", "absolute"), id="month_year_2019"),
    pytest.param("2019", ("2019", "year", "absolute"), id="bare_year"),
    pytest.param("the year 2030", ("2030", "year", "absolute"), id="year_with_words"),
    # parts of a unit resolve to the unit
    pytest.param("mid-2024", ("2024", "year", "absolute"), id="mid_year"),
    pytest.param("early 2026", ("2026", "year", "absolute"), id="early_year"),
    pytest.param("late May 2025", ("2025-05", "month", "absolute"), id="late_month"),
    pytest.param("autumn 2025", ("2025", "year", "absolute"), id="season"),
    pytest.param("the end of 2023", ("2023", "year", "absolute"), id="end_of_year"),
    pytest.param("Q3 2024", ("2024", "year", "absolute"), id="quarter"),
    pytest.param("the first half of 2026", ("2026", "year", "absolute"), id="half_year"),
    pytest.param("the 2nd week of July 2025", ("2025-07", "month", "absolute"), id="week_of"),
    # academic years: the starting year
    pytest.param("2024/2025", ("2024", "year", "absolute"), id="academic_slash"),
    pytest.param("2025/26", ("2025", "year", "absolute"), id="academic_short"),
    pytest.param("2023-24", ("2023", "year", "absolute"), id="academic_short_dash"),
    pytest.param("2024-2025 academic year", ("2024", "year", "absolute"), id="academic_named"),
    pytest.param("academic year 2024/2025", ("2024", "year", "absolute"), id="academic_first"),
    # ranges: the start, with the last day, month or year as the end
    pytest.param(
        "3–5 March 2024", ("2024-03-03", "day", "absolute", "2024-03-05"), id="day_range_en_dash"
    ),
    pytest.param(
        "March 3-5, 2024", ("2024-03-03", "day", "absolute", "2024-03-05"), id="day_range_us"
    ),
    pytest.param(
        "from 9 to 12 June 2025", ("2025-06-09", "day", "absolute", "2025-06-12"), id="day_range_to"
    ),
    pytest.param(
        "12-13.11.2025", ("2025-11-12", "day", "absolute", "2025-11-13"), id="day_range_numeric"
    ),
    pytest.param(
        "March to May 2024", ("2024-03", "month", "absolute", "2024-05"), id="month_range"
    ),
    pytest.param("2022–2023", ("2022", "year", "absolute", "2023"), id="year_range_not_academic"),
    pytest.param(
        "between 2019 and 2022", ("2019", "year", "absolute", "2022"), id="year_range_words"
    ),
    pytest.param(
        "July 2024 – March 2025",
        ("2024-07", "month", "absolute", "2025-03"),
        id="range_across_years",
    ),
    pytest.param("the 1990s", (None, None, "absolute"), id="decade"),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
@pytest.mark.parametrize("published", [None, PUBLISHED], ids=["unpublished", "published"])
def test_absolute_dates(text: str, published: str | None, expected: tuple) -> None:
    assert tuple(normalise_date(text, published))[: len(expected)] == expected


RELATIVE = [
    pytest.param("today", ("2025-07-17", "day", "published"), id="today"),
    pytest.param("Today", ("2025-07-17", "day", "published"), id="today_capitalised"),
    pytest.param("yesterday", ("2025-07-16", "day", "published"), id="yesterday"),
    pytest.param("tomorrow", ("2025-07-18", "day", "published"), id="tomorrow"),
    pytest.param("last year", ("2024", "year", "published"), id="last_year"),
    pytest.param("this year", ("2025", "year", "published"), id="this_year"),
    pytest.param("earlier this year", ("2025", "year", "published"), id="earlier_this_year"),
    pytest.param("the end of last year", ("2024", "year", "published"), id="end_of_last_year"),
    pytest.param("next month", ("2025-08", "month", "published"), id="next_month"),
    pytest.param("last month", ("2025-06", "month", "published"), id="last_month"),
    pytest.param("in May this year", ("2025-05", "month", "published"), id="month_this_year"),
    pytest.param("last May", ("2025-05", "month", "published"), id="last_named_month"),
    pytest.param("last September", ("2024-09", "month", "published"), id="last_month_name_wraps"),
    pytest.param("next March", ("2026-03", "month", "published"), id="next_month_name_wraps"),
    pytest.param("two years ago", ("2023", "year", "published"), id="years_ago_word"),
    pytest.param("3 months ago", ("2025-04", "month", "published"), id="months_ago_digits"),
    pytest.param("last Monday", ("2025-07-14", "day", "published"), id="weekday_via_dateparser"),
    # a day or month without its year goes to the year nearest the publication date
    pytest.param("3 March", ("2025-03-03", "day", "published"), id="yearless_day"),
    pytest.param("20 June", ("2025-06-20", "day", "published"), id="yearless_day_recent"),
    pytest.param("January", ("2025-01", "month", "published"), id="yearless_month_tie_past"),
    pytest.param("28 December", ("2025-12-28", "day", "published"), id="yearless_next_is_nearer"),
    # periods and anaphora have no single value
    pytest.param("this week", (None, None, "none"), id="week_has_no_granularity"),
    pytest.param("the coming months", (None, None, "none"), id="plural_period"),
    pytest.param("the past five years", (None, None, "none"), id="past_years"),
    pytest.param("the same year", (None, None, "none"), id="anaphoric_same"),
    pytest.param("that month", (None, None, "none"), id="anaphoric_that"),
    pytest.param("Tuesday", (None, None, "none"), id="bare_weekday"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_dates_resolve_against_published(text: str, expected: tuple) -> None:
    assert tuple(normalise_date(text, PUBLISHED))[: len(expected)] == expected


def test_yearless_date_in_previous_year() -> None:
    assert normalise_date("28 December", "2025-01-10")[:3] == ("2024-12-28", "day", "published")


@pytest.mark.parametrize(("text", "_expected"), RELATIVE)
def test_relative_dates_without_published_stay_null(text: str, _expected: tuple) -> None:
    # Never the machine clock: with no publication date there is nothing to resolve against.
    assert normalise_date(text, None)[:3] == (None, None, "none")


NOT_DATES = [
    pytest.param("1,000", id="thousands_separator"),
    pytest.param("2,200", id="thousands_separator_2"),
    pytest.param("50", id="small_number"),
    pytest.param("3000", id="year_out_of_range"),
    pytest.param("1850", id="year_before_1900"),
    pytest.param("20 years", id="duration"),
    pytest.param("31.02.2025", id="impossible_day"),
    pytest.param("2025.13.01", id="impossible_month"),
    pytest.param("32/01/2025", id="impossible_day_slash"),
    pytest.param("the 21st century", id="century"),
]


@pytest.mark.parametrize("text", NOT_DATES)
@pytest.mark.parametrize("published", [None, PUBLISHED], ids=["unpublished", "published"])
def test_non_dates(normaliser: DateNormaliser, text: str, published: str | None) -> None:
    reading = normaliser.read(text, published)
    assert (reading.date[:3], reading.is_date) == ((None, None, "none"), False)


@pytest.fixture
def normaliser() -> DateNormaliser:
    """A fresh normaliser (own cache and dateparser counter) on the repository's word lists."""
    return DateNormaliser(load_date_words(RULES / WORDS_FILE))


def test_dateparser_only_for_uncovered_relative_phrasings(normaliser: DateNormaliser) -> None:
    for param in ABSOLUTE + RELATIVE:
        text = param.values[0]
        if text != "last Monday":
            normaliser(text, PUBLISHED)
            normaliser(text, None)
    assert normaliser.dateparser_calls == 0
    normaliser("last Monday", PUBLISHED)
    normaliser("last Monday", PUBLISHED)  # cached
    assert normaliser.dateparser_calls == 1


def test_bad_published_raises() -> None:
    with pytest.raises(ValueError):
        normalise_date("yesterday", "17.07.2025")


def test_word_list_errors_name_the_field(tmp_path: Path) -> None:
    data = json.loads((RULES / WORDS_FILE).read_text(encoding="utf-8"))
    del data["months"]
    bad = tmp_path / WORDS_FILE
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RuleFileError, match="months"):
        load_date_words(bad)


# --- rules/dates.jsonl ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rule", load_patterns(RULES / PATTERNS_FILE, LABELS), ids=lambda rule: rule.id
)
def test_rule_example_matches_its_own_pattern(blank_nlp, rule) -> None:
    assert rule.example, f"{rule.id} has no example"
    matcher = Matcher(blank_nlp.vocab, validate=True)
    matcher.add(rule.id, [rule.pattern])
    assert matcher(blank_nlp.make_doc(rule.example)), rule.example


# --- the component ----------------------------------------------------------------------------

PIPELINES = [
    pytest.param("blank_nlp", id="rules_only"),
    pytest.param("nlp", id="model", marks=pytest.mark.model),
]


def _dates(doc: Doc) -> list[tuple[str, str | None]]:
    return [(span.text, span._.date_value) for span in doc.spans["dates"]]


def _check_offsets(doc: Doc) -> None:
    for key in ("dates", "published"):
        for span in doc.spans[key]:
            assert doc.text[span.start_char : span.end_char] == span.text
            assert "\n" not in span.text


def _check_no_overlap(doc: Doc) -> None:
    spans = sorted(doc.spans["dates"], key=lambda s: s.start)
    for left, right in zip(spans, spans[1:], strict=False):
        assert left.end <= right.start, (left.text, right.text)


PUBLICATION = [
    pytest.param(
        "Polytech opens a lab\n\nThe lab opened yesterday.\n\n"
        "Дата публикации: 2025.07.17\n\n>>Перейти к новости\n",
        ("2025.07.17", "2025-07-17", "boilerplate.ru.published"),
        id="russian_label_at_bottom",
    ),
    pytest.param(
        "Polytech opens a lab\n\nОпубликовано: 17.07.2025\n\nThe lab opened yesterday.\n",
        ("17.07.2025", "2025-07-17", "boilerplate.ru.published"),
        id="russian_label_dmy",
    ),
    pytest.param(
        "Polytech opens a lab\nPublished: 17 July 2025\nThe lab opened yesterday.\n",
        ("17 July 2025", "2025-07-17", "boilerplate.en.published"),
        id="english_label",
    ),
    pytest.param(
        "Polytech opens a lab\nPosted on July 17, 2025\nThe lab opened yesterday.\n",
        ("July 17, 2025", "2025-07-17", "boilerplate.en.published"),
        id="english_posted_on",
    ),
    pytest.param(
        "Polytech opens a lab\n\n17.07.2025\n\nThe lab opened yesterday.\n",
        ("17.07.2025", "2025-07-17", "top_line"),
        id="bare_date_under_title",
    ),
    pytest.param(
        "Polytech opens a lab\n\nThe lab opened yesterday.\n\nIt has ten rooms.\n\n2025-07-17\n",
        ("2025-07-17", "2025-07-17", "bottom_line"),
        id="bare_date_at_bottom",
    ),
    pytest.param(
        "Polytech opens a lab\nPublished: 17 July 2025\nUpdated: 20 July 2025\nIt opened.\n",
        ("17 July 2025", "2025-07-17", "boilerplate.en.published"),
        id="published_beats_updated",
    ),
]


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize(("text", "expected"), PUBLICATION)
def test_publication_date(request, pipeline: str, text: str, expected: tuple) -> None:
    doc = request.getfixturevalue(pipeline)(text)
    (span,) = doc.spans["published"]
    assert (span.text, doc._.published, doc.spans["published"].attrs["source"]) == expected
    assert (span.label_, span._.date_granularity, span._.date_anchor) == (
        "PUBLISHED",
        "day",
        "absolute",
    )
    assert (span.text, span._.date_value) in _dates(doc)  # also reported as a date
    _check_offsets(doc)


NO_PUBLICATION = [
    pytest.param("Polytech opens a lab\n\nThe lab opened on 17.07.2025.\n", id="date_in_prose"),
    pytest.param("Polytech opens a lab\n\nPublished: July 2025\n\nIt opened.\n", id="month_only"),
    pytest.param("Polytech opens a lab\n\nPublished: today\n\nIt opened.\n", id="relative_label"),
    pytest.param(
        "Lab\n\nOne.\n\nTwo.\n\nThree.\n\n17.07.2025\n\nFour.\n\nFive.\n\nSix.\n\nSeven.\n",
        id="bare_date_mid_text",
    ),
]


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize("text", NO_PUBLICATION)
def test_no_publication_date(request, pipeline: str, text: str) -> None:
    doc = request.getfixturevalue(pipeline)(text)
    assert (list(doc.spans["published"]), doc._.published) == ([], None)


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_boilerplate_dates_dropped_except_publication(request, pipeline: str) -> None:
    text = (
        "Polytech opens a lab\nPublished: 17 July 2025\nUpdated: 20 July 2025\n"
        "The lab will open on 01.09.2025.\n"
    )
    doc = request.getfixturevalue(pipeline)(text)
    assert _dates(doc) == [("17 July 2025", "2025-07-17"), ("01.09.2025", "2025-09-01")]
    _check_offsets(doc)


@pytest.mark.model
def test_relative_dates_use_the_publication_date(nlp) -> None:
    text = "Polytech opens a lab\n\nYesterday the rector opened the lab.\n\n17.07.2025\n"
    doc = nlp(text)
    (span,) = [s for s in doc.spans["dates"] if s.text == "Yesterday"]
    assert (span._.date_value, span._.date_granularity, span._.date_anchor) == (
        "2025-07-16",
        "day",
        "published",
    )


TENSE = [
    pytest.param(
        "In January she was elected chair of the council.", "2024-01", id="past_goes_back"
    ),
    pytest.param(
        "The first students will arrive in Kazan in January.", "2025-01", id="future_goes_ahead"
    ),
    pytest.param("The report mentions January as a deadline.", "2025-01", id="no_tense_nearest"),
    pytest.param("The team visited Kazan in November.", "2023-11", id="past_verb_in_ed"),
    pytest.param("The second phase will start in September.", "2025-09", id="future_month_gone"),
    pytest.param(
        "The second phase will start in October.", "2024-10", id="future_includes_its_own_month"
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "value"), TENSE)
def test_year_of_a_yearless_month_follows_the_tense(nlp, sentence, value) -> None:
    """Published 2024-10-20: the month's year is on the side of it that the verb says."""
    doc = nlp(f"University news\n\n{sentence}\n\n20.10.2024\n")
    months = {"January", "September", "October", "November"}
    (span,) = [s for s in doc.spans["dates"] if s.text in months]
    assert span._.date_value == value


@pytest.mark.model
def test_relative_dates_without_publication_stay_null(nlp) -> None:
    doc = nlp("Polytech opens a lab\n\nYesterday the rector opened the lab.\n")
    (span,) = [s for s in doc.spans["dates"] if s.text == "Yesterday"]
    assert (span._.date_value, span._.date_granularity, span._.date_anchor) == (None, None, "none")


OVERLAPS = [
    pytest.param(
        "The conference was held 3–5 March 2024 in Kazan.",
        ("3–5 March 2024", "2024-03-03", "date.day_range.month_year"),
        id="rule_longer_than_ner_month",
    ),
    pytest.param(
        "In the 2024-2025 academic year the university admitted 900 students.",
        ("2024-2025 academic year", "2024", "date.academic_year.year_first_dashed"),
        id="rule_adds_academic_year",
    ),
    pytest.param(
        "The memorandum was signed on 17/07/2025 in Moscow.",
        ("17/07/2025", "2025-07-17", ""),
        id="tie_keeps_ner",
    ),
    pytest.param(
        "The forum was held on 12.11.2024 in Kazan.",
        ("12.11.2024", "2024-11-12", "date.numeric.dmy"),
        id="rule_finds_cardinal_date",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), OVERLAPS)
def test_overlap_resolution(nlp, text: str, expected: tuple) -> None:
    doc = nlp(text)
    assert [(s.text, s._.date_value, s.id_) for s in doc.spans["dates"]] == [expected]
    _check_no_overlap(doc)


@pytest.mark.model
def test_plain_numbers_are_not_dates(nlp) -> None:
    doc = nlp(
        "More than 1,000 students and 2,200 teachers from 50 institutes took part; "
        "the partnership began in 2019."
    )
    assert _dates(doc) == [("2019", "2019")]


@pytest.mark.model
def test_title_joined_to_date_line_is_split(nlp) -> None:
    doc = nlp("Polytech hosts summer school\n\n17.07.2025\n\nThe school opened on Monday.\n")
    assert doc._.published == "2025-07-17"
    assert ("17.07.2025", "2025-07-17") in _dates(doc)
    _check_offsets(doc)


MIXED = (
    "Polytech hosts a forum\n\n17.07.2025\n\n"
    "The forum, held from 14 to 16 July 2025, follows the memorandum signed on 05.03.2024 and "
    "the 2025/26 academic year plan. Last year more than 1,000 students took part; by mid-2026 "
    "the two universities will open a lab. The grant runs 2024–2026, and in the coming months "
    "the parties will meet again.\n\nShare: VK | Telegram\n"
)


@pytest.mark.parametrize("pipeline", PIPELINES)
def test_offsets_and_no_overlaps(request, pipeline: str) -> None:
    doc = request.getfixturevalue(pipeline)(MIXED)
    assert doc.spans["dates"]
    _check_offsets(doc)
    _check_no_overlap(doc)


def test_offsets_with_unicode_spaces(blank_nlp) -> None:
    doc = blank_nlp("Forum\n\nPublished:\u00a017\u00a0July\u00a02025\n\nIt opened.\n")
    (span,) = doc.spans["published"]
    assert doc._.source_text[span.start_char : span.end_char] == "17\u00a0July\u00a02025"
    _check_offsets(doc)


# --- the seeds, end to end --------------------------------------------------------------------


@pytest.mark.model
def test_seed_dates(nlp, seeds_dir: Path) -> None:
    for line in (seeds_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        doc = nlp((seeds_dir / gold["file"]).read_text(encoding="utf-8"))
        assert doc._.published == gold["published"], gold["file"]
        predicted = {value for _text, value in _dates(doc) if value is not None}
        optional = {d["value"] for d in gold.get("optional_dates", [])}
        assert predicted - optional == {d["value"] for d in gold["dates"]} - optional, gold["file"]
        _check_offsets(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "They met on 12th and 13th October 2023 in Kazan.",
            ("2023-10-12", "2023-10-13"),
            id="two_ordinal_days_with_and",
        ),
        pytest.param(
            "The school ran on 3-5th June, 2019 in Kazan.",
            ("2019-06-03", "2019-06-05"),
            id="one_token_range_with_ordinal",
        ),
    ],
)
def test_day_pairs_before_a_month(nlp, text, expected):
    doc = nlp(text)
    assert expected in {(s._.date_value, s._.date_end) for s in doc.spans["dates"]}


def test_a_hyphenated_day_month_year_is_no_range():
    assert normalise_date("07-Dec-2015", None)[:4] == ("2015-12-07", "day", "absolute", None)

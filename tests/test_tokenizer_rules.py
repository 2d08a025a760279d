"""Tokenizer rules added from rules/tokenizer.json."""

from __future__ import annotations

import json

import pytest
from helpers import record_of

from pipeline.errors import RuleFileError
from pipeline.tokenizer import load_tokenizer_rules


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "token"),
    [
        pytest.param("The kiln was made by Saarland Feuerfest GmbH.", "GmbH", id="camel_case_gmbh"),
        pytest.param("The delegation then flew to SPbPU.", "SPbPU", id="camel_case_acronym"),
        pytest.param("It was built by Kama Tools LLC.", "LLC", id="all_capitals_model_rule"),
    ],
)
def test_sentence_final_period_is_split_from_an_abbreviation(nlp, text, token):
    tokens = [t.text for t in nlp(text)]
    assert tokens[-2:] == [token, "."]


@pytest.mark.model
@pytest.mark.parametrize("word", ["U.S.", "Ph.D.", "A.I.", "Co.", "Ltd."])
def test_dotted_abbreviations_stay_whole(nlp, word):
    assert word in [t.text for t in nlp(f"She met {word} people there today.")]


@pytest.mark.model
def test_company_at_sentence_end_is_an_organization(nlp):
    text = "Equipment came from Saarland Feuerfest GmbH. The lab opens in May."
    names = {o.name for o in record_of(nlp, text).organizations}
    assert "Saarland Feuerfest GmbH" in names


def test_missing_file_means_no_extra_rules(tmp_path):
    assert load_tokenizer_rules(tmp_path).suffixes == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            {"suffixes": [{"pattern": "(unclosed"}]}, "suffixes.0.pattern", id="bad_regex"
        ),
        pytest.param({"suffixes": [{"patern": "x"}]}, "suffixes.0", id="unknown_field"),
    ],
)
def test_bad_rules_name_the_file_and_field(tmp_path, content, message):
    (tmp_path / "tokenizer.json").write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(RuleFileError, match=message):
        load_tokenizer_rules(tmp_path)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        pytest.param("Posted time:2024-03-09", ["time", ":", "2024"], id="label_colon_value"),
        pytest.param("Reads:1520", ["Reads", ":", "1520"], id="counter_colon_number"),
        pytest.param("Date:March 4, 2021", ["Date", ":", "March"], id="label_colon_month"),
        pytest.param("2021-03-04Editor: Li Na", ["04", "Editor"], id="value_then_label"),
        pytest.param("2021-03-04clicks: 88", ["04", "clicks"], id="value_then_lower_word"),
        pytest.param("POSTEDJune 3, 2022", ["POSTED", "June"], id="capitals_then_month"),
    ],
)
def test_glued_page_fields_are_split(nlp, text, tokens):
    words = [t.text for t in nlp(text)]
    assert any(words[i : i + len(tokens)] == tokens for i in range(len(words)))


@pytest.mark.model
@pytest.mark.parametrize(
    "word", ["11:35", "21st", "3:1", "https://www.example.edu/news:12", "MAYOR", "H1N1"]
)
def test_times_ordinals_ratios_and_links_stay_whole(nlp, word):
    assert word in [t.text for t in nlp(f"We noted {word} there.")]

"""Every extracted value says how it was found."""

from __future__ import annotations

import pytest
from helpers import record_of

from pipeline.components.provenance import method_of


@pytest.mark.parametrize(
    ("rule_id", "method"),
    [
        pytest.param("", "ner", id="model_entity"),
        pytest.param("org.ner", "ner", id="cleaned_model_entity"),
        pytest.param("acronym.implicit", "acronym", id="acronym"),
        pytest.param("person.surname_coref", "coreference", id="coreference"),
        pytest.param("role.title_before_name", "rule", id="pattern"),
    ],
)
def test_method_of(rule_id, method):
    assert method_of(rule_id) == method


@pytest.mark.model
def test_same_offsets_keep_their_own_provenance(nlp):
    """A name found by the model and by a rule keeps the id of the span that won."""
    record = record_of(nlp, "The visit was led by Prof. Zhou Haoran, Dean of Nanjing University.")
    (mention,) = record.people[0].mentions
    assert (mention.method, mention.rule_id) in {
        ("ner", "person.ner"),
        ("rule", "person.honorific"),
    }
    assert (mention.method == "ner") == (mention.rule_id == "person.ner")

"""Reading and space normalisation keep every offset an offset into the text as read."""

from __future__ import annotations

import pytest

from pipeline.errors import InputError
from pipeline.text import decode, normalise_spaces


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        pytest.param(b"\xef\xbb\xbfTitle\nBody", "Title\nBody", id="bom_removed"),
        pytest.param(b"Title\r\nBody\rEnd", "Title\nBody\nEnd", id="crlf_and_cr"),
        pytest.param("Дата публикации".encode(), "Дата публикации", id="cyrillic"),
    ],
)
def test_decode(raw, text):
    assert decode(raw) == text


def test_decode_rejects_other_encodings():
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode("Дата".encode("cp1251"), "old.txt")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("a\u00a0meeting", id="no_break_space"),
        pytest.param("a\u202fmeeting", id="narrow_no_break_space"),
        pytest.param("a\u2009meeting\u3000x", id="thin_and_ideographic"),
        pytest.param("a\tmeeting", id="tab"),
        pytest.param("a\u200bmeeting", id="zero_width_space"),
    ],
)
def test_normalise_spaces_keeps_length(text):
    clean = normalise_spaces(text)
    assert len(clean) == len(text)
    assert clean.startswith("a meeting")


def test_newlines_and_words_untouched():
    assert normalise_spaces("Line one\nLine\u00adtwo") == "Line one\nLine\u00adtwo"


@pytest.mark.model
def test_doc_keeps_the_original_text(nlp):
    doc = nlp("led by\u00a0Ms. Liu Yemei")
    assert [t.text for t in doc][:3] == ["led", "by", "Ms."]
    assert doc._.source_text == "led by\u00a0Ms. Liu Yemei"

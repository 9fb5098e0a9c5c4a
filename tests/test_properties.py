"""Properties that hold for every string, checked with hypothesis on text biased towards Lao.

The strategy mixes common Lao letters and marks, the whole Lao and Thai blocks (holes included),
ASCII, zero-width and other invisible characters, fragments that typing slips are made of, and any
Unicode code point at all (surrogates included).
"""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from laotext import (
    Normalized,
    is_valid,
    normalize,
    normalize_and_explain,
    syllable_spans,
    syllables,
    validate,
)

LAO_COMMON = "ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮໜໝະັາຳິີຶືຸູົຼຽເແໂໃໄ່້໊໋໌ໍ຺໎ໆຯ໑໒"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u202e\u2000\u00a0 \t\n\r"
# Pieces of typical slips and of the spellings normalization joins, so they meet each other.
FRAGMENTS = ["ຫນ", "ຫມ", "ຫລ", "ໍາ", "ໍ້າ", "່ໍ", "ເເ", "ดี", "่", "ำ", "ซ", "ก", "e\u0301", "ﬁ", "①"]

CHARACTERS = st.one_of(
    st.sampled_from(LAO_COMMON),
    st.characters(min_codepoint=0x0E80, max_codepoint=0x0EFF),
    st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(INVISIBLE),
    st.characters(),
)
TEXT = st.one_of(
    st.text(CHARACTERS, max_size=40),
    st.lists(st.one_of(CHARACTERS, st.sampled_from(FRAGMENTS)), max_size=25).map("".join),
)
SWITCHES = st.fixed_dictionaries(
    {},
    optional={
        name: st.booleans()
        for name in ("zero_width", "zero_width_breaks", "thai_lookalikes", "ho_ligatures", "ho_lo")
    },
)
FORMS = ["standard", "lookup"]
PROFILES = ["text", "lao", "name"]
SETTINGS = settings(max_examples=300, deadline=None)
# Codes of spellings normalization always repairs, whatever the switches.
REPAIRED_CODES = {"tone-before-vowel", "decomposed-am", "repeated-mark"}


def explain(text: str, **options: Any) -> Normalized:
    return normalize_and_explain(text, **options)


@pytest.mark.parametrize("form", FORMS)
@SETTINGS
@given(text=TEXT)
def test_normalize_is_idempotent(form: str, text: str) -> None:
    once = normalize(text, form=form)
    assert normalize(once, form=form) == once


@pytest.mark.parametrize("form", FORMS)
@SETTINGS
@given(text=TEXT)
def test_normalize_output_is_nfc(form: str, text: str) -> None:
    assert unicodedata.is_normalized("NFC", normalize(text, form=form))


@SETTINGS
@given(text=TEXT, form=st.sampled_from(FORMS), switches=SWITCHES)
def test_explain_gives_the_same_text(text: str, form: str, switches: dict[str, bool]) -> None:
    result = explain(text, form=form, **switches)
    assert result.text == normalize(text, form=form, **switches)
    assert result.original == text


@SETTINGS
@given(text=TEXT, switches=SWITCHES)
def test_changes_replay_to_the_text(text: str, switches: dict[str, bool]) -> None:
    result = explain(text, **switches)
    replayed = text
    for change in sorted(result.changes, key=lambda change: change.start, reverse=True):
        replayed = replayed[: change.start] + change.after + replayed[change.end :]
    assert replayed == result.text


@SETTINGS
@given(text=TEXT, switches=SWITCHES)
@example(text="\u0e81\u0eb8\u0e48", switches={})  # Thai tone after a Lao vowel: reordered, then made Lao
@example(text="\u0e81\u0ec8\u0e48", switches={})  # a Lao and a Thai tone: one is dropped
def test_changes_are_ordered_disjoint_spans_of_the_original(text: str, switches: dict[str, bool]) -> None:
    result = explain(text, **switches)
    previous_end = 0
    for change in sorted(result.changes, key=lambda change: (change.start, change.end)):
        assert previous_end <= change.start <= change.end <= len(text)
        assert change.before == text[change.start : change.end]
        assert change.before != change.after
        assert change.fixes
        # Narrowed: the characters at either end of a change are not the same before and after.
        if change.before and change.after:
            assert change.before[0] != change.after[0], change
            assert change.before[-1] != change.after[-1], change
        previous_end = change.end


@SETTINGS
@given(text=TEXT, data=st.data())
def test_original_span_stays_in_the_original(text: str, data: st.DataObject) -> None:
    result = explain(text)
    start = data.draw(st.integers(0, len(result.text)), label="start")
    end = data.draw(st.integers(start, len(result.text)), label="end")
    original_start, original_end = result.original_span(start, end)
    assert 0 <= original_start <= original_end <= len(text)


@SETTINGS
@given(text=TEXT, form=st.sampled_from(FORMS))
def test_normalize_never_applies_nfkc(text: str, form: str) -> None:
    out = normalize(text, form=form)
    # Normalization only ever makes ຳ ໜ ໝ (composing ໍ+າ, joining ຫນ ຫມ), never takes them apart,
    # and leaves compatibility characters such as ﬁ and ① alone.
    for char in "ຳໜໝ":
        assert out.count(char) >= text.count(char)
    for char in "ﬁ①²ＡＬ":
        assert out.count(char) == text.count(char)


@SETTINGS
@given(text=TEXT)
def test_syllables_are_lossless(text: str) -> None:
    pieces = syllables(text)
    assert "".join(pieces) == text
    assert all(pieces)


@SETTINGS
@given(text=TEXT)
def test_syllable_spans_are_contiguous(text: str) -> None:
    spans = syllable_spans(text)
    position = 0
    for start, end in spans:
        assert start == position < end
        position = end
    assert position == len(text)
    assert [text[start:end] for start, end in spans] == syllables(text)


@pytest.mark.parametrize("profile", PROFILES)
@SETTINGS
@given(text=TEXT)
def test_validate_never_raises_and_issues_are_well_formed(profile: str, text: str) -> None:
    issues = validate(text, profile)
    for issue in issues:
        assert 0 <= issue.start <= issue.end <= len(text), issue
        assert issue.message.strip(), issue
        assert issue.message_lo.strip(), issue
    keys = [(issue.start, issue.end, issue.code) for issue in issues]
    assert keys == sorted(keys)
    assert is_valid(text, profile) == (issues == [])


@pytest.mark.parametrize("form", FORMS)
@SETTINGS
@given(text=TEXT)
def test_normalized_text_has_no_repairable_spelling(form: str, text: str) -> None:
    normalized = normalize(text, form=form)
    found = {issue.code for issue in validate(normalized)}
    assert not found & REPAIRED_CODES

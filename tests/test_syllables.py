"""laotext.syllables: the hand-checked cases of cases/syllables.tsv, spans and errors."""

from __future__ import annotations

import pytest
from tsvcases import Row, params, read_rows

from laotext import syllable_spans, syllables

COLUMNS = ("label", "input", "expected", "comment", "xfail")
ROWS = read_rows("syllables.tsv", COLUMNS)


def pieces(row: Row) -> list[str]:
    expected = row.text("expected")
    return expected.split("|") if expected else []


def test_case_file_is_well_formed() -> None:
    assert len(ROWS) >= 50
    for row in ROWS:
        # The expected pieces are themselves lossless and non-empty.
        assert "".join(pieces(row)) == row.text("input"), row.where
        assert all(pieces(row)), row.where
        assert row["comment"].strip(), row.where


@pytest.mark.parametrize("row", params(ROWS))
def test_syllables_case(row: Row) -> None:
    text, expected = row.text("input"), pieces(row)
    assert syllables(text) == expected
    spans, start = [], 0
    for piece in expected:
        spans.append((start, start + len(piece)))
        start += len(piece)
    assert syllable_spans(text) == spans


@pytest.mark.parametrize("value", [None, b"\xe0\xba\x81", 7, ["ກ"]])
def test_not_str_is_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        syllables(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        syllable_spans(value)  # type: ignore[arg-type]


def test_long_text_is_fast_and_lossless() -> None:
    text = "ສະບາຍດີ ປະເທດລາວ ນະຄອນຫຼວງວຽງຈັນ " * 5000
    result = syllables(text)
    assert "".join(result) == text
    assert result[:4] == ["ສະ", "ບາຍ", "ດີ", " "]

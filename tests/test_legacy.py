"""Legacy encodings: the hand-checked cases in tests/cases/legacy_*.tsv, detection, codecs, tables."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest
from tsvcases import Row, params, read_rows

from laotext import legacy, normalize, validate
from laotext.errors import DataError, LegacyDecodeError, LegacyEncodeError, UnknownEncodingError
from laotext.legacy.tables import CP1252_HIGH, SYMBOL_BASE

DECODE = read_rows("legacy_decode.tsv", ("label", "encoding", "legacy_hex", "expected", "comment"))
ENCODE = read_rows("legacy_encode.tsv", ("label", "encoding", "unicode", "expected_hex", "comment"))
UNENCODABLE = read_rows("legacy_unencodable.tsv", ("label", "encoding", "unicode", "position", "comment"))
EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def legacy_bytes(row: Row) -> bytes:
    return bytes(int(part, 16) for part in row["legacy_hex"].split())


def as_cp1252_text(data: bytes) -> str:
    """The characters Word shows for legacy bytes (the five undefined cp1252 bytes as C1 controls)."""
    return "".join(CP1252_HIGH.get(byte) or chr(byte) for byte in data)


def as_symbol_text(data: bytes) -> str:
    return "".join(chr(SYMBOL_BASE + byte) if byte >= 0x20 else chr(byte) for byte in data)


@pytest.mark.parametrize("row", params(DECODE))
def test_decode_cases(row: Row) -> None:
    data = legacy_bytes(row)
    expected = row.text("expected")
    assert legacy.to_unicode(data, row["encoding"]) == expected, row.where
    assert legacy.to_unicode(as_cp1252_text(data), row["encoding"]) == expected, row.where
    assert legacy.to_unicode(as_symbol_text(data), row["encoding"]) == expected, row.where
    assert legacy.decode_bytes(data, row["encoding"], errors="replace") == expected, row.where


@pytest.mark.parametrize("row", params(DECODE))
def test_decode_cases_explained(row: Row) -> None:
    result = legacy.to_unicode_and_explain(legacy_bytes(row), row["encoding"])
    assert result.text == row.text("expected")
    assert result.encoding == legacy.get_encoding(row["encoding"]).name
    assert len(result.unknown) == row.text("expected").count("\ufffd")
    assert replay(result.decoded, result.changes) == result.text


def replay(text: str, changes: tuple[legacy.Conversion, ...] | tuple[object, ...]) -> str:
    """Apply explained changes (offsets into *text*) from the last to the first."""
    for change in sorted(changes, key=lambda change: -change.start):  # type: ignore[attr-defined]
        assert text[change.start : change.end] == change.before  # type: ignore[attr-defined]
        text = text[: change.start] + change.after + text[change.end :]  # type: ignore[attr-defined]
    return text


STRUCTURAL = {
    "mark-without-base",
    "mark-on-foreign-base",
    "tone-before-vowel",
    "misplaced-tone",
    "mark-order",
    "multiple-tone-marks",
    "multiple-vowel-marks",
    "repeated-mark",
    "impossible-syllable",
    "double-e-vowel",
    "decomposed-am",
}
# Inputs that are not Lao typed in the font (English typed with a keyboard font on) are left out.
NOT_LAO_INPUT = {"keyboard-ascii-not-kept"}
WORDS = [row for row in DECODE if "\ufffd" not in row.text("expected") and row.label not in NOT_LAO_INPUT]


@pytest.mark.parametrize("row", params(WORDS))
def test_decoded_text_is_well_formed(row: Row) -> None:
    """Well-formed legacy input decodes to Lao that validates with no structural issue."""
    text = legacy.to_unicode(legacy_bytes(row), row["encoding"])
    assert not [issue.code for issue in validate(text) if issue.code in STRUCTURAL]


@pytest.mark.parametrize("row", params(ENCODE))
def test_encode_cases(row: Row) -> None:
    expected = bytes(int(part, 16) for part in row["expected_hex"].split())
    text = row.text("unicode")
    assert legacy.encode_bytes(text, row["encoding"]) == expected, row.where
    assert legacy.from_unicode(text, row["encoding"]) == as_cp1252_text(expected), row.where
    assert legacy.from_unicode(text, row["encoding"], form="symbol") == as_symbol_text(expected)
    # and back: the canonical codes decode to the canonical text
    assert legacy.to_unicode(expected, row["encoding"]) == normalize(
        text, ho_ligatures=False, ho_lo=False, thai_lookalikes=False, zero_width=False, misplaced_tones=False
    )


@pytest.mark.parametrize("row", params(UNENCODABLE))
def test_unencodable_cases(row: Row) -> None:
    text = row.text("unicode")
    position = int(row["position"])
    with pytest.raises(LegacyEncodeError) as raised:
        legacy.from_unicode(text, row["encoding"])
    assert raised.value.start == position
    assert isinstance(raised.value, UnicodeEncodeError)
    assert f"U+{ord(text[position]):04X}" in str(raised.value)
    ignored = legacy.from_unicode(text, row["encoding"], errors="ignore")
    replaced = legacy.from_unicode(text, row["encoding"], errors="replace")
    assert len(replaced) > len(ignored)
    assert legacy.to_unicode(replaced, row["encoding"]).count("?") >= 1


def test_unknown_codes_strict_and_ignore() -> None:
    with pytest.raises(LegacyDecodeError) as raised:
        legacy.to_unicode(b"\xa1\x80\xa1", "lswin", errors="strict")
    assert (raised.value.start, raised.value.end) == (1, 2)
    assert legacy.to_unicode(b"\xa1\x80\xa1", "lswin", errors="ignore") == "ກກ"
    assert legacy.to_unicode("¡€¡", "lswin") == "ກ\ufffdກ"
    result = legacy.to_unicode_and_explain("¡€¡", "lswin")
    assert [(u.start, u.end, u.code) for u in result.unknown] == [(1, 2, 0x80)]
    assert any("0x80" in step for step in result.steps)


def test_ascii_kept_by_upper_ascii_encodings() -> None:
    text = "Ministry of Education (2024), 3.5% - OK!\n"
    for name in ("lswin", "cp1133", "mulelao-1"):
        assert legacy.to_unicode(text, name) == text
        assert legacy.from_unicode(text, name) == text


def test_unicode_passes_through() -> None:
    text = "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ\n"
    assert legacy.to_unicode(text) == text
    assert legacy.to_unicode(text.encode("utf-8")) == text
    assert legacy.to_unicode(text, "lswin") == text
    assert legacy.to_unicode_and_explain(text).encoding == legacy.UNICODE


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        legacy.to_unicode(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        legacy.from_unicode(b"x", "lswin")  # type: ignore[arg-type]
    with pytest.raises(UnknownEncodingError, match="laotext encodings"):
        legacy.to_unicode("x", "saysettha-unicode")
    with pytest.raises(ValueError, match="errors"):
        legacy.to_unicode("x", "lswin", errors="backslashreplace")
    with pytest.raises(ValueError, match="form"):
        legacy.from_unicode("ກ", "lswin", form="bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name", ["lswin", "Saysettha Lao", "chanthabouli_lao", "IBM-1133", "MuleLao1", "keyboard"]
)
def test_encoding_names(name: str) -> None:
    assert legacy.get_encoding(name).name in legacy.ENCODINGS


# Detection ------------------------------------------------------------------------------------------

LETTER = (EXAMPLES / "letter.txt").read_text(encoding="utf-8")


def lao_paragraphs() -> list[str]:
    lao = [line for line in LETTER.splitlines() if sum("\u0e80" <= c <= "\u0eff" for c in line) > 20]
    assert lao, "docs/examples/letter.txt has Lao lines"
    return lao


@pytest.mark.parametrize("name", ["lswin", "keyboard", "cp1133", "mulelao-1"])
def test_detects_each_encoding(name: str) -> None:
    for paragraph in lao_paragraphs():
        encoded = legacy.from_unicode(paragraph, name, errors="ignore")
        detection = legacy.detect_encoding(encoded)
        assert detection.encoding == name, (paragraph, detection)
        assert detection.is_legacy and 0 < detection.confidence <= 1
        assert legacy.detect_encoding(legacy.encode_bytes(paragraph, name, errors="ignore")).encoding == name


ENGLISH = [
    "The quick brown fox jumps over the lazy dog.",
    "Ministry of Education and Sports, Vientiane Capital, Lao PDR",
    "Please find attached the report for the second quarter of 2024.",
    "Café crème, naïve façade, Müller & Søn — 25 €",
    "# laotext",
    "OK",
    "",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_no_false_alarm_on_english(text: str) -> None:
    assert legacy.detect_encoding(text).encoding == legacy.NOT_LAO
    assert legacy.to_unicode(text) == text


def test_unicode_lao_detected() -> None:
    for paragraph in lao_paragraphs():
        assert legacy.detect_encoding(paragraph).encoding == legacy.UNICODE
        assert legacy.detect_encoding(paragraph.encode("utf-16")).encoding == legacy.UNICODE


def test_auto_keyboard_keeps_english_lines() -> None:
    lao = lao_paragraphs()[0]
    typed = legacy.from_unicode(lao, "keyboard", errors="ignore")
    text = f"{typed}\nPrepared by the Finance Department\n{typed}\n"
    result = legacy.to_unicode_and_explain(text)
    assert result.encoding == "keyboard"
    lines = result.text.splitlines()
    assert lines[1] == "Prepared by the Finance Department"
    assert lines[0] == lines[2] == legacy.to_unicode(typed, "keyboard")
    assert len(result.kept) == 1


# Tables ---------------------------------------------------------------------------------------------


def test_user_table(tmp_path: Path) -> None:
    path = tmp_path / "myfont.tsv"
    path.write_text(
        "# My font, typed by hand\nlegacy_code_hex\tunicode_hex\tnotes\n"
        "41\t0E81\tko\n42\t0EB2\taa\n43\t\tunknown\n",
        encoding="utf-8",
    )
    assert legacy.to_unicode("AB AC", table=path) == "ກາ ກ\ufffd"
    assert legacy.from_unicode("ກາ", "ignored", table=path) == "AB"
    assert legacy.load_table(path).source == "My font, typed by hand"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "no header row"),
        ("code\tunicode\n41\t0E81\n", "legacy_code_hex"),
        ("legacy_code_hex\tunicode_hex\nZZ\t0E81\n", "not a hexadecimal number"),
        ("legacy_code_hex\tunicode_hex\n141\t0E81\n", "outside 00-FF"),
        ("legacy_code_hex\tunicode_hex\n41\t0E81\n41\t0E82\n", "listed twice"),
        ("legacy_code_hex\tunicode_hex\n41\tXYZ\n", "not a code point"),
        ("legacy_code_hex\tunicode_hex\tdirection\n41\t0E81\tmaybe\n", "direction"),
    ],
)
def test_bad_user_tables(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        legacy.load_table(path)


def test_missing_user_table(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        legacy.to_unicode("x", table=tmp_path / "missing.tsv")


def test_every_bundled_table_round_trips() -> None:
    """Every code written when encoding decodes back to the text it was written for."""
    for encoding in legacy.encodings():
        table = encoding.table()
        for text, code in table.encoding.items():
            assert table.code_text(code) == text


# Codecs ---------------------------------------------------------------------------------------------


def test_codecs() -> None:
    legacy.register_codecs()
    legacy.register_codecs()  # twice is harmless
    assert b"\xea\x86".decode("lswin") == "ທີ່"
    assert b"\xea\x86".decode("Saysettha Lao") == "ທີ່"
    assert "ນ້ຳ".encode("saysettha_lao") == b"\xad\xd5"
    assert codecs.lookup("ibm-1133").name == "cp1133"
    assert codecs.lookup("utf-8").name == "utf-8"  # standard codecs keep their names
    with pytest.raises(UnicodeDecodeError):
        b"\x80".decode("lswin")
    assert b"\x80".decode("lswin", errors="replace") == "\ufffd"
    with pytest.raises(UnicodeEncodeError):
        "ก".encode("lswin")


def test_incremental_decoding_matches_whole() -> None:
    legacy.register_codecs()
    lao = "\n".join(lao_paragraphs()) + "\n"
    data = legacy.encode_bytes(lao, "lswin", errors="ignore") + b"\xc0\xa1\xc8\xf2"  # tone typed before vowel
    whole = data.decode("lswin")
    for size in (1, 2, 3, 7, 64):
        decoder = codecs.getincrementaldecoder("lswin")()
        pieces = [decoder.decode(data[i : i + size]) for i in range(0, len(data), size)]
        pieces.append(decoder.decode(b"", final=True))
        assert "".join(pieces) == whole
    assert io.TextIOWrapper(io.BytesIO(data), encoding="lswin").read() == whole
    out = io.BytesIO()
    writer = io.TextIOWrapper(out, encoding="lswin")
    writer.write(whole)
    writer.flush()
    assert out.getvalue().decode("lswin") == whole


# Fonts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("Saysettha Lao", "lswin"),
        ("SAYSETTHA LAO Bold", "lswin"),
        ("Chanthabouli_Lao", "lswin"),
        ("Boupha", "keyboard"),
        ("Nakkham Italic", "keyboard"),
        ("Saysettha OT", "unicode"),
        ("Phetsarath OT", "unicode"),
        ("Times New Roman", None),
    ],
)
def test_font_encoding(name: str, encoding: str | None) -> None:
    assert legacy.font_encoding(name) == encoding


def test_legacy_fonts_lists_only_legacy() -> None:
    fonts = legacy.legacy_fonts()
    assert fonts["Saysettha Lao"] == "lswin"
    assert set(fonts.values()) <= set(legacy.ENCODINGS)

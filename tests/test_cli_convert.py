"""`laotext convert` and `laotext encodings`: detection, explicit encodings, reports, exit codes, output."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from laotext import legacy
from laotext.cli.main import cli

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"
OLD_LETTER = EXAMPLES / "old-letter-lswin.txt"
# Written in Unicode by hand first; old-letter-lswin.txt is its LSWin bytes with four typing slips
# (ໍ + າ for ຳ twice, a tone mark typed before its vowel, ເເ for ແ) and CRLF line ends.
CONVERTED_LETTER = EXAMPLES / "old-letter-lswin-converted.txt"


def invoke(*args: str, input: str | bytes | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_convert_bundled_example_detects_lswin_and_fixes_slips() -> None:
    result = invoke("convert", str(OLD_LETTER))
    assert result.exit_code == 0
    assert result.stdout_bytes == CONVERTED_LETTER.read_bytes()
    assert "lswin" in result.stderr


def test_convert_explain_reports_each_fix() -> None:
    result = invoke("convert", "--explain", str(OLD_LETTER))
    assert result.exit_code == 0
    assert result.stderr.count("composed ໍ + າ into ຳ") == 2
    assert "moved a tone mark" in result.stderr
    assert "ເເ" in result.stderr


def test_convert_to_output_file_atomically(tmp_path: Path) -> None:
    out = tmp_path / "letter.txt"
    assert invoke("convert", str(OLD_LETTER), "-o", str(out)).exit_code == 0
    assert out.read_bytes() == CONVERTED_LETTER.read_bytes()
    refused = invoke("convert", str(out), "-o", str(out))
    assert refused.exit_code == 2 and "refusing to overwrite" in refused.stderr


def test_convert_cp1252_characters_in_utf8_file() -> None:
    """Text copied out of Word arrives as the cp1252 characters of the legacy codes, saved as UTF-8."""
    result = invoke("convert", "-", input="Á»ÈÀê\u00ad¾¡Ä©ª\n".encode())
    assert (result.exit_code, result.stdout) == (0, "ແຮ່ເທນາກໄດຕ\n")


def test_convert_keyboard_font_from_stdin() -> None:
    result = invoke("convert", "--from", "keyboard", "-", input=b"lt[kpfu\n")
    assert (result.exit_code, result.stdout) == (0, "ສະບາຍດີ\n")


def test_convert_auto_keyboard_keeps_english_lines() -> None:
    typed = legacy.from_unicode("ຂ້າພະເຈົ້າຂໍສະເໜີງົບປະມານສຳລັບການສ້ອມແປງອາຄານຫ້ອງການ", "keyboard")
    text = f"{typed}\nPrepared by the Finance Department\n{typed}\n"
    result = invoke("convert", "-", input=text.encode())
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == "Prepared by the Finance Department"
    assert lines[0] == lines[2] == "ຂ້າພະເຈົ້າຂໍສະເໜີງົບປະມານສຳລັບການສ້ອມແປງອາຄານຫ້ອງການ"
    assert "kept 1 line" in result.stderr


def test_convert_unknown_code_is_reported_with_exit_1() -> None:
    result = invoke("convert", "--from", "lswin", "-", input=b"\xa1\x80\xa1\n")
    assert (result.exit_code, result.stdout) == (1, "ກ\ufffdກ\n")
    assert "1 legacy code(s) with no known character" in result.stderr


def test_convert_strict_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = invoke("convert", "--from", "lswin", "--strict", "-", "-o", str(out), input=b"\xa1\n\xa1\x80\n")
    assert result.exit_code == 1
    assert ":2:" in result.stderr and "0x80" in result.stderr
    assert not out.exists() and not list(tmp_path.iterdir())


def test_convert_unicode_input_is_left_alone() -> None:
    result = invoke("convert", "-", input="ສະບາຍດີ\n".encode())
    assert (result.exit_code, result.stdout) == (0, "ສະບາຍດີ\n")
    assert "already Unicode" in result.stderr


def test_convert_english_says_not_lao_with_exit_1() -> None:
    result = invoke("convert", "-", input=b"Nothing Lao here at all.\n")
    assert (result.exit_code, result.stdout) == (1, "Nothing Lao here at all.\n")
    assert "--from" in result.stderr


def test_convert_user_table(tmp_path: Path) -> None:
    table = tmp_path / "myfont.tsv"
    table.write_text("legacy_code_hex\tunicode_hex\n41\t0E81\n42\t0EB2\n", encoding="utf-8")
    result = invoke("convert", "--table", str(table), "-", input=b"AB\n")
    assert (result.exit_code, result.stdout) == (0, "ກາ\n")


def test_convert_errors_are_clear() -> None:
    unknown = invoke("convert", "--from", "saysettha-unicode", "-", input=b"x")
    assert unknown.exit_code == 2 and "known encodings: lswin" in unknown.stderr
    missing = invoke("convert", "no-such-file.txt")
    assert missing.exit_code == 2 and "cannot read" in missing.stderr


def test_convert_detect_only() -> None:
    result = invoke("convert", "--detect", str(OLD_LETTER))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{OLD_LETTER}: lswin (confidence ")


def test_encodings_lists_names_aliases_and_fonts() -> None:
    result = invoke("encodings")
    assert result.exit_code == 0
    assert "lswin  (also: saysettha-lao" in result.stdout
    assert "Saysettha Lao" in result.stdout
    records = json.loads(invoke("encodings", "--json").stdout)
    assert [record["name"] for record in records] == ["lswin", "keyboard", "cp1133", "mulelao-1"]


def test_encodings_codes_of_one_encoding() -> None:
    result = invoke("encodings", "--codes", "saysettha lao")
    assert result.exit_code == 0
    assert any(line.startswith("86  U+0EB5 U+0EC8") for line in result.stdout.splitlines())
    rows = json.loads(invoke("encodings", "--codes", "keyboard", "--json").stdout)
    assert len(rows) == 94 and rows[0]["code"] == "21"

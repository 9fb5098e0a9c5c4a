"""The command line: exit codes, positions, streaming, atomic output, and errors without tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from laotext.cli.main import cli

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "examples" / "letter.txt"


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = invoke(*args, input=input)
    return result.exit_code, result.stdout, result.stderr


def invoke(*args: str, input: str | bytes | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_check_clean_text_exits_0() -> None:
    code, out, err = run("check", "-", input="ສະບາຍດີ ປະເທດລາວ\n")
    assert (code, out) == (0, "")
    assert "no issues" in err


def test_check_reports_line_and_column_in_both_languages() -> None:
    code, out, _ = run("check", "-", input="ສະບາຍດີ\nຂ້ອຍບ່ໍຮູ້\n")
    assert code == 1
    # Line 2, column 5: the tone mark typed before ໍ in ບ່ໍ (ຂ ້ ອ ຍ ບ ່ ໍ).
    assert out.splitlines()[0].startswith("<stdin>:2:6: tone-before-vowel:")
    assert "ພິມວັນນະຍຸດກ່ອນສະຫຼະ" in out


def test_check_json_has_positions_and_suggestions() -> None:
    code, out, _ = run("check", "--json", "-", input="ນໍ້າ")
    assert code == 1
    records = json.loads(out)
    assert [(r["code"], r["line"], r["column"], r["start"], r["end"], r["suggestion"]) for r in records] == [
        ("decomposed-am", 1, 2, 1, 4, "້ຳ")
    ]


def test_check_each_line_with_name_profile() -> None:
    names = "ສົມສັກ\nສົມສັກ 2\n"
    code, out, _ = run("check", "--profile", "name", "--each-line", "--lang", "en", "-", input=names)
    assert code == 1
    assert out.splitlines() == ["<stdin>:2:8: not-allowed-character: “2” is not allowed in this field."]


def test_check_unknown_profile_is_a_usage_error() -> None:
    code, _, err = run("check", "--profile", "nope", "-", input="ກ")
    assert code == 2
    assert "unknown validation profile 'nope'" in err


def test_check_rejects_non_utf8_with_a_hint() -> None:
    code, _, err = run("check", "-", input=b"\xa1\xbe\xad")
    assert code == 2
    assert "not UTF-8" in err and "legacy Lao font" in err


def test_check_missing_file(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "missing.txt"))
    assert code == 2
    assert "cannot read" in err


def test_normalize_streams_and_keeps_line_ends() -> None:
    result = invoke("normalize", "-", input="ບ່ໍ\r\nນໍ້າ\nຫນັງສື".encode())
    assert result.exit_code == 0
    assert result.stdout_bytes.decode() == "ບໍ່\r\nນ້ຳ\nໜັງສື"


def test_normalize_switches() -> None:
    _, out, _ = run("normalize", "--keep-ho-spelling", "--keep-ho-lo", "-", input="ຫນັງສື ຫລວງ")
    assert out == "ຫນັງສື ຫລວງ"
    _, out, _ = run("normalize", "--keep-ho-spelling", "--form", "lookup", "-", input="ຫນັງສື")
    assert out == "ໜັງສື"


def test_normalize_moves_a_misplaced_tone_unless_asked() -> None:
    _, out, _ = run("normalize", "-", input="ທາ່ນ ຕອ້ງ\n")
    assert out == "ທ່ານ ຕ້ອງ\n"
    _, out, _ = run("normalize", "--keep-tone-slips", "-", input="ທາ່ນ ຕອ້ງ\n")
    assert out == "ທາ່ນ ຕອ້ງ\n"


def test_normalize_keeps_word_breaks_unless_asked() -> None:
    text = "ຂ້ອຍ\u200bບໍ່\u200bຮູ້"
    assert run("normalize", "-", input=text)[1] == text
    assert run("normalize", "--remove-word-breaks", "-", input=text)[1] == "ຂ້ອຍບໍ່ຮູ້"


def test_normalize_explain_reports_changes_on_stderr() -> None:
    code, out, err = run("normalize", "--explain", str(EXAMPLE))
    assert code == 0
    assert "ແຂວງວຽງຈັນ" in out and "ເເ" not in out
    assert "5 change(s)" in err


def test_normalize_output_file_is_written_and_input_is_protected(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("ນໍ້າ\n", encoding="utf-8")
    target = tmp_path / "out.txt"
    assert run("normalize", str(source), "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8") == "ນ້ຳ\n"
    code, _, err = run("normalize", str(source), "-o", str(source))
    assert code == 2 and "refusing to overwrite" in err
    assert source.read_text(encoding="utf-8") == "ນໍ້າ\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.txt"]  # no temporary left


def test_normalize_failure_leaves_no_partial_output(tmp_path: Path) -> None:
    source = tmp_path / "in.bin"
    source.write_bytes("ນໍ້າ\n".encode() + b"\xff\xfe broken\n")
    target = tmp_path / "out.txt"
    code, _, err = run("normalize", str(source), "-o", str(target))
    assert code == 2 and "line 2" in err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.bin"]


def test_profiles_lists_bundled_profiles() -> None:
    code, out, _ = run("profiles", "--json")
    assert code == 0
    assert [p["name"] for p in json.loads(out)] == ["lao", "name", "text"]


def test_installed_console_script_end_to_end() -> None:
    script = shutil.which("laotext", path=str(Path(sys.executable).parent)) or shutil.which("laotext")
    assert script, "the laotext console script is not installed beside this Python"
    done = subprocess.run([script, "check", "-"], input="ບ່ໍ".encode(), capture_output=True, check=False)
    assert done.returncode == 1
    assert b"tone-before-vowel" in done.stdout


def test_python_dash_m() -> None:
    done = subprocess.run([sys.executable, "-m", "laotext", "--version"], capture_output=True, check=False)
    assert done.returncode == 0
    assert done.stdout.decode().startswith("laotext, version ")


def test_number_words_money_and_back() -> None:
    assert run("number", "10500") == (0, "ສິບພັນຫ້າຮ້ອຍ\n", "")
    assert run("number", "1500000", "--money")[1] == "ໜຶ່ງລ້ານຫ້າແສນກີບ\n"
    assert run("number", "ສິບພັນຫ້າຮ້ອຍ")[1] == "10500\n"
    assert run("number", "--digits", "2025")[1] == "໒໐໒໕\n"
    assert run("number", "--digits", "໒໐໒໕")[1] == "2025\n"


def test_number_rejects_junk_with_exit_2() -> None:
    code, out, err = run("number", "12abc")
    assert (code, out) == (2, "")
    assert "not a number" in err


def test_date_long_full_and_buddhist_era() -> None:
    assert run("date", "2025-12-02")[1] == "2 ທັນວາ 2025\n"
    # 2 December 2025 is a Tuesday (ວັນອັງຄານ); 2025 + 543 = 2568.
    assert run("date", "2025-12-02", "--style", "full", "--era", "BE")[1] == "ວັນອັງຄານ ທີ 2 ທັນວາ ພ.ສ. 2568\n"
    code, _, err = run("date", "31/02/2025")
    assert code == 2 and err


def test_keyboard_both_ways() -> None:
    # On the Lao layout l ສ, t ະ, [ ບ, k າ, p ຍ, f ດ, u ີ.
    assert run("keyboard", "lt[kpfu")[1] == "ສະບາຍດີ\n"
    assert run("keyboard", "--from", "lao", "ສະບາຍດີ")[1] == "lt[kpfu\n"

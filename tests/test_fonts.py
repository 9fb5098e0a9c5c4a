"""Tests of laotext.fonts / laotext.fontinfo and of `laotext fonts`.

The bundled fonts are tested as shipped; every other font is built here with fontTools' FontBuilder:
a Unicode Lao font with OpenType Lao shaping, keyboard-layout and LSWin-layout legacy fonts (with
Lao glyph names, or with anonymous glyphs whose only clue is their shape), and a Latin-only font.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

import laotext.fonts
from laotext.chars import COMBINING_MARKS, KHMU_CONSONANTS, PALI_CONSONANTS
from laotext.cli.fonts import fonts as fonts_group
from laotext.errors import LaotextError, UnknownOptionError
from laotext.fontinfo import FontError, assigned_lao, coverage, inspect, subset
from laotext.legacy import get_encoding

ASCII_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,;:!?"


def _box(x0: int, x1: int, y0: int = 0, y1: int = 500) -> object:
    pen = TTGlyphPen(None)
    pen.moveTo((x0, y0))
    pen.lineTo((x0, y1))
    pen.lineTo((x1, y1))
    pen.lineTo((x1, y0))
    pen.closePath()
    return pen.glyph()


def build_font(
    path: Path,
    family: str,
    glyphs: Mapping[int, tuple[str, bool]],
    *,
    symbol: bool = False,
    features: str = "",
) -> Path:
    """Write a TrueType font: code point -> (glyph name, is a zero-width mark), plus .notdef and space."""
    order = [".notdef", "space", *dict.fromkeys(name for name, _ in glyphs.values())]
    outlines: dict[str, object] = {".notdef": _box(50, 450), "space": TTGlyphPen(None).glyph()}
    metrics: dict[str, tuple[int, int]] = {".notdef": (500, 50), "space": (300, 0)}
    for name, mark in glyphs.values():
        outlines[name] = _box(-300, -100, 600, 750) if mark else _box(50, 550)
        metrics[name] = (0, -300) if mark else (600, 50)
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    cmap = {0x20: "space", **{point: name for point, (name, _) in glyphs.items()}}
    builder.setupCharacterMap(cmap)
    builder.setupGlyf(outlines)
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable(
        {
            "familyName": family,
            "styleName": "Regular",
            "version": "Version 1.000",
            "copyright": f"Copyright 2025 {family} test authors",
            "licenseDescription": "SIL Open Font License 1.1",
        }
    )
    builder.setupOS2()
    builder.setupPost()
    if features:
        builder.addOpenTypeFeatures(features)
    if symbol:
        table = CmapSubtable.newSubtable(4)
        table.platformID, table.platEncID, table.language = 3, 0, 0
        table.cmap = {(0xF000 + point if point < 0x100 else point): name for point, name in cmap.items()}
        builder.font["cmap"].tables = [table]
    builder.save(str(path))
    return path


def _is_mark(text: str) -> bool:
    return all(char in COMBINING_MARKS for char in text)


def _legacy_glyphs(encoding: str, *, named: bool, base: int = 0) -> dict[int, tuple[str, bool]]:
    """Glyphs of a legacy font drawn after *encoding*'s table, on code points ``base + code``."""
    table = get_encoding(encoding).table()
    glyphs: dict[int, tuple[str, bool]] = {}
    for code in range(0x21, 0x100):
        text = table.code_text(code)
        lao = any("\u0e80" <= char <= "\u0eff" for char in text)
        if code in range(0x7F, 0xA1):
            continue
        if lao:
            name = "uni" + "".join(f"{ord(char):04X}" for char in text) if named else f"glyph{code:03d}"
            glyphs[base + code] = (name, _is_mark(text))
        elif code < 0x7F:
            glyphs[base + code] = (f"ascii{code:03d}", False)
    return glyphs


@pytest.fixture(scope="module")
def fontdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fonts")


@pytest.fixture(scope="module")
def unicode_lao_font(fontdir: Path) -> Path:
    covered = "ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮະາຳເແໂໃໄ" + "ັິີຶືົຸູ່້໊໋ໍ"
    glyphs = {ord(char): (f"uni{ord(char):04X}", char in COMBINING_MARKS) for char in covered}
    glyphs |= {ord(char): (char if char.isalpha() else f"c{ord(char)}", False) for char in "Lao"}
    features = """
        languagesystem DFLT dflt;
        languagesystem lao dflt;
        markClass [uni0EC8 uni0EC9] <anchor -200 750> @TOP;
        feature ccmp { sub uni0ECD uni0EB2 by uni0EB3; } ccmp;
        feature mark { pos base [uni0E81 uni0E82] <anchor 300 600> mark @TOP; } mark;
        feature mkmk { pos mark [uni0EB4 uni0EB5] <anchor -200 800> mark @TOP; } mkmk;
    """
    return build_font(fontdir / "UnicodeLao.ttf", "Test Unicode Lao", glyphs, features=features)


@pytest.fixture(scope="module")
def keyboard_font(fontdir: Path) -> Path:
    return build_font(fontdir / "Keyboard.ttf", "Test Keyboard Lao", _legacy_glyphs("keyboard", named=True))


@pytest.fixture(scope="module")
def lswin_font(fontdir: Path) -> Path:
    return build_font(fontdir / "Lswin.ttf", "Test LSWin Lao", _legacy_glyphs("lswin", named=True))


@pytest.fixture(scope="module")
def latin_font(fontdir: Path) -> Path:
    glyphs = {ord(char): (f"ascii{ord(char)}", False) for char in ASCII_LETTERS}
    return build_font(fontdir / "Latin.ttf", "Test Latin", glyphs)


# --- bundled fonts ------------------------------------------------------------------------------------

BUNDLED_COVERAGE = {"Phetsarath": "65/83", "Noto Sans Lao": "67/83", "Noto Looped Lao": "82/83"}


def test_available_lists_three_families_in_two_weights() -> None:
    fonts = laotext.fonts.available()
    assert [(font.family, font.weight) for font in fonts] == [
        (family, weight) for family in BUNDLED_COVERAGE for weight in ("regular", "bold")
    ]
    assert {font.licence_file for font in fonts} == {"OFL-Phetsarath.txt", "OFL-Noto.txt"}


@pytest.mark.parametrize("family", list(BUNDLED_COVERAGE))
@pytest.mark.parametrize("weight", ["regular", "bold", 400, 700])
def test_path_exists_and_opens(family: str, weight: str | int) -> None:
    path = laotext.fonts.path(family, weight)
    assert path.is_file()
    name = TTFont(path)["name"]
    assert (name.getDebugName(16) or name.getDebugName(1)).startswith(family)
    licence_file = next(font.licence_file for font in laotext.fonts.available() if font.filename == path.name)
    assert "SIL OPEN FONT LICENSE" in path.with_name(licence_file).read_text(encoding="utf-8").upper()


def test_path_names_fold_and_weight_words() -> None:
    assert laotext.fonts.path("noto-sans-lao", "BOLD").name == "NotoSansLao-Bold.ttf"
    assert laotext.fonts.path("Phetsarath Bold").name == "Phetsarath-Bold.woff2"


@pytest.mark.parametrize(
    ("name", "weight", "message"),
    [("Times New Roman", "regular", "no bundled font"), ("Phetsarath", "black", "unknown font weight")],
)
def test_path_unknown_font_or_weight(name: str, weight: str, message: str) -> None:
    with pytest.raises(FontError, match=message):
        laotext.fonts.path(name, weight)


def test_path_wrong_type() -> None:
    with pytest.raises(TypeError):
        laotext.fonts.path(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("family", list(BUNDLED_COVERAGE))
@pytest.mark.parametrize("weight", ["regular", "bold"])
def test_inspect_bundled(family: str, weight: str) -> None:
    report = inspect(laotext.fonts.path(family, weight))
    assert report.family == family
    assert report.lao_coverage == BUNDLED_COVERAGE[family]
    assert report.legacy is None and report.has_lao
    assert "\u0ece" in report.lao_missing  # no bundled font has LAO YAMAKKAN
    assert set(report.lao_covered) | set(report.lao_missing) == set(assigned_lao())
    assert "GSUB" in report.lao_scripts
    if family == "Noto Looped Lao":
        assert report.pali_missing == "" and report.khmu_missing == ""
    else:
        assert report.pali_missing == PALI_CONSONANTS
    assert report.khmu_missing == ("" if family.startswith("Noto") else KHMU_CONSONANTS)
    if family == "Phetsarath":  # the Google Fonts build has GSUB ligatures but no GPOS
        assert report.gsub_features == ("liga", "rlig") and report.gpos_features == ()
        assert not report.has_lao_shaping
        assert "Ministry of Posts and Telecommunications" in report.copyright
    else:
        assert {"mark", "mkmk"} <= set(report.gpos_features) and report.has_lao_shaping
        assert "Open Font License" in report.licence


def test_assigned_lao_comes_from_the_bundled_table() -> None:
    assert len(assigned_lao()) == 83 and "\u0ece" in assigned_lao()


def test_import_is_light() -> None:
    code = (
        "import sys, laotext.fonts; assert 'fontTools' not in sys.modules; laotext.fonts.path('Phetsarath')"
    )
    code += "; assert 'fontTools' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- fonts built in the tests ---------------------------------------------------------------------------


def test_unicode_lao_font(unicode_lao_font: Path) -> None:
    report = inspect(unicode_lao_font)
    assert report.family == "Test Unicode Lao" and report.format == "ttf"
    assert report.legacy is None
    assert len(report.lao_covered) == 48
    assert "ໜ" in report.lao_missing and report.pali_missing == PALI_CONSONANTS
    assert report.khmu_missing == KHMU_CONSONANTS
    assert report.lao_scripts == ("GSUB", "GPOS")
    assert report.gsub_features == ("ccmp",) and report.gpos_features == ("mark", "mkmk")
    assert report.has_lao_shaping
    assert report.copyright == "Copyright 2025 Test Unicode Lao test authors"
    assert report.to_dict()["lao_missing"][0] == "U+0E86"


@pytest.mark.parametrize("named", [True, False], ids=["glyph-names", "shapes-only"])
@pytest.mark.parametrize("symbol", [False, True], ids=["unicode-cmap", "symbol-cmap"])
def test_keyboard_legacy_font(fontdir: Path, named: bool, symbol: bool) -> None:
    path = build_font(
        fontdir / f"kb-{named}-{symbol}.ttf",
        "Test Keyboard Lao",
        _legacy_glyphs("keyboard", named=named),
        symbol=symbol,
    )
    report = inspect(path)
    assert report.lao_coverage == "0/83" and report.legacy is not None
    assert report.legacy.encoding == "keyboard"
    assert report.legacy.known_encoding is None
    assert report.legacy.font_map == "Test Keyboard Lao=keyboard"
    assert "--font-map 'Test Keyboard Lao=keyboard'" in report.legacy.advice
    best, other = report.legacy.candidates
    assert best.encoding == "keyboard" and best.score > 0.9 and other.score < 0.2


@pytest.mark.parametrize("named", [True, False], ids=["glyph-names", "shapes-only"])
@pytest.mark.parametrize("symbol", [False, True], ids=["latin1-cmap", "symbol-cmap"])
def test_lswin_legacy_font(fontdir: Path, named: bool, symbol: bool) -> None:
    path = build_font(
        fontdir / f"lswin-{named}-{symbol}.ttf",
        "Test LSWin Lao",
        _legacy_glyphs("lswin", named=named),
        symbol=symbol,
    )
    report = inspect(path)
    assert report.legacy is not None and report.legacy.encoding == "lswin"
    assert report.legacy.font_map == "Test LSWin Lao=lswin"
    assert report.legacy.candidates[0].mark_hits >= 20
    if symbol:
        assert any("symbol-encoded" in line for line in report.legacy.evidence)


def test_known_legacy_family_is_reported_even_without_glyph_evidence(fontdir: Path) -> None:
    glyphs = {ord(char): (f"ascii{ord(char)}", False) for char in ASCII_LETTERS}
    report = inspect(build_font(fontdir / "Saysettha.ttf", "Saysettha Lao", glyphs))
    assert report.legacy is not None
    assert report.legacy.encoding is None and report.legacy.known_encoding == "lswin"
    assert report.legacy.font_map == "Saysettha Lao=lswin"
    assert "without --font-map" in report.legacy.advice


def test_latin_font_is_neither_lao_nor_legacy(latin_font: Path) -> None:
    report = inspect(latin_font)
    assert not report.has_lao and report.lao_coverage == "0/83"
    assert report.legacy is None and report.lao_scripts == () and not report.has_lao_shaping


def test_glyph_name_reading() -> None:
    from laotext.fontinfo.legacy import glyph_name_text

    assert glyph_name_text("lao_ko") == glyph_name_text("ko.alt") == glyph_name_text("uni0E81") == "ກ"
    assert glyph_name_text("u0EDE") == "\u0ede" and glyph_name_text("laozero") == "໐"
    for latin in ("a", "o", "one", "zero", "A", "uni0041", "glyph12", "nonmarkingreturn"):
        assert glyph_name_text(latin) == ""


# --- coverage -----------------------------------------------------------------------------------------


def test_coverage_positions(unicode_lao_font: Path) -> None:
    text = "ກາ ໜ\nLao ຆx\r\n\u200bກ"
    report = coverage(unicode_lao_font, text)
    assert [(m.char, m.position, m.line, m.column) for m in report.missing] == [
        ("ໜ", 3, 1, 4),
        ("ຆ", 9, 2, 5),
        ("x", 10, 2, 6),
    ]
    assert not report.ok and report.missing_chars == "ໜຆx"
    assert all(text[m.position] == m.char for m in report.missing)
    assert report.missing[1].name == "LAO LETTER PALI GHA"
    assert report.to_dict()["missing"][0]["codepoint"] == "U+0EDC"


def test_coverage_all_covered_and_type_check() -> None:
    assert coverage("Noto Looped Lao", "ພາສາບາລີ ຆ ໞ").ok
    with pytest.raises(TypeError):
        coverage("Phetsarath", b"bytes")  # type: ignore[arg-type]


# --- subset -------------------------------------------------------------------------------------------

#: A form's text; ຟ໊ is there because Noto Looped Lao's mkmk lookups apply only to ໊ after ຟ.
PAGE = "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ. ກະລຸນາຕື່ມຊື່ ແລະ ນາມສະກຸນ, ເບີໂທ ໐໒໐ ເບິ່ງ ນ້ຳ ຫຼາຍ ທີ່ ນີ້ ຟ໊"


@pytest.mark.parametrize("family", list(BUNDLED_COVERAGE))
def test_subset_keeps_every_character_and_the_features(tmp_path: Path, family: str) -> None:
    output = tmp_path / "page.woff2"
    report = subset(family, PAGE, output)
    font = TTFont(output)
    assert font.flavor == "woff2" and report.bytes == output.stat().st_size < report.original_bytes
    full_cmap, cmap = TTFont(laotext.fonts.path(family)).getBestCmap(), font.getBestCmap()
    never = "".join(sorted({char for char in PAGE if ord(char) not in full_cmap}))
    assert report.missing == never and set(never) <= set(".,")  # Noto Sans Lao has no . or ,
    assert all(ord(char) in cmap for char in PAGE if char not in never)
    assert set(PAGE) - set(never) <= set(report.characters)
    assert coverage(output, PAGE).missing_chars == coverage(family, PAGE).missing_chars
    original = inspect(family)
    kept = inspect(output)
    assert kept.lao_scripts == original.lao_scripts
    assert {"mark", "mkmk"} & set(original.gpos_features) <= set(kept.gpos_features)
    assert report.glyphs < report.original_glyphs
    assert kept.copyright == original.copyright  # the name table travels with the subset


def test_subset_of_a_built_font_and_flavors(tmp_path: Path, unicode_lao_font: Path) -> None:
    report = subset(unicode_lao_font, "ກ່ ຂີ້ ຆ", tmp_path / "small.ttf", flavor="ttf")
    assert report.missing == "ຆ" and report.gpos_features == ("mark", "mkmk")
    assert TTFont(tmp_path / "small.ttf").flavor is None
    with pytest.raises(UnknownOptionError):
        subset(unicode_lao_font, "ກ", tmp_path / "x.eot", flavor="eot")


def test_subset_refuses_to_overwrite_its_input(tmp_path: Path, unicode_lao_font: Path) -> None:
    copy = tmp_path / "copy.ttf"
    copy.write_bytes(unicode_lao_font.read_bytes())
    with pytest.raises(FontError, match="refusing to overwrite"):
        subset(copy, "ກ", copy, flavor="ttf")


# --- errors -------------------------------------------------------------------------------------------


def test_missing_and_broken_files(tmp_path: Path) -> None:
    text = tmp_path / "notes.ttf"
    text.write_text("not a font", encoding="utf-8")
    truncated = tmp_path / "truncated.ttf"
    truncated.write_bytes(laotext.fonts.path("Noto Sans Lao").read_bytes()[:300])
    cases = {
        tmp_path / "absent.ttf": "no such font file",
        text: "is not a font file",
        truncated: "broken",
        tmp_path: "is a folder",
    }
    for path, message in cases.items():
        with pytest.raises(FontError, match=message) as caught:
            inspect(path)
        assert isinstance(caught.value, LaotextError) and caught.value.path == str(path)
    with pytest.raises(FontError, match="no bundled font of that name"):
        inspect("Wingdings")
    with pytest.raises(TypeError):
        inspect(3.5)  # type: ignore[arg-type]


# --- command line -------------------------------------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@click.group()
def app() -> None:
    """The group as `laotext` registers it."""


app.add_command(fonts_group)


def test_cli_inspect_legacy_json(runner: CliRunner, keyboard_font: Path) -> None:
    result = runner.invoke(app, ["fonts", "inspect", "--json", str(keyboard_font)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["legacy"]["encoding"] == "keyboard"
    assert data["legacy"]["font_map"] == "Test Keyboard Lao=keyboard"
    assert data["lao_coverage"] == "0/83"


def test_cli_inspect_text(runner: CliRunner, lswin_font: Path) -> None:
    result = runner.invoke(app, ["fonts", "inspect", str(lswin_font)])
    assert result.exit_code == 0
    assert "encoding lswin" in result.output and "--font-map 'Test LSWin Lao=lswin'" in result.output
    bundled = runner.invoke(app, ["fonts", "inspect", "Noto Looped Lao"])
    assert "82/83" in bundled.output and "U+0ECE" in bundled.output and "mark, mkmk" in bundled.output


def test_cli_inspect_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.woff2"
    broken.write_bytes(b"wOF2" + b"\0" * 60)
    for argument in (str(tmp_path / "absent.ttf"), str(broken)):
        result = runner.invoke(app, ["fonts", "inspect", argument])
        assert result.exit_code == 2
        assert "laotext: error:" in result.output


def test_cli_coverage(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("ພາສາ\nຆ ok\n", encoding="utf-8")
    result = runner.invoke(app, ["fonts", "coverage", "--font", "Noto Sans Lao", str(page)])
    assert result.exit_code == 1
    assert f"{page}:2:1: offset 5: U+0E86 LAO LETTER PALI GHA" in result.output
    result = runner.invoke(
        app, ["fonts", "coverage", "--font", "Noto Looped Lao", "--json", "-"], input="ຆ ໞ"
    )
    assert result.exit_code == 0 and json.loads(result.output)["ok"] is True


def test_cli_subset(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "form.txt"
    page.write_text(PAGE, encoding="utf-8")
    output = tmp_path / "form.woff2"
    result = runner.invoke(
        app, ["fonts", "subset", "--font", "Phetsarath", "--text", str(page), "-o", str(output), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["bytes"] == output.stat().st_size and data["gsub_features"] == ["liga", "rlig"]
    result = runner.invoke(
        app, ["fonts", "subset", "--font", "nothing.ttf", "--text", str(page), "-o", "x.woff2"]
    )
    assert result.exit_code == 2


def test_cli_list(runner: CliRunner) -> None:
    result = runner.invoke(app, ["fonts", "list", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert len(data["bundled"]) == 6 and all(Path(item["path"]).is_file() for item in data["bundled"])
    assert {"family": "Boupha", "encoding": "keyboard"} in data["legacy"]
    text = runner.invoke(app, ["fonts", "list"]).output
    assert "Phetsarath" in text and "Saysettha Lao" in text

"""laotext.segment: the hand-checked cases of cases/segment.tsv and cases/sentences.tsv, properties,
speed on long and adversarial texts, custom vocabularies, errors and the ``segment`` command."""

from __future__ import annotations

import gc
import re
import statistics
import time
import unicodedata
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tsvcases import Row, params, read_rows

import laotext
from laotext import Tokenizer, UnknownOptionError, sent_tokenize, syllable_spans, word_tokenize
from laotext.chars import thai_lookalikes
from laotext.cli.main import cli
from laotext.segment import ENGINES

COLUMNS = ("label", "input", "expected", "note")
WORD_ROWS = read_rows("segment.tsv", COLUMNS)
WORD_FAILURES = read_rows("segment_known_failures.tsv", COLUMNS)
SENTENCE_ROWS = read_rows("sentences.tsv", COLUMNS)


def pieces(row: Row) -> list[str]:
    expected = row["expected"]
    return [] if expected == "-" else row.text("expected").split("|")


# --- the case files


def test_case_files_are_well_formed() -> None:
    assert len(WORD_ROWS) >= 60
    assert len(SENTENCE_ROWS) >= 20
    labels = [row.label for row in WORD_ROWS + WORD_FAILURES]
    assert len(labels) == len(set(labels)), "a label is in both segment files"
    for row in WORD_ROWS + WORD_FAILURES:
        words = pieces(row)
        assert row["note"].strip(), row.where
        assert all(word.strip() for word in words), row.where
        # The expected words are the input without its white space, in order.
        assert "".join(words) == re.sub(r"\s+", "", row.text("input")), row.where
    for row in SENTENCE_ROWS:
        assert row["note"].strip(), row.where
        assert all(pieces(row)), row.where
        assert "".join(pieces(row)) == row.text("input"), row.where


@pytest.mark.parametrize("row", params(WORD_ROWS))
def test_word_case(row: Row) -> None:
    text = row.text("input")
    assert word_tokenize(text, keep_whitespace=False) == pieces(row)
    assert "".join(word_tokenize(text)) == text


@pytest.mark.parametrize("row", params(WORD_FAILURES))
@pytest.mark.xfail(strict=True, reason="known wrong cut, see segment_known_failures.tsv")
def test_word_known_failure(row: Row) -> None:
    assert word_tokenize(row.text("input"), keep_whitespace=False) == pieces(row)


@pytest.mark.parametrize("row", params(SENTENCE_ROWS))
def test_sentence_case(row: Row) -> None:
    assert sent_tokenize(row.text("input")) == pieces(row)


def test_quote_across_a_line_break_does_not_hide_later_ends() -> None:
    assert sent_tokenize('ລາວວ່າ "ໄປ\nມາ" ແລ້ວ. ດີ') == ['ລາວວ່າ "ໄປ\n', 'ມາ" ແລ້ວ. ', "ດີ"]


def test_variant_cases_cut_like_their_standard_spelling() -> None:
    by_label = {row.label: row for row in WORD_ROWS + WORD_FAILURES}
    pairs = {
        "ho-no-digraph": "student-buys-book",
        "am-decomposed": "cold-water",
        "ho-lo-digraph": "vientiane-capital",
        "ho-lo-luang-prabang": "luang-prabang",
        "tone-before-vowel": "newspaper",
        "newspaper-variants": "newspaper",
        "thai-marks-in-lao": "student-buys-book",
    }
    for variant, standard in pairs.items():
        got = word_tokenize(by_label[variant].text("input"), keep_whitespace=False)
        want = word_tokenize(by_label[standard].text("input"), keep_whitespace=False)
        assert len(got) == len(want), variant
        assert [laotext.normalize(word.translate(THAI_MARKS), form="lookup") for word in got] == [
            laotext.normalize(word, form="lookup") for word in want
        ], variant


# --- properties

LAO_COMMON = "ກຂຄງຈຊຍດຕຖທນບປຜຝພຟມຢຣລວສຫອຮໜໝະັາຳິີຶືຸູົຼຽເແໂໃໄ່້໊໋໌ໍໆຯ໑໒"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\u3000 \t\n\r"
FRAGMENTS = ["ຫນ", "ຫມ", "ຫລ", "ໍາ", "ໍ້າ", "່ໍ", "ດີ", "่", "ำ", "ก", ".", "ສ.ປ.ປ.", "3.5", "http://a.b", "a@b.la"]
WORDS = [
    *("ສະບາຍດີ", "ປະເທດ", "ລາວ", "ນະຄອນຫຼວງ", "ວຽງຈັນ", "ໜັງສືພິມ", "ນັກຮຽນ", "ມະຫາວິທະຍາໄລ", "ບັນດາ"),
    *("ຄອມພິວເຕີ", "ອິນເຕີເນັດ", "ຂ້ອຍ", "ເຈົ້າ", "ບໍ່", "ໄປ", "ມາ", "ກິນ", "ເຂົ້າ", "ນ້ຳ", "ໃໝ່", "ຫຼາຍ"),
]
CHARACTERS = st.one_of(
    st.sampled_from(LAO_COMMON),
    st.characters(min_codepoint=0x0E80, max_codepoint=0x0EFF),
    st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(INVISIBLE),
    st.characters(),
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(CHARACTERS, max_size=60),
    st.lists(st.one_of(CHARACTERS, st.sampled_from(FRAGMENTS), st.sampled_from(WORDS)), max_size=25).map(
        "".join
    ),
)
SETTINGS = settings(max_examples=300, deadline=None)
LAO_BLOCK = re.compile("[\u0e80-\u0eff]")
LAO_OR_THAI = re.compile("[\u0e00-\u0eff]")
# Thai marks typed in a Lao run are read as their Lao twins before the run is cut into syllables.
THAI_MARKS = {ord(thai): lao for thai, lao in thai_lookalikes().items() if 0x0E31 <= ord(thai) < 0x0E4F}


def boundaries(tokens: list[str]) -> list[int]:
    ends, position = [], 0
    for token in tokens:
        position += len(token)
        ends.append(position)
    return ends


@SETTINGS
@given(text=TEXT)
@example(text="")
@example(text="ໆໆ ສປປລາວ ກ.ຂ.ຄ ๆ")
def test_word_tokenize_is_lossless_without_empty_tokens(text: str) -> None:
    tokens = word_tokenize(text)
    assert "".join(tokens) == text
    assert all(tokens)


@SETTINGS
@given(text=TEXT)
def test_keep_whitespace_false_drops_only_whitespace_tokens(text: str) -> None:
    kept = word_tokenize(text, keep_whitespace=True)
    assert word_tokenize(text, keep_whitespace=False) == [token for token in kept if not token.isspace()]


@SETTINGS
@given(text=TEXT)
@example(text='ລາວ "ໄປ. ມາ" ແລ້ວ.  ດີ\n\n')
def test_sent_tokenize_is_lossless_without_empty_sentences(text: str) -> None:
    sentences = sent_tokenize(text)
    assert "".join(sentences) == text
    assert all(sentences)


@SETTINGS
@given(text=TEXT)
@example(text="ກ.ຂຄາ")
@example(text="中文ກິນ ທ.ຫນູ ²ກ່")
@example(text="ກິ\u0e48ນດີ")
def test_lao_runs_break_only_at_syllable_boundaries(text: str) -> None:
    allowed = {end for _, end in syllable_spans(text.translate(THAI_MARKS))}
    for end in boundaries(word_tokenize(text))[:-1]:
        if LAO_BLOCK.match(text[end - 1]) and LAO_BLOCK.match(text[end]):
            assert end in allowed, (text, end)


def _extends_a_character(char: str) -> bool:
    """A combining mark or an emoji skin-tone modifier: it belongs to the character before it."""
    return unicodedata.category(char).startswith("M") or "\U0001f3fb" <= char <= "\U0001f3ff"


EXTENDING = st.sampled_from(["\u0301", "\u0327", "\u093f", "\u094d", "\ufe0f", "\u20e3", "\U0001f3fd"])


@SETTINGS
@given(text=st.lists(st.one_of(CHARACTERS, EXTENDING, st.sampled_from(FRAGMENTS)), max_size=25).map("".join))
@example(text="a@b.la\u0301 ສ.ປ.ປ.\u0301 1\ufe0f\u20e3 e\u0301")
def test_no_word_starts_inside_a_character_outside_lao(text: str) -> None:
    tokens = word_tokenize(text)
    for before, token in pairwise(tokens):
        if _extends_a_character(token[0]) and not LAO_OR_THAI.match(token[0]):
            assert before[-1].isspace() or LAO_OR_THAI.match(before[-1]), (before, token)


@pytest.mark.parametrize("text", ["²ກ່", "中文ກິນ", "한국ດີ", "½ກາ", "ͰAກິ"])
def test_other_script_does_not_run_into_lao(text: str) -> None:
    allowed = {end for _, end in syllable_spans(text)}
    tokens = word_tokenize(text)
    assert all(not (LAO_BLOCK.search(token) and re.search("[^\u0e80-\u0eff]", token)) for token in tokens)
    assert set(boundaries(tokens)) <= allowed


@pytest.mark.parametrize(("text", "word"), [("ທ.ຫນູ", "ຫນູ"), ("ນ.ສຽງ", "ສຽງ")])
def test_abbreviation_does_not_take_the_next_initial(text: str, word: str) -> None:
    # ທ.ໜູ gives ທ|.|ໜູ; typed with ຫນ, the abbreviation takes the ຫ of ຫນູ.
    assert word_tokenize(text)[-1] == word


@pytest.mark.parametrize("engine", sorted(ENGINES))
@settings(max_examples=100, deadline=None)
@given(text=TEXT)
def test_every_engine_is_lossless(engine: str, text: str) -> None:
    tokens = word_tokenize(text, engine=engine)
    assert "".join(tokens) == text
    assert all(tokens)


# A standard spelling and the variant typed for it (ໍ່ and ໍ້ are the tone typed before ໍ).
VARIANTS = {"ໜ": "ຫນ", "ໝ": "ຫມ", "ຫຼ": "ຫລ", "້ຳ": "ໍ້າ", "ຳ": "ໍາ", "ໍ່": "່ໍ", "ໍ້": "້ໍ"}
VARIANT_PATTERN = re.compile("|".join(sorted(VARIANTS, key=len, reverse=True)))
VARIANT_WORDS = [
    *("ໜັງສື", "ໜັງສືພິມ", "ໝູ", "ໃໝ່", "ໝາກໄມ້", "ຫຼາຍ", "ຫຼວງພະບາງ", "ນະຄອນຫຼວງ", "ຕະຫຼາດ", "ນ້ຳ"),
    *("ນ້ຳເຢັນ", "ຄຳ", "ຈຳປາສັກ", "ບໍ່", "ພໍ່", "ຕໍ້", "ສະບາຍດີ", "ຂ້ອຍ", "ໄປ", "ລາວ", "ກິນ", "ເຂົ້າ"),
    *("ມື້ນີ້", "ໂຮງຮຽນ", "ໆ", " ", ", ", "2025", "!"),
]


def respell(text: str) -> tuple[str, Callable[[int], int]]:
    """*text* with every standard spelling replaced by its variant, and the map of offsets."""
    out, starts = [], {}
    position = shifted = 0
    for match in VARIANT_PATTERN.finditer(text):
        out.append(text[position : match.start()])
        for offset in range(position, match.start() + 1):
            starts[offset] = offset + shifted
        replacement = VARIANTS[match.group()]
        out.append(replacement)
        shifted += len(replacement) - len(match.group())
        position = match.end()
    out.append(text[position:])
    for offset in range(position, len(text) + 1):
        starts[offset] = offset + shifted
    return "".join(out), starts.__getitem__


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(VARIANT_WORDS), max_size=15))
@example(words=["ໜັງສືພິມ", "ລາວ"])
def test_variant_spellings_cut_at_the_same_places(words: list[str]) -> None:
    text = "".join(words)
    variant, mapped = respell(text)
    standard_tokens, variant_tokens = word_tokenize(text), word_tokenize(variant)
    assert len(variant_tokens) == len(standard_tokens), (text, standard_tokens, variant_tokens)
    assert [mapped(end) for end in boundaries(standard_tokens)] == boundaries(variant_tokens)


# --- speed


def fastest_seconds(function: Callable[[], object], runs: int = 3) -> float:
    """The fastest of *runs* calls, with the garbage collector paused: a test process holding many
    objects makes collections cost in proportion to everything else it holds, not to this call."""
    times = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
    finally:
        if collecting:
            gc.enable()
    return min(times)


def median_seconds(function: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@pytest.fixture(scope="module", autouse=True)
def loaded_lexicon() -> None:
    """Load the bundled lexicon once, so that no timing below includes it."""
    for engine in ENGINES:
        word_tokenize("ສະບາຍດີ", engine=engine)


def test_worst_case_from_the_issue_is_under_a_second() -> None:
    text = "ບັນດາ" * 10_000
    tokens = word_tokenize(text)
    assert tokens == ["ບັນດາ"] * 10_000
    assert median_seconds(lambda: word_tokenize(text)) < 1.0


ADVERSARIAL = {
    "one-syllable": "ກາ",
    "repeat-mark": "ໆ",
    "syllable-and-repeat": "ດີໆ",
    "combining-marks": "\u0eb4",
    "tone-marks": "\u0ec8",
    "dotted-abbreviations": "ກ.",
    "thai-marks-in-lao": "ກ\u0e34",
    "spaces": " \u00a0",
}


@pytest.mark.parametrize("unit", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_text_takes_time_proportional_to_its_length(unit: str) -> None:
    small = "ກ" + unit * (100_000 // len(unit))
    large = "ກ" + unit * (400_000 // len(unit))
    assert "".join(word_tokenize(large)) == large
    # Fastest of three runs, so that a busy machine does not make a linear time look quadratic;
    # 4 times the text may take up to 10 times as long (quadratic would be 16), and anything
    # under a quarter of a second is fast enough whatever the ratio of such small times.
    large_seconds = fastest_seconds(lambda: word_tokenize(large))
    ratio = large_seconds / max(fastest_seconds(lambda: word_tokenize(small)), 1e-4)
    assert large_seconds < 0.25 or ratio < 10, (large_seconds, ratio)


def test_bare_consonants_take_time_proportional_to_their_length() -> None:
    small, large = "ກ" * 100_000, "ກ" * 400_000
    assert word_tokenize(small) == [small]
    first = fastest_seconds(lambda: word_tokenize(small))
    ratio = fastest_seconds(lambda: word_tokenize(large)) / max(first, 1e-4)
    assert ratio < 10, ratio


def test_long_text_is_fast_and_lossless() -> None:
    text = "ສະບາຍດີ ປະເທດລາວ. ນະຄອນຫຼວງວຽງຈັນ 3.5 ລ້ານ www.gov.la ສປປ ລາວ!\n" * 2_000
    start = time.perf_counter()
    words, sentences = word_tokenize(text), sent_tokenize(text)
    assert time.perf_counter() - start < 5
    assert "".join(words) == text
    assert "".join(sentences) == text


# --- Tokenizer


def test_custom_vocabulary_only() -> None:
    assert word_tokenize("ໜັງສືພິມ") == ["ໜັງສືພິມ"]
    tokenizer = Tokenizer(["ໜັງສື", "ພິມ"])
    assert tokenizer.tokenize("ໜັງສືພິມ") == ["ໜັງສື", "ພິມ"]
    assert tokenizer.tokenize("ພິມໜັງສື") == ["ພິມ", "ໜັງສື"]
    assert len(tokenizer.lexicon) == 2
    # Syllables that start no word of the vocabulary are taken together as one word.
    assert tokenizer.tokenize("ມະຫາວິທະຍາໄລພິມ") == ["ມະຫາວິທະຍາໄລ", "ພິມ"]
    assert Tokenizer([]).tokenize("ໜັງສືພິມ ລາວ") == ["ໜັງສືພິມ", " ", "ລາວ"]


def test_custom_vocabulary_with_costs_and_variants() -> None:
    tokenizer = Tokenizer({"ໜັງສື": 100, "ພິມ": 100, "ໜັງສືພິມ": 1000})
    assert tokenizer.tokenize("ໜັງສືພິມ") == ["ໜັງສື", "ພິມ"]
    assert tokenizer.tokenize("ຫນັງສືພິມ") == ["ຫນັງສື", "ພິມ"]


def test_extend_keeps_the_bundled_words() -> None:
    text = "ສຳນັກງານໃຫຍ່ໜັງສືພິມ"
    words = ["ສຳນັກງານໃຫຍ່", "ໜັງ", "ສື", "ພິມ"]
    assert Tokenizer(words, extend=True).tokenize(text) == ["ສຳນັກງານໃຫຍ່", "ໜັງສືພິມ"]
    assert Tokenizer(words).tokenize(text) == ["ສຳນັກງານໃຫຍ່", "ໜັງ", "ສື", "ພິມ"]
    assert word_tokenize(text) == ["ສຳນັກງານ", "ໃຫຍ່", "ໜັງສືພິມ"]


def test_add_and_remove_word_change_results() -> None:
    tokenizer = Tokenizer()
    text = "ທ້າວສົມສັກມາ"
    before = tokenizer.tokenize(text)
    assert "ສົມສັກ" not in before
    tokenizer.add_word("ສົມສັກ")
    assert tokenizer.tokenize(text) == ["ທ້າວ", "ສົມສັກ", "ມາ"]
    tokenizer.remove_word("ສົມສັກ")
    assert tokenizer.tokenize(text) == before
    tokenizer.remove_word("ໜັງສືພິມ")
    assert tokenizer.tokenize("ໜັງສືພິມ") != ["ໜັງສືພິມ"]


def test_remove_unknown_word_raises_key_error() -> None:
    with pytest.raises(KeyError):
        Tokenizer().remove_word("ກຂຄງຈ")
    with pytest.raises(KeyError):
        Tokenizer(["ສະບາຍ"]).remove_word("ດີ")


def test_changing_one_tokenizer_leaves_the_default_alone() -> None:
    text, expected = "ທ້າວສົມສັກອ່ານໜັງສືພິມ", word_tokenize("ທ້າວສົມສັກອ່ານໜັງສືພິມ")
    tokenizer = Tokenizer()
    tokenizer.add_word("ສົມສັກ")
    tokenizer.remove_word("ໜັງສືພິມ")
    assert tokenizer.tokenize(text) != expected
    assert word_tokenize(text) == expected
    assert Tokenizer().tokenize(text) == expected
    extended = Tokenizer(["ສົມສັກອ່ານ"], extend=True)
    extended.add_word("ທ້າວສົມ")
    assert word_tokenize(text) == expected


@pytest.mark.parametrize("value", [None, b"\xe0\xba\x81", 7, ["ກ"]])
def test_not_str_is_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        word_tokenize(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sent_tokenize(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Tokenizer().tokenize(value)  # type: ignore[arg-type]


def test_wrong_types_for_tokenizer_are_type_errors() -> None:
    with pytest.raises(TypeError):
        Tokenizer("abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Tokenizer([None])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Tokenizer().add_word(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Tokenizer(engine=None)  # type: ignore[arg-type]


def test_unknown_engine_is_unknown_option_error() -> None:
    with pytest.raises(UnknownOptionError):
        word_tokenize("ສະບາຍດີ", engine="neural")
    with pytest.raises(UnknownOptionError):
        Tokenizer(engine="neural")
    with pytest.raises(ValueError):  # UnknownOptionError is a ValueError too
        Tokenizer(engine="")


def test_engines_differ_where_they_should() -> None:
    text = "ມະຫາວິທະຍາໄລແຫ່ງຊາດ"
    assert word_tokenize(text, engine="syllable") == ["ມະ", "ຫາ", "ວິ", "ທະ", "ຍາ", "ໄລ", "ແຫ່ງ", "ຊາດ"]
    assert word_tokenize(text, engine="dictionary") == word_tokenize(text) == ["ມະຫາວິທະຍາໄລ", "ແຫ່ງຊາດ"]
    assert word_tokenize(text, engine="longest") == ["ມະຫາວິທະຍາໄລ", "ແຫ່ງຊາດ"]


# --- the segment command


def invoke(*args: str, input: str | bytes | None = None) -> Result:
    result = CliRunner().invoke(cli, ["segment", *args], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_cli_segments_stdin_with_the_default_separator() -> None:
    result = invoke("-", input="ນັກຮຽນຊື້ໜັງສື 2025\nສະບາຍດີ\n")
    assert result.exit_code == 0
    assert result.stdout == "ນັກຮຽນ|ຊື້|ໜັງສື|2025\nສະບາຍດີ\n"


def test_cli_reads_stdin_without_an_argument() -> None:
    result = invoke("--sep", " / ", input="ນັກຮຽນຊື້ໜັງສື")
    assert (result.exit_code, result.stdout) == (0, "ນັກຮຽນ / ຊື້ / ໜັງສື\n")


def test_cli_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("ລັດຖະບານລາວ\nຂ້ອຍໃຊ້ຄອມພິວເຕີ\n", encoding="utf-8")
    result = invoke(str(path), "--sep", " ")
    assert (result.exit_code, result.stdout) == (0, "ລັດຖະບານ ລາວ\nຂ້ອຍ ໃຊ້ ຄອມພິວເຕີ\n")


def test_cli_missing_file_exits_2(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_cli_keep_whitespace() -> None:
    result = invoke("--keep-whitespace", input="ສະບາຍດີ ລາວ\n")
    assert result.stdout == "ສະບາຍດີ| |ລາວ\n"


def test_cli_sentences() -> None:
    result = invoke("--sentences", input="ສະບາຍດີ. ລາວມີ 3.5 ລ້ານຄົນ! ພ.ສ. 2568  ຂອບໃຈ\n")
    assert result.exit_code == 0
    assert result.stdout == "ສະບາຍດີ.\nລາວມີ 3.5 ລ້ານຄົນ!\nພ.ສ. 2568\nຂອບໃຈ\n"


def test_cli_syllables() -> None:
    result = invoke("--syllables", "--sep", "-", input="ມະຫາວິທະຍາໄລ\n")
    assert (result.exit_code, result.stdout) == (0, "ມະ-ຫາ-ວິ-ທະ-ຍາ-ໄລ\n")


@pytest.mark.parametrize(
    ("engine", "expected"),
    [
        ("default", "ໜັງສືພິມ|ລາວ\n"),
        ("dictionary", "ໜັງສືພິມ|ລາວ\n"),
        ("longest", "ໜັງສືພິມ|ລາວ\n"),
        ("syllable", "ໜັງ|ສື|ພິມ|ລາວ\n"),
    ],
)
def test_cli_engine(engine: str, expected: str) -> None:
    result = invoke("--engine", engine, input="ໜັງສືພິມລາວ\n")
    assert (result.exit_code, result.stdout) == (0, expected)


def test_cli_unknown_engine_exits_2() -> None:
    result = invoke("--engine", "neural", input="ສະບາຍດີ\n")
    assert result.exit_code == 2
    assert "engine" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""

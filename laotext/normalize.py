"""Normalize Lao text: one spelling for each thing, with every change explained.

Lao typed by people and old converters often spells the same text in several code point sequences:
ຳ as ໍ+າ, the tone mark typed before the vowel above (ບ່ໍ for ບໍ່), ໜ ໝ ຫຼ as ຫນ ຫມ ຫລ, Thai look-alike
letters, invisible zero-width characters. :func:`normalize` fixes them and then applies NFC. It never
applies NFKC or NFKD, which would take ຳ, ໜ and ໝ apart.

Each fix is a :class:`Fix` in the :data:`FIXES` registry: a regular expression and a replacement.
:func:`normalize` runs them as plain substitutions; :func:`normalize_and_explain` runs the same ones
and records, ftfy-style, what changed where (offsets into the original text), so a report or a form
error can point at the user's own characters.

>>> normalize("ບ່ໍມີນໍ້າ")
'ບໍ່ມີນ້ຳ'
>>> normalize("ຫນັງສື"), normalize("ຫນັງສື", ho_ligatures=False)
('ໜັງສື', 'ຫນັງສື')
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from laotext import chars
from laotext.errors import UnknownOptionError, require_str

__all__ = [
    "FIXES",
    "FORMS",
    "Change",
    "Fix",
    "Normalized",
    "normalize",
    "normalize_and_explain",
]

#: The forms :func:`normalize` produces: ``standard`` honours the switches, ``lookup`` turns every
#: fix on and is the key used to match dictionary entries.
FORMS = ("standard", "lookup")

Replacement = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Fix:
    """One normalization step: where it applies and what it writes instead.

    ``replace`` returns the new text for a match and the codes of what it fixed (empty when the
    match needs no change). ``option`` names the keyword argument that switches the fix on or off
    (``default`` says which when it is not given), or is empty for fixes that are always on.
    ``applies`` is a cheap test that lets a text skip the fix. A ``per_character`` fix replaces
    characters one for one, and its changes are explained one run of changed characters at a time.
    """

    code: str
    description: str
    option: str
    pattern: Callable[[], re.Pattern[str]]
    replace: Callable[[re.Match[str]], Replacement]
    applies: Callable[[str], bool] = lambda text: True
    default: bool = True
    per_character: bool = False


def _compiled(pattern: str) -> Callable[[], re.Pattern[str]]:
    return cache(lambda: re.compile(pattern))


_LAO = "\u0e80-\u0eff"
_THAI = "\u0e00-\u0e7f"
_ZERO_WIDTH = chars.ZERO_WIDTH
_THAI_CHAR = re.compile(f"[{_THAI}]")
_MARKS = "[" + chars.COMBINING_MARKS + "]"
# What may follow ຫ+sonorant when the pair is one cluster: a mark, a following vowel or ອ ວ ຽ.
_CLUSTER_FOLLOWER = "[" + chars.NEEDS_BASE + "ອວ]"


_NEEDS_BASE = "[" + chars.NEEDS_BASE + "]"


def _has_zero_width(text: str) -> bool:
    return any(c in text for c in _ZERO_WIDTH)


def _drop(match: re.Match[str]) -> Replacement:
    return "", ()  # reported under the code of the fix that matched


def _thai_to_lao(match: re.Match[str]) -> Replacement:
    token = match.group()
    thai = sum(1 for char in token if chars.is_thai(char))
    lao = sum(1 for char in token if chars.is_lao(char))
    if lao <= thai:  # a Thai word next to Lao, not a slip inside a Lao word
        return token, ()
    fixed = token.translate(_thai_table())
    return fixed, (("thai-lookalike",) if fixed != token else ())


@cache
def _thai_table() -> dict[int, str]:
    return {ord(thai): lao for thai, lao in chars.thai_lookalikes().items()}


def _double_e(match: re.Match[str]) -> Replacement:
    return "ແ", ("double-e-vowel",)


# Typing order, and within one rank the canonical combining class, so that the result stays NFC.
_MARK_KEY = {mark: (rank, unicodedata.combining(mark)) for mark, rank in chars.MARK_RANK.items()}


def _order_marks(match: re.Match[str]) -> Replacement:
    run = match.group()
    ordered = sorted(run, key=_MARK_KEY.__getitem__)
    unique = "".join(dict.fromkeys(ordered))
    codes: list[str] = []
    if ordered != list(run):
        first_tone = min((i for i, c in enumerate(run) if c in chars.TONE_MARKS), default=len(run))
        vowel_after_tone = any(c in chars.VOWEL_MARKS for c in run[first_tone:])
        codes.append("tone-before-vowel" if vowel_after_tone else "mark-order")
    if len(unique) < len(run):
        codes.append("repeated-mark")
    return unique, tuple(codes)


# ໍ + າ with tone marks before, between or after the ໍ: all spellings of tone + ຳ (ນໍ້າ, ນ້ໍາ).
_AM_PARTS = chars.NIGGAHITA + chars.TONE_MARKS


def _compose_am(match: re.Match[str]) -> Replacement:
    marks = match.group()[:-1]
    tones = "".join(dict.fromkeys(c for c in marks if c in chars.TONE_MARKS))
    repeated = len(tones) + 1 < len(marks)
    return tones + chars.AM, ("decomposed-am", "repeated-mark") if repeated else ("decomposed-am",)


# A tone typed after the vowel letter (ທາ່ນ, ຕອ້ງ, ນຳ້, ເຂົາ້) or before the ວ of a cluster (ກ່ວາ).
# laotext.syllables keeps such a syllable whole; within it the tone goes back onto its consonant.
_LATE_TONE = re.compile(
    f"^(ເ?(?:ຫ[{chars.HO_SONORANTS}]|[{chars.CONSONANTS}])ຼ?[{chars.VOWEL_MARKS}]*)([າອຽຳ])([{chars.TONE_MARKS}])"
)
_TONE_BEFORE_WO = re.compile(f"^([{chars.CONSONANTS}])([{chars.TONE_MARKS}])ວ(?=[{chars.VOWEL_MARKS}ະາ])")
_TONE_SLIP = re.compile(f"[າອຽຳ][{chars.TONE_MARKS}]|[{chars.TONE_MARKS}]ວ")


def tone_in_place(syllable: str) -> str:
    """*syllable* with a tone typed after its vowel letter, or before the ວ of a cluster, put on
    its consonant; any other syllable unchanged.

    >>> tone_in_place("ທາ່ນ"), tone_in_place("ຕອ້ງ"), tone_in_place("ກ່ວາ"), tone_in_place("ກ້ວຍ")
    ('ທ່ານ', 'ຕ້ອງ', 'ກວ່າ', 'ກ້ວຍ')
    """
    return _TONE_BEFORE_WO.sub(r"\1ວ\2", _LATE_TONE.sub(r"\1\3\2", syllable))


def _place_tones(match: re.Match[str]) -> Replacement:
    from laotext.syllables import _syllable_regex

    run = match.group()
    fixed = "".join(map(tone_in_place, _syllable_regex().findall(run)))
    return fixed, ("misplaced-tone",) if fixed != run else ()


def _ho_ligature(match: re.Match[str]) -> Replacement:
    sonorant = match.group(1) or match.group(2)
    return {"ນ": "ໜ", "ມ": "ໝ"}[sonorant], ("ho-ligature",)


def _ho_lo(match: re.Match[str]) -> Replacement:
    return "ຫຼ", ("ho-lo",)


def _nfc(match: re.Match[str]) -> Replacement:
    token = match.group()
    fixed = unicodedata.normalize("NFC", token)
    if fixed == token:
        return fixed, ()
    # NFC puts a Lao tone mark after a vowel below (ກຸ່ → ກຸ່): say so in Lao terms.
    moved_tone = sorted(fixed) == sorted(token) and any(c in chars.TONE_MARKS for c in token)
    return fixed, ("tone-before-vowel",) if moved_tone else ("nfc",)


def _ho_cluster(sonorants: str) -> str:
    return f"(?<=[{chars.LEADING_VOWELS}])ຫ([{sonorants}])|ຫ([{sonorants}])(?={_CLUSTER_FOLLOWER})"


#: Every fix, in the order it runs. Later fixes see the output of earlier ones. NFC runs first so
#: that the Lao fixes work on canonically ordered marks; the Lao fixes keep the text in NFC.
FIXES: tuple[Fix, ...] = (
    Fix(
        "nfc",
        "applied Unicode NFC",
        "",
        _compiled(r"\S+|\s+"),  # NFC never joins across white space, but maps U+2000 to U+2002
        _nfc,
        lambda text: not unicodedata.is_normalized("NFC", text),
    ),
    Fix(
        "thai-lookalike",
        "replaced Thai characters inside a Lao word with the Lao ones they look like",
        "thai_lookalikes",
        _compiled(
            f"(?<![{_THAI}{_LAO}{_ZERO_WIDTH}])[{_LAO}{_ZERO_WIDTH}]*[{_THAI}][{_THAI}{_LAO}{_ZERO_WIDTH}]*"
        ),
        _thai_to_lao,
        lambda text: _THAI_CHAR.search(text) is not None,
        per_character=True,
    ),
    Fix(
        "zero-width",
        "removed a zero-width character inside a Lao syllable",
        "zero_width",
        _compiled(
            f"(?<=[{_LAO}])[{_ZERO_WIDTH}]+(?={_NEEDS_BASE})"
            f"|(?<=[{chars.LEADING_VOWELS}])[{_ZERO_WIDTH}]+(?=[{_LAO}])"
        ),
        _drop,
        _has_zero_width,
    ),
    Fix(
        "zero-width-break",
        "removed a zero-width character between Lao syllables",
        "zero_width_breaks",
        _compiled(f"(?<=[{_LAO}])[{_ZERO_WIDTH}]+(?=[{_LAO}])"),
        _drop,
        _has_zero_width,
        default=False,
    ),
    Fix(
        "double-e-vowel",
        "replaced ເເ (two E vowels) with ແ",
        "",
        _compiled("ເເ"),
        _double_e,
    ),
    Fix(
        "ho-ligature",
        "wrote ຫນ ຫມ as the single letters ໜ ໝ",
        "ho_ligatures",
        _compiled(_ho_cluster("ນມ")),
        _ho_ligature,
    ),
    Fix(
        "ho-lo",
        "wrote ຫລ as ຫຼ",
        "ho_lo",
        _compiled(_ho_cluster("ລ")),
        _ho_lo,
    ),
    Fix(
        "decomposed-am",
        "composed ໍ + າ into ຳ",
        "",
        # Anchored at the start of a run of marks (the lookbehind), so that a long run of ໍ or tones
        # with no າ after it fails once, in time linear in its length, instead of from every mark.
        _compiled(f"(?<![{_AM_PARTS}])[{chars.TONE_MARKS}]*ໍ[{_AM_PARTS}]*າ"),
        _compose_am,
    ),
    Fix(
        "misplaced-tone",
        "put a tone mark typed after the vowel letter (ທາ່ນ) or inside a cluster (ກ່ວາ) on its consonant",
        "misplaced_tones",
        _compiled(f"[{_LAO}]+"),
        _place_tones,
        lambda text: _TONE_SLIP.search(text) is not None,
    ),
    Fix(
        "mark-order",
        "put the marks of a syllable in typing order (vowel, then tone) and removed repeated marks",
        "",
        _compiled(_MARKS + "{2,}"),
        _order_marks,
    ),
)

#: The keyword switches :func:`normalize` accepts.
OPTIONS = tuple(fix.option for fix in FIXES if fix.option)


def _enabled_fixes(form: str, switches: dict[str, bool]) -> tuple[Fix, ...]:
    if form not in FORMS:
        raise UnknownOptionError("form", form, list(FORMS))
    for option, value in switches.items():
        if option not in OPTIONS:
            raise TypeError(f"normalize() got an unexpected keyword argument {option!r}")
        if not isinstance(value, bool):
            raise TypeError(f"{option} must be True or False, not {value!r}")
    if form == "lookup":
        return FIXES
    return tuple(fix for fix in FIXES if not fix.option or switches.get(fix.option, fix.default))


def normalize(text: str, *, form: str = "standard", **switches: bool) -> str:
    """Return *text* with Lao spelling variants fixed and NFC applied.

    Switches, on unless said: ``zero_width`` (zero-width characters inside a syllable),
    ``zero_width_breaks`` (off: zero-width spaces between Lao syllables, which mark word breaks
    for line wrapping), ``thai_lookalikes``, ``ho_ligatures`` (ຫນ ຫມ → ໜ ໝ), ``ho_lo`` (ຫລ → ຫຼ).
    ``form="lookup"`` turns every fix on. The result is idempotent and no character is dropped
    except zero-width ones and repeated marks.

    >>> normalize("ເເມ່ນ້ຳຂອງ")
    'ແມ່ນ້ຳຂອງ'
    >>> normalize("ຫລວງພະບາງ", ho_lo=False), normalize("ຫລວງພະບາງ", ho_lo=False, form="lookup")
    ('ຫລວງພະບາງ', 'ຫຼວງພະບາງ')
    """
    text = require_str(text, "normalize")
    fixes = _enabled_fixes(form, switches)
    for _ in range(_MAX_ROUNDS):
        for fix in fixes:
            if fix.applies(text):
                text = fix.pattern().sub(lambda m, fix=fix: fix.replace(m)[0], text)  # type: ignore[misc]
        if unicodedata.is_normalized("NFC", text):
            break
    return text


# The fixes keep Lao in NFC, but ordering Lao marks next to marks of another script can leave the
# whole out of canonical order; another round (NFC first) settles it. Real text needs one round.
_MAX_ROUNDS = 4


@dataclass(frozen=True)
class Change:
    """One place where normalization changed the text: ``original[start:end]`` became ``after``.

    ``fixes`` lists the codes of the fixes that touched it (see :data:`FIXES`).
    """

    start: int
    end: int
    before: str
    after: str
    fixes: tuple[str, ...]

    @property
    def description(self) -> str:
        """The changes in words, for reports."""
        described = {fix.code: fix.description for fix in FIXES}
        described.update(_EXTRA_DESCRIPTIONS)
        return "; ".join(described.get(code, code) for code in self.fixes)


_EXTRA_DESCRIPTIONS = {
    "tone-before-vowel": "moved a tone mark typed before its vowel to after it",
    "repeated-mark": "removed a repeated mark",
}


@dataclass(frozen=True)
class _Piece:
    """A stretch of the text being normalized, and the stretch of the original it came from.

    An unchanged piece has no ``text`` of its own (it is ``original[start:end]``), so splitting it
    copies nothing and explaining stays linear in the length of the text.
    """

    start: int
    end: int
    text: str | None = None
    fixes: tuple[str, ...] = ()

    @property
    def length(self) -> int:
        return self.end - self.start if self.text is None else len(self.text)

    def current(self, original: str) -> str:
        return original[self.start : self.end] if self.text is None else self.text


@dataclass(frozen=True)
class Normalized:
    """The result of :func:`normalize_and_explain`: the text, the changes, and an offset map."""

    original: str
    text: str
    changes: tuple[Change, ...]
    _pieces: tuple[_Piece, ...] = field(repr=False, compare=False, default=())
    _starts: tuple[int, ...] = field(repr=False, compare=False, default=())

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` to the span of the original text it came from.

        A position inside a changed stretch maps to the whole stretch.

        >>> result = normalize_and_explain("ນໍ້າດີ")
        >>> result.text, result.original_span(3, 5)
        ('ນ້ຳດີ', (4, 6))
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(
                f"span ({start}, {end}) is outside the normalized text of length {len(self.text)}"
            )
        if not self._pieces:
            return start, end
        if start == end:  # a position between characters, perhaps where something was removed
            position = self._to_original(start, at_end=False)
            return position, position
        return self._to_original(start, at_end=False), self._to_original(end, at_end=True)

    def _to_original(self, index: int, *, at_end: bool) -> int:
        if index == 0:
            return 0
        # The piece holding the character at index (for an end, the character before it); pieces
        # emptied by a removal share their start with the next piece, and bisect passes them by.
        position = index - 1 if at_end else index
        if position >= len(self.text):
            return len(self.original)
        i = bisect.bisect_right(self._starts, position) - 1
        piece, offset = self._pieces[i], position - self._starts[i]
        if piece.text is not None:
            return piece.end if at_end else piece.start
        return piece.start + offset + (1 if at_end else 0)


def _apply_edits(
    pieces: list[_Piece], edits: Iterable[tuple[int, int, str, tuple[str, ...]]], original: str
) -> list[_Piece]:
    """Apply non-overlapping, sorted edits (offsets in the current text) to the pieces.

    An edit inside an unchanged piece splits it; an edit touching a changed piece absorbs all of it,
    so every changed piece keeps one span of the original.
    """
    out: list[_Piece] = []
    todo = pieces[::-1]  # a stack: the next piece is at the end
    position = 0  # offset in the current text where todo[-1] begins
    for start, end, new, codes in edits:
        while todo and position + todo[-1].length <= start:
            position += todo[-1].length
            out.append(todo.pop())
        group_start = position
        group: list[_Piece] = []
        while todo and (position < end or not group):
            position += todo[-1].length
            group.append(todo.pop())
        first, last = group[0], group[-1]
        head, tail = start - group_start, position - end
        orig_start, orig_end, head_text, tail_text = first.start, last.end, "", ""
        if first.text is not None:
            head_text = first.text[:head]
        elif head:
            out.append(_Piece(first.start, first.start + head))
            orig_start = first.start + head
        if tail:
            if last.text is not None:
                tail_text = last.text[len(last.text) - tail :]
            else:  # the unchanged rest goes back on the stack for the next edits
                orig_end = last.end - tail
                todo.append(_Piece(orig_end, last.end))
                position -= tail
        merged = tuple(dict.fromkeys([code for piece in group for code in piece.fixes] + list(codes)))
        out.append(_Piece(orig_start, orig_end, head_text + new + tail_text, merged))
    out.extend(reversed(todo))
    return out


Edit = tuple[int, int, str, tuple[str, ...]]


def _widened(edits: list[Edit], pieces: list[_Piece], text: str) -> list[Edit]:
    """Widen edits to whole changed pieces, and join edits that then share a piece.

    A changed piece keeps one span of the original, so an edit that touches it takes all of it;
    two edits inside one changed piece become one edit.
    """
    changed: list[tuple[int, int]] = []
    position = 0
    for piece in pieces:
        if piece.text is not None:
            changed.append((position, position + piece.length))
        position += piece.length
    if not changed:
        return edits
    groups: list[tuple[int, int, list[Edit]]] = []
    k = 0
    for edit in edits:
        start, end = edit[0], edit[1]
        while k < len(changed) and changed[k][1] <= start and not changed[k][0] < start < changed[k][1]:
            k += 1
        j = k
        while j < len(changed) and (changed[j][0] < end or changed[j][0] < start < changed[j][1]):
            start, end = min(start, changed[j][0]), max(end, changed[j][1])
            j += 1
        if groups and start < groups[-1][1]:
            first_start, last_end, inner = groups[-1]
            groups[-1] = (first_start, max(last_end, end), [*inner, edit])
        else:
            groups.append((start, end, [edit]))
    widened: list[Edit] = []
    for start, end, inner in groups:
        parts, position = [], start
        for edit_start, edit_end, new, _ in inner:
            parts += [text[position:edit_start], new]
            position = edit_end
        parts.append(text[position:end])
        codes = tuple(dict.fromkeys(code for edit in inner for code in edit[3]))
        widened.append((start, end, "".join(parts), codes))
    return widened


def _trimmed_change(start: int, before: str, after: str, fixes: tuple[str, ...]) -> Change:
    """A change without the characters its two sides share at either end.

    Fixes applied one after another can give a piece whose first or last character ends up as it
    was (a Thai tone mark moved after a vowel and then made Lao); the change reports only the rest.
    """
    prefix = 0
    while prefix < min(len(before), len(after)) and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(before), len(after)) - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return Change(
        start + prefix,
        start + len(before) - suffix,
        before[prefix : len(before) - suffix],
        after[prefix : len(after) - suffix],
        fixes,
    )


def _narrowed(match: re.Match[str], new: str, codes: tuple[str, ...], per_character: bool) -> list[Edit]:
    """Return the edits a match makes, leaving out the characters it keeps at either end.

    A per-character replacement (a Thai letter for a Lao one) becomes one edit per run of changed
    characters.
    """
    old, offset = match.group(), match.start()
    if per_character and len(old) == len(new):
        edits: list[Edit] = []
        run_start = -1
        for i in range(len(old) + 1):
            differs = i < len(old) and old[i] != new[i]
            if differs and run_start < 0:
                run_start = i
            elif not differs and run_start >= 0:
                edits.append((offset + run_start, offset + i, new[run_start:i], codes))
                run_start = -1
        return edits
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return [(offset + prefix, match.end() - suffix, new[prefix : len(new) - suffix], codes)]


def normalize_and_explain(text: str, *, form: str = "standard", **switches: bool) -> Normalized:
    """Normalize like :func:`normalize` and say what changed where.

    Replaying ``changes`` on the original (replace ``original[start:end]`` with ``after``) gives
    ``text``.

    >>> result = normalize_and_explain("ບ່ໍ")
    >>> result.text, [(c.start, c.end, c.fixes) for c in result.changes]
    ('ບໍ່', [(1, 3, ('tone-before-vowel',))])
    """
    text = require_str(text, "normalize_and_explain")
    original = text
    pieces = [_Piece(0, len(text))]
    fixes = _enabled_fixes(form, switches)
    for _ in range(_MAX_ROUNDS):
        for fix in fixes:
            if not fix.applies(text):
                continue
            edits = []
            for match in fix.pattern().finditer(text):
                new, codes = fix.replace(match)
                if new != match.group():
                    edits.extend(_narrowed(match, new, codes or (fix.code,), fix.per_character))
            if edits:
                pieces = _apply_edits(pieces, _widened(edits, pieces, text), original)
                text = "".join(piece.current(original) for piece in pieces)
        if unicodedata.is_normalized("NFC", text):
            break
    changes = tuple(
        _trimmed_change(p.start, original[p.start : p.end], p.text, p.fixes)
        for p in pieces
        if p.text is not None and p.text != original[p.start : p.end]
    )
    starts, position = [], 0
    for piece in pieces:
        starts.append(position)
        position += piece.length
    return Normalized(original, text, changes, tuple(pieces), tuple(starts))

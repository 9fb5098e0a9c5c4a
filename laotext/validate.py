"""Validate Lao input for web forms: accept good Lao, reject bad input with a reason in English and Lao.

:func:`validate` runs the checks of a :class:`Profile` over a text and returns :class:`Issue` objects
with a stable ``code``, offsets into the text as the user typed it, messages in English and Lao, and
a ``suggestion`` (the replacement for ``text[start:end]``) where a safe fix exists. Profiles are data
(``data/profiles.json``), so a form can bring its own. Checks live in the :data:`CHECKS` registry.

>>> [issue.code for issue in validate("ບ່ໍມີ")]
['tone-before-vowel']
>>> is_valid("ສົມສັກ ພົມມະວົງ", profile="name"), is_valid("ສົມສັກ 2", profile="name")
(True, False)
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from laotext import _data, chars
from laotext.errors import DataError, UnknownProfileError
from laotext.normalize import normalize, normalize_and_explain, tone_in_place
from laotext.syllables import syllable_spans

__all__ = [
    "CHARACTER_CLASSES",
    "CHECKS",
    "Issue",
    "Profile",
    "get_profile",
    "is_valid",
    "line_column",
    "profile_names",
    "validate",
]


@dataclass(frozen=True)
class Issue:
    """A problem found in a text: what (``code``), where (``start``/``end``), why, and the fix.

    ``suggestion`` is the text to put in place of ``text[start:end]``, or None when there is no safe
    fix (an empty string means: delete it).
    """

    code: str
    start: int
    end: int
    message: str
    message_lo: str
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the issue as a JSON-ready dict."""
        return asdict(self)


def _lao_letters() -> str:
    return (
        chars.CONSONANTS
        + chars.LEADING_VOWELS
        + chars.FOLLOWING_VOWELS
        + chars.SEMIVOWEL_NYO
        + chars.KO_LA
        + chars.ELLIPSIS
    )


#: The character classes a profile may allow, as regular expression set contents.
CHARACTER_CLASSES: Mapping[str, str] = {
    "lao_letters": _lao_letters(),
    "lao_marks": chars.COMBINING_MARKS,
    "lao_digits": chars.DIGITS,
    "ascii_digits": "0-9",
    "latin_letters": "A-Za-z",
    "space": " ",
    "newline": "\n\r",
    "punctuation": re.escape(".,;:!?()[]\"'-/%+&") + "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ad",
    "symbols": re.escape("@#$*=_<>|~^`{}\\"),
}


@dataclass(frozen=True)
class Profile:
    """What a field may hold.

    ``allowed`` names :data:`CHARACTER_CLASSES` (None allows any character); ``checks`` names the
    :data:`CHECKS` to run (None runs all).

    >>> Profile.from_dict({"name": "village", "allowed": ["lao_letters", "lao_marks", "space"]}).allowed
    ('lao_letters', 'lao_marks', 'space')
    """

    name: str
    description: str = ""
    allowed: tuple[str, ...] | None = None
    allow_empty: bool = True
    trim_whitespace: bool = False
    max_length: int | None = None
    checks: tuple[str, ...] | None = None
    _disallowed: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.allowed is not None:
            unknown = [name for name in self.allowed if name not in CHARACTER_CLASSES]
            if unknown:
                raise DataError(
                    f"profile {self.name!r} allows unknown character classes {unknown}; "
                    f"known: {', '.join(CHARACTER_CLASSES)}"
                )
            allowed = "".join(CHARACTER_CLASSES[name] for name in self.allowed)
            object.__setattr__(self, "_disallowed", re.compile(f"[^{allowed}]+"))
        if self.checks is not None:
            unknown = [name for name in self.checks if name not in CHECKS]
            if unknown:
                raise DataError(
                    f"profile {self.name!r} names unknown checks {unknown}; known: {', '.join(CHECKS)}"
                )
        if self.max_length is not None and self.max_length < 1:
            raise DataError(f"profile {self.name!r}: max_length must be a positive number")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], name: str = "") -> Profile:
        """Build a profile from a dict such as an entry of ``data/profiles.json``."""
        known = {"name", "description", "allowed", "allow_empty", "trim_whitespace", "max_length", "checks"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise DataError(f"profile {name or data.get('name', '')!r} has unknown keys {unknown}")
        allowed = data.get("allowed")
        checks = data.get("checks")
        return cls(
            name=str(data.get("name", name)),
            description=str(data.get("description", "")),
            allowed=None if allowed is None else tuple(allowed),
            allow_empty=bool(data.get("allow_empty", True)),
            trim_whitespace=bool(data.get("trim_whitespace", False)),
            max_length=data.get("max_length"),
            checks=None if checks is None else tuple(checks),
        )

    def disallowed_runs(self, text: str) -> Iterator[re.Match[str]]:
        """Yield the runs of characters this profile does not allow."""
        if self._disallowed is not None:
            yield from self._disallowed.finditer(text)


@cache
def _bundled_profiles() -> dict[str, Profile]:
    raw = _data.read_json("profiles.json")
    return {name: Profile.from_dict(entry, name) for name, entry in raw.items() if not name.startswith("_")}


def profile_names() -> list[str]:
    """Return the names of the bundled profiles.

    >>> profile_names()
    ['lao', 'name', 'text']
    """
    return sorted(_bundled_profiles())


def get_profile(profile: str | Profile) -> Profile:
    """Return the bundled profile called *profile* (a :class:`Profile` is returned as it is)."""
    if isinstance(profile, Profile):
        return profile
    if not isinstance(profile, str):
        raise TypeError(f"profile must be a name or a laotext.Profile, not {type(profile).__name__}")
    try:
        return _bundled_profiles()[profile]
    except KeyError:
        raise UnknownProfileError(profile, profile_names()) from None


@cache
def _messages() -> dict[str, dict[str, str]]:
    return {
        code: entry for code, entry in _data.read_json("issue_messages.json").items() if code != "_comment"
    }


def _issue(code: str, start: int, end: int, found: str, suggestion: str | None = None) -> Issue:
    names = ", ".join(chars.describe(c) for c in dict.fromkeys(found[:8]))
    values = {"char": f"“{_shown(found[:40])}”", "name": names, "suggestion": suggestion or ""}
    message = _messages()[code]
    return Issue(code, start, end, message["en"].format(**values), message["lo"].format(**values), suggestion)


def _shown(found: str) -> str:
    """The found characters as a reader can see them: marks on a dotted circle, invisibles as U+XXXX."""
    visible = (
        " ".join(f"U+{ord(c):04X}" if c in _ZERO_WIDTH or not c.isprintable() else c for c in found)
        if any(c in _ZERO_WIDTH or not c.isprintable() for c in found)
        else found
    )
    return "◌" + visible if visible and chars.is_combining_mark(visible[0]) else visible


class _Context:
    """What the checks share for one text: the profile and, computed once, the syllable spans."""

    def __init__(self, text: str, profile: Profile) -> None:
        self.text = text
        self.profile = profile
        self._spans: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def span_at(self, index: int) -> tuple[int, int]:
        """Return the syllable piece that holds ``text[index]``."""
        if self._spans is None:
            self._spans = syllable_spans(self.text)
            self._starts = [start for start, _ in self._spans]
        return self._spans[bisect.bisect_right(self._starts, index) - 1]


Check = Callable[[_Context], Iterable[Issue]]

_ZERO_WIDTH = chars.ZERO_WIDTH
_BIDI_CONTROL = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SUSPECT = re.compile("[^\t\n\r\x20-\x7e\u00a0-\u00ac\u00ae-\u036f\u0e00-\u0eff]")


def _check_characters(ctx: _Context) -> Iterator[Issue]:
    """Control, private-use, unassigned, invalid and zero-width characters.

    In free text (a profile that allows any character) a zero-width space or word joiner between
    two Lao syllables is a line-breaking hint, as Lao is written without spaces, and is accepted.
    """
    text = ctx.text
    free_text = ctx.profile.allowed is None
    for match in _SUSPECT.finditer(text):
        char, i = match.group(), match.start()
        category = chars.general_category(char)
        if char in _ZERO_WIDTH:
            if not (free_text and char in _WORD_BREAKS and _between_lao_syllables(text, i)):
                yield _issue("zero-width-character", i, i + 1, char, "")
        elif category == "Cc" or _BIDI_CONTROL.match(char):
            yield _issue("control-character", i, i + 1, char, "")
        elif category == "Co":
            yield _issue("private-use-character", i, i + 1, char)
        elif category == "Cs" or (ord(char) & 0xFFFE) == 0xFFFE or 0xFDD0 <= ord(char) <= 0xFDEF:
            yield _issue("invalid-character", i, i + 1, char)
        elif not chars.is_assigned(char):
            yield _issue("unassigned-character", i, i + 1, char)
    for match in _unassigned_lao_thai().finditer(text):
        yield _issue("unassigned-character", match.start(), match.end(), match.group())


_WORD_BREAKS = "\u200b\u2060"
_NEEDS_BASE = set(chars.NEEDS_BASE)


def _between_lao_syllables(text: str, i: int) -> bool:
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    if not (before and after) or after in _NEEDS_BASE or before in chars.LEADING_VOWELS:
        return False
    return chars.is_lao(before) and chars.is_lao(after)


@cache
def _unassigned_lao_thai() -> re.Pattern[str]:
    """The unassigned code points of the Thai and Lao blocks, which _SUSPECT lets through."""
    holes = "".join(chr(cp) for cp in range(0x0E00, 0x0F00) if not chars.is_assigned(chr(cp)))
    return re.compile(f"[{holes}]")


# A run of marks that no consonant (or zero-width character, reported on its own) comes before.
_ORPHAN_MARKS = re.compile(
    f"(?<![{chars.COMBINING_MARKS}{chars.CONSONANTS}{_ZERO_WIDTH}])[{chars.COMBINING_MARKS}]+"
)


def _check_marks(ctx: _Context) -> Iterator[Issue]:
    """Lao marks that follow no consonant, or follow a character of another script."""
    text = ctx.text
    for match in _ORPHAN_MARKS.finditer(text):
        i = match.start()
        before = text[i - 1] if i else ""
        if before and chars.is_thai(before):  # the Thai letter is reported as thai-character
            continue
        start, end = ctx.span_at(i)
        if start < i and tone_in_place(text[start:end]) != text[start:end]:
            continue  # a tone typed after the vowel letter (ທາ່ນ): reported as misplaced-tone
        foreign = (before.isalpha() and not chars.is_lao(before)) or unicodedata.combining(before or " ") > 0
        if foreign:
            yield _issue("mark-on-foreign-base", i, match.end(), match.group())
        else:
            yield _issue("mark-without-base", i, match.end(), match.group(), "")


_NEEDS_CONSONANT = chars.FOLLOWING_VOWELS + chars.SEMIVOWEL_NYO + chars.LEADING_VOWELS
_VOWEL_ALONE = re.compile(
    f"[{chars.FOLLOWING_VOWELS}{chars.SEMIVOWEL_NYO}]|[{chars.LEADING_VOWELS}](?![{chars.CONSONANTS}])"
)
# Two tone marks, or two vowel signs, with no consonant or leading vowel between them: one syllable.
_NO_NEW_SYLLABLE = f"[{chars.COMBINING_MARKS}{chars.FOLLOWING_VOWELS}{chars.SEMIVOWEL_NYO}]*?"
_TWO_TONES = re.compile(f"[{chars.TONE_MARKS}]{_NO_NEW_SYLLABLE}[{chars.TONE_MARKS}]")
_TWO_VOWELS = re.compile(f"[{chars.VOWEL_MARKS}]{_NO_NEW_SYLLABLE}[{chars.VOWEL_MARKS}]")


def _check_syllables(ctx: _Context) -> Iterator[Issue]:
    """Vowels that have no consonant, and syllables with two tone marks or two vowel signs.

    Cheap regular expressions find the places worth a look; only then is the text split into
    syllables, so clean text costs one scan per expression.
    """
    text = ctx.text
    for match in _VOWEL_ALONE.finditer(text):
        start, end = ctx.span_at(match.start())
        if end - start != 1:
            continue
        # ເເ is reported as double-e-vowel, a vowel cut off by a zero-width as zero-width-character.
        doubled_e = text[start] == "ເ" and "ເ" in (text[start - 1 : start], text[end : end + 1])
        # The neighbour that should be its consonant: a zero-width or Thai one is reported itself.
        neighbour = text[end : end + 1] if text[start] in chars.LEADING_VOWELS else text[start - 1 : start]
        explained = neighbour != "" and (neighbour in _ZERO_WIDTH or chars.is_thai(neighbour))
        if not doubled_e and not explained:
            yield _issue("impossible-syllable", start, end, text[start])
    for code, pattern, members in (
        ("multiple-tone-marks", _TWO_TONES, chars.TONE_MARKS),
        ("multiple-vowel-marks", _TWO_VOWELS, chars.VOWEL_MARKS),
    ):
        for match in pattern.finditer(text):
            found = "".join(dict.fromkeys(c for c in match.group() if c in members))
            if len(found) > 1:
                start, end = ctx.span_at(match.start())
                yield _issue(code, start, max(end, match.end()), found)


_SPELLING_CODES = (
    "tone-before-vowel",
    "misplaced-tone",
    "mark-order",
    "repeated-mark",
    "decomposed-am",
    "double-e-vowel",
)


def _check_spelling(ctx: _Context) -> Iterator[Issue]:
    """Spellings that normalization would fix: mark order, repeated marks, ໍ+າ, ເເ."""
    result = normalize_and_explain(
        ctx.text, ho_ligatures=False, ho_lo=False, thai_lookalikes=False, zero_width=False
    )
    for change in result.changes:
        for code in change.fixes:
            if code in _SPELLING_CODES:
                yield _issue(code, change.start, change.end, change.before, change.after)


_THAI_TOKEN = re.compile("(?<![\u0e00-\u0eff])[\u0e80-\u0eff]*[\u0e00-\u0e7f][\u0e00-\u0eff]*")


_THAI_RUN = re.compile("[\u0e00-\u0e7f]+")
_LETTERS_OR_NOT = re.compile(r"[^\W\d_]+|[\W\d_]+")
_EXTRA_WHITESPACE = re.compile(r"^\s+|\s+$| {2,}|[^\S ]+")


def _check_thai(ctx: _Context) -> Iterator[Issue]:
    """Thai characters inside Lao words (any profile) or anywhere in a Lao-only field."""
    lao_only = ctx.profile.allowed is not None and "latin_letters" not in ctx.profile.allowed
    table = chars.thai_lookalikes()
    for token in _THAI_TOKEN.finditer(ctx.text):
        word = token.group()
        has_lao = any(chars.is_lao(c) for c in word)
        if not (has_lao or lao_only):
            continue
        for run in _THAI_RUN.finditer(word):
            thai = run.group()
            suggestion = None
            if has_lao and all(c in table for c in thai):
                suggestion = "".join(table[c] for c in thai)
            start = token.start() + run.start()
            yield _issue("thai-character", start, start + len(thai), thai, suggestion)


# Lao typed in the LSWin (Saysettha Lao …) fonts shows as Latin-1 letters and symbols such as ¡ ¾ ­.
_LSWIN_WORD = re.compile(
    "[!-~\u00a1-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]+"
)
_LSWIN_SYMBOL = re.compile(
    "[\u00a1-\u00bf\u00d7\u00f7\u0152\u0153\u0160\u0161\u0178\u0192\u02c6\u02dc\u2013-\u203a\u2122]"
)
_SYMBOL_FONT = re.compile("[\uf020-\uf0ff]+")


def _check_legacy(ctx: _Context) -> Iterator[Issue]:
    """Text that looks like Lao typed in a legacy (non-Unicode) font; the suggestion is its conversion."""
    text = ctx.text
    for match in _LSWIN_WORD.finditer(text):
        word = match.group()
        high = sum(1 for c in word if ord(c) > 0x7E)
        if high >= 2 and high * 2 >= len(word) and _LSWIN_SYMBOL.search(word):
            yield _issue("legacy-font-text", match.start(), match.end(), word, _converted(word))
    for match in _SYMBOL_FONT.finditer(text):
        yield _issue("legacy-font-text", match.start(), match.end(), match.group(), _converted(match.group()))


def _converted(found: str) -> str | None:
    """*found* converted from its legacy encoding (LSWin unless detection says otherwise), or None
    when that leaves a code unknown or gives no Lao letter."""
    from laotext import legacy  # imported on first use: it is not needed to import laotext

    detection = legacy.detect_encoding(found)
    converted = legacy.to_unicode(found, detection.encoding if detection.is_legacy else "lswin")
    if "\ufffd" in converted or not any(c in chars.CONSONANTS for c in converted):
        return None
    return converted


def _check_keyboard(ctx: _Context) -> Iterator[Issue]:
    """Lao typed with the keyboard on the English layout (``0v[.9`` for ຂອບໃຈ): a dictionary check."""
    from laotext import keyboard  # imported on first use: it is not needed to import laotext

    for found in keyboard.find_mistyped(ctx.text):
        yield _issue(
            "wrong-keyboard-layout", found.start, found.end, found.typed, normalize(found.suggestion)
        )


def _check_allowed(ctx: _Context) -> Iterator[Issue]:
    """Characters the profile does not allow: other scripts (mixed-script) or other characters."""
    text = ctx.text
    lao_field = ctx.profile.allowed is not None and "latin_letters" not in ctx.profile.allowed
    for match in ctx.profile.disallowed_runs(text):
        run, position = match.group(), match.start()
        # Split the run into letters of other scripts and everything else.
        for part in _LETTERS_OR_NOT.finditer(run):
            piece, start = part.group(), position + part.start()
            if chars.is_thai(piece[0]) or _is_reported_elsewhere(piece):
                continue
            if lao_field and piece[0].isalpha():
                yield _issue("mixed-script", start, start + len(piece), piece)
            else:
                yield _issue("not-allowed-character", start, start + len(piece), piece)


def _is_reported_elsewhere(piece: str) -> bool:
    """Characters whose own check reports them better than 'not allowed' would.

    Tab and line breaks are ordinary characters to the control-character check, so a profile that
    does not allow them reports them here.
    """
    if any(c in "\t\n\r" for c in piece):
        return False
    return all(
        c in _ZERO_WIDTH
        or chars.general_category(c) in {"Cc", "Co", "Cs", "Cn"}
        or chars.is_combining_mark(c)
        for c in piece
    )


def _check_whitespace(ctx: _Context) -> Iterator[Issue]:
    """Leading, trailing or doubled spaces in fields that trim them (names)."""
    if not ctx.profile.trim_whitespace:
        return
    text = ctx.text
    if not text.strip():
        return
    for match in _EXTRA_WHITESPACE.finditer(text):
        at_edge = match.start() == 0 or match.end() == len(text)
        yield _issue("extra-whitespace", match.start(), match.end(), match.group(), "" if at_edge else " ")


def _check_size(ctx: _Context) -> Iterator[Issue]:
    """An empty field where a value is required, or a value over the profile's length limit."""
    text, profile = ctx.text, ctx.profile
    if not profile.allow_empty and not text.strip():
        yield _issue("empty", 0, len(text), text)
    if profile.max_length is not None and len(text) > profile.max_length:
        yield _issue("too-long", profile.max_length, len(text), str(profile.max_length))


#: Every check :func:`validate` can run, by name; a profile may pick a subset.
CHECKS: Mapping[str, Check] = {
    "size": _check_size,
    "characters": _check_characters,
    "allowed": _check_allowed,
    "legacy": _check_legacy,
    "keyboard": _check_keyboard,
    "thai": _check_thai,
    "marks": _check_marks,
    "syllables": _check_syllables,
    "spelling": _check_spelling,
    "whitespace": _check_whitespace,
}


def validate(text: str, profile: str | Profile = "text") -> list[Issue]:
    """Return the issues found in *text* under *profile*, ordered by position.

    *profile* is a bundled profile name (``text``, ``lao``, ``name``) or a :class:`Profile`.
    Time is linear in the length of the text.

    >>> issue = validate("ນໍ້າ")[0]
    >>> issue.code, issue.start, issue.end, issue.suggestion
    ('decomposed-am', 1, 4, '້ຳ')
    >>> print(issue.message_lo)
    ສະຫຼະ ຳ ຖືກພິມເປັນສອງຕົວ ໍ ແລະ າ; ໃຫ້ໃຊ້ ຳ.
    """
    if not isinstance(text, str):
        raise TypeError(f"validate() expects str, not {type(text).__name__}")
    chosen = get_profile(profile)
    ctx = _Context(text, chosen)
    names = chosen.checks if chosen.checks is not None else tuple(CHECKS)
    found: dict[tuple[str, int, int], Issue] = {}
    for name in names:
        for issue in CHECKS[name](ctx):
            found.setdefault((issue.code, issue.start, issue.end), issue)
    # Text in a legacy font or typed on the wrong layout explains every odd character inside it.
    explaining = {"legacy-font-text", "wrong-keyboard-layout"}
    spans = [(i.start, i.end) for i in found.values() if i.code in explaining]
    kept = [
        issue
        for issue in found.values()
        if issue.code in explaining or not any(s <= issue.start and issue.end <= e for s, e in spans)
    ]
    return sorted(kept, key=lambda issue: (issue.start, issue.end, issue.code))


def is_valid(text: str, profile: str | Profile = "text") -> bool:
    """Return True if :func:`validate` finds no issue.

    >>> is_valid("ສະບາຍດີ"), is_valid("ສະບາຍดี")
    (True, False)
    """
    return not validate(text, profile)


def line_column(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of *offset* in *text*, for messages.

    >>> line_column("ກ\\nຂຄ", 3)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1

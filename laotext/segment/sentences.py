"""Sentence segmentation: :func:`sent_tokenize`.

A sentence ends:

* after ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets) followed by white space
  or the end of the text, unless the full stop ends an abbreviation: one to three Lao consonants
  (ພ.ສ., ສ.ປ.ປ., ທ.) or a common English one (Mr., Dr., e.g.), and unless it is inside quotes;
* at a line break (a quotation may go on over it; a blank line closes it);
* at two or more spaces, or a tab, before a Lao word (not after a comma, colon or dash): Lao
  marks the end of a sentence with a space, and writers make it wider than the space between
  phrases.

A decimal point (3.5) or a dot inside a date or URL is never followed by a space, so never splits.
The white space after a sentence stays with it: ``"".join(sent_tokenize(text)) == text``. One pass,
linear in the length of the text.

>>> sent_tokenize("ສະບາຍດີ. ລາວມີ 3.5 ລ້ານຄົນ! ພ.ສ. 2568  ຂອບໃຈ")
['ສະບາຍດີ. ', 'ລາວມີ 3.5 ລ້ານຄົນ! ', 'ພ.ສ. 2568  ', 'ຂອບໃຈ']
"""

from __future__ import annotations

import re

from laotext.errors import require_str

__all__ = ["sent_tokenize"]

_CANDIDATE = re.compile(
    r"""(?P<stop>[.!?…]+)(?P<close>["'”’»)\]]*)(?P<space>[^\S\n]*\n|[^\S\n]+|\Z)
      | (?P<newline>\n)
      | (?P<gap>[^\S\n]{2,}|\t)""",
    re.VERBOSE,
)
_LAO_ABBREVIATION = re.compile(r"(?:^|[\s.(\"“«])[\u0e81-\u0eae]{1,3}$")
_ENGLISH_ABBREVIATIONS = frozenset(
    (
        *("mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "fig"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
    )
)
_LATIN_WORD = re.compile(r"(?:^|[\s(\"“«])([A-Za-z.]+)$")
_LAO = re.compile("[\u0e80-\u0eff]")
_BLANK_LINE = re.compile(r"[^\S\n]*(?:\n|\Z)")
_OPENING, _CLOSING, _STRAIGHT = "“«", "”»", '"'


def _is_abbreviation(before: str) -> bool:
    """Whether the text *before* a full stop ends with an abbreviation."""
    tail = before[-12:]
    if _LAO_ABBREVIATION.search(tail):
        return True
    latin = _LATIN_WORD.search(tail)
    return latin is not None and latin.group(1).lower() in _ENGLISH_ABBREVIATIONS


def sent_tokenize(text: str) -> list[str]:
    """Split *text* into sentences; ``"".join(sent_tokenize(text)) == text``.

    >>> sent_tokenize('ລາວເວົ້າວ່າ "ໄປ! ໄປເລີຍ" ແລ້ວກໍໄປ.\\nແມ່ນແລ້ວ')
    ['ລາວເວົ້າວ່າ "ໄປ! ໄປເລີຍ" ແລ້ວກໍໄປ.\\n', 'ແມ່ນແລ້ວ']
    """
    require_str(text, "sent_tokenize")
    cuts: list[int] = []
    depth = 0  # how many quotes are open
    straight_open = False
    position = 0
    for match in _CANDIDATE.finditer(text):
        between = text[position : match.start()]
        depth += sum(between.count(mark) for mark in _OPENING) - sum(between.count(mark) for mark in _CLOSING)
        depth = max(depth, 0)
        if between.count(_STRAIGHT) % 2:
            straight_open = not straight_open
        closing = match.group("close") or ""
        if closing:
            depth = max(depth - sum(closing.count(mark) for mark in _CLOSING), 0)
            if closing.count(_STRAIGHT) % 2:
                straight_open = not straight_open
        position = match.end()
        quoted = depth > 0 or straight_open
        if match.group("newline"):
            cuts.append(match.end())
            if _BLANK_LINE.match(text, match.end()):  # a paragraph ends: no quote stays open
                depth, straight_open = 0, False
        elif match.group("gap"):
            before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
            if not quoted and _LAO.match(after) and before not in ",;:(-–":
                cuts.append(match.end())
        else:
            stop = match.group("stop")
            ends_line = "\n" in match.group("space")
            if ends_line and _BLANK_LINE.match(text, match.end()):
                depth, straight_open = 0, False
            if ends_line or (
                not quoted and not (stop == "." and not closing and _is_abbreviation(text[: match.start()]))
            ):
                cuts.append(match.end())
    sentences: list[str] = []
    start = 0
    for cut in [*cuts, len(text)]:
        if cut <= start:
            continue
        piece = text[start:cut]
        if sentences and not piece.strip():
            sentences[-1] += piece
        else:
            sentences.append(piece)
        start = cut
    return sentences

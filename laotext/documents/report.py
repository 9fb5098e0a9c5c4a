"""What converting one document does: the options, the per-run decisions, and the report.

Every format module reads a document, finds each run of text and its effective font, and asks a
:class:`Tally` what to do with it: :meth:`Tally.encoding_for` says whether the font is a legacy
Lao font (and in which encoding its text is), :meth:`Tally.convert` converts the run and counts it,
:meth:`Tally.observe` records the text of runs in other fonts so that fonts which *look* legacy but
are unknown can be reported (they are never converted silently). :meth:`Tally.report` gives the
:class:`FileReport` the batch prints.

>>> tally = Tally(ConvertOptions())
>>> tally.encoding_for("Saysettha Lao"), tally.encoding_for("Times New Roman")
('lswin', None)
>>> tally.convert("¡¾\\xad¦ô¡¦¾", "Saysettha Lao", "lswin")
'ການສຶກສາ'
>>> tally.report("a.docx", "out/a.docx", "docx").runs
1
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from laotext.documents.package import Limits

__all__ = ["DEFAULT_FONT", "ConvertOptions", "FileReport", "Tally"]

DEFAULT_FONT = "Phetsarath OT"
"""The font converted runs are set in: the Lao national standard font."""

_SAMPLE_CHARACTERS = 4000  # text kept per unknown font for judging whether it looks legacy


@dataclass(frozen=True)
class ConvertOptions:
    """How to convert documents.

    ``font``: the font converted text is set in. ``font_map``: extra font names (any case, spaces
    or hyphens) and the legacy encoding of their text, for fonts laotext does not know; they take
    precedence over the bundled list. ``errors``: what to do with a legacy code that has no known
    character (``"replace"`` with U+FFFD and report it, or ``"strict"``: fail the file).
    """

    font: str = DEFAULT_FONT
    font_map: Mapping[str, str] = field(default_factory=dict)
    errors: str = "replace"
    limits: Limits = field(default_factory=Limits)


@dataclass(frozen=True)
class FileReport:
    """The outcome for one input file.

    ``status`` is ``"converted"`` (written, legacy text converted), ``"unchanged"`` (written, no
    legacy text found), ``"failed"`` (``error`` says why; nothing written) or ``"skipped"`` (not a
    format laotext converts). ``runs`` and ``characters`` count converted runs and the characters
    they hold after conversion; ``legacy_fonts`` maps each legacy font met to its encoding;
    ``suspect_fonts`` maps fonts that look legacy but are unknown (not converted) to the reason.
    """

    source: str
    output: str | None
    format: str
    status: str
    runs: int = 0
    characters: int = 0
    legacy_fonts: Mapping[str, str] = field(default_factory=dict)
    suspect_fonts: Mapping[str, str] = field(default_factory=dict)
    unknown_codes: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the file was converted or copied (or skipped) without an error."""
        return self.status != "failed"

    def as_dict(self) -> dict[str, object]:
        """The report as plain JSON-ready values."""
        return {
            "source": self.source,
            "output": self.output,
            "format": self.format,
            "status": self.status,
            "runs": self.runs,
            "characters": self.characters,
            "legacy_fonts": dict(self.legacy_fonts),
            "suspect_fonts": dict(self.suspect_fonts),
            "unknown_codes": self.unknown_codes,
            "warnings": list(self.warnings),
            "error": self.error,
            "seconds": round(self.seconds, 3),
        }


def _fold(name: str) -> str:
    return "".join(name.lower().replace("-", " ").replace("_", " ").split())


class Tally:
    """Decisions and counts for one document (see the module docstring)."""

    def __init__(self, options: ConvertOptions) -> None:
        self.options = options
        self.runs = 0
        self.characters = 0
        self.unknown_codes = 0
        self.legacy_fonts: dict[str, str] = {}
        self.warnings: list[str] = []
        self._samples: dict[str, list[str]] = {}
        self._sample_sizes: Counter[str] = Counter()
        self._user = {_fold(name): encoding for name, encoding in options.font_map.items()}
        self._cache: dict[str, str | None] = {}

    def encoding_for(self, font: str | None) -> str | None:
        """The legacy encoding of text in *font*, or None for Unicode, unknown or missing fonts."""
        if not font:
            return None
        if font in self._cache:
            return self._cache[font]
        from laotext.legacy.fonts import font_encoding

        encoding = self._user.get(_fold(font)) or font_encoding(font)
        result = encoding if encoding and encoding != "unicode" else None
        self._cache[font] = result
        return result

    def convert(self, text: str, font: str, encoding: str) -> str:
        """Convert the run *text* typed in legacy *font* with *encoding*, and count it."""
        from laotext.legacy.convert import to_unicode_and_explain

        result = to_unicode_and_explain(text, encoding, errors=self.options.errors)
        self.runs += 1
        self.characters += len(result.text)
        self.unknown_codes += len(result.unknown)
        self.legacy_fonts.setdefault(font, encoding)
        return result.text

    def observe(self, text: str, font: str | None) -> None:
        """Record *text* of a run left alone in *font*, to judge later whether the font looks legacy."""
        if not font or not text or self._sample_sizes[font] >= _SAMPLE_CHARACTERS:
            return
        if self.encoding_for(font) is not None:
            return
        self._samples.setdefault(font, []).append(text)
        self._sample_sizes[font] += len(text)

    def warn(self, message: str) -> None:
        """Add a warning to the report (said once)."""
        if message not in self.warnings:
            self.warnings.append(message)

    def suspect_fonts(self) -> dict[str, str]:
        """Fonts not converted whose text reads as legacy Lao, with the evidence."""
        from laotext.legacy.detect import detect_encoding
        from laotext.legacy.fonts import font_encoding

        suspects: dict[str, str] = {}
        for font, pieces in self._samples.items():
            if font_encoding(font) == "unicode":
                continue
            detection = detect_encoding("\n".join(pieces))
            if detection.is_legacy:
                suspects[font] = (
                    f"its text reads as {detection.encoding} Lao ({detection.evidence}); not converted: "
                    f"pass --font-map '{font}={detection.encoding}' to convert it"
                )
        return suspects

    def report(
        self, source: str, output: str | None, format_name: str, *, seconds: float = 0.0
    ) -> FileReport:
        """The :class:`FileReport` for the document once every run has been seen."""
        warnings = list(self.warnings)
        if self.unknown_codes:
            warnings.append(
                f"{self.unknown_codes} legacy code(s) have no known character and were written as U+FFFD"
            )
        return FileReport(
            source=source,
            output=output,
            format=format_name,
            status="converted" if self.runs else "unchanged",
            runs=self.runs,
            characters=self.characters,
            legacy_fonts=dict(self.legacy_fonts),
            suspect_fonts=self.suspect_fonts(),
            unknown_codes=self.unknown_codes,
            warnings=tuple(warnings),
            seconds=seconds,
        )

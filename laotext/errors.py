"""The exceptions laotext raises, rooted at :class:`LaotextError`.

>>> issubclass(UnknownProfileError, LaotextError)
True
"""

from __future__ import annotations


class LaotextError(Exception):
    """Base class of every error laotext raises on purpose."""


class DataError(LaotextError):
    """A bundled or user-supplied data file is missing or malformed.

    ``path`` names the file and ``line`` the 1-based line, when known.
    """

    def __init__(self, message: str, *, path: str = "", line: int = 0) -> None:
        where = f"{path}:{line}: " if path and line else (f"{path}: " if path else "")
        super().__init__(where + message)
        self.path = path
        self.line = line


class UnknownProfileError(LaotextError, KeyError):
    """A validation profile name that is not defined."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(
            f"unknown validation profile {name!r}; known profiles: {', '.join(sorted(known))} "
            "(or pass a laotext.Profile of your own)"
        )
        self.name = name
        self.known = known

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0])


class UnknownOptionError(LaotextError, ValueError):
    """An option value outside the documented set (for example ``form="nfkc"``)."""

    def __init__(self, option: str, value: object, allowed: list[str]) -> None:
        super().__init__(f"{option}={value!r} is not supported; use one of: {', '.join(allowed)}")
        self.option = option
        self.value = value
        self.allowed = allowed


class NumberWordsError(LaotextError, ValueError):
    """A number that cannot be written in words, or Lao number words that cannot be read.

    ``text`` is the input and ``position`` the 0-based offset where reading stopped, when known.
    """

    def __init__(self, message: str, *, text: str = "", position: int = -1) -> None:
        super().__init__(message)
        self.text = text
        self.position = position


class DateParseError(LaotextError, ValueError):
    """Text that cannot be read as a date; ``text`` is the input."""

    def __init__(self, message: str, *, text: str = "") -> None:
        super().__init__(message)
        self.text = text


def require_str(text: object, function: str) -> str:
    """Return *text* if it is a str, else raise TypeError naming *function* (the boundary check).

    >>> require_str("ລາວ", "normalize")
    'ລາວ'
    """
    if not isinstance(text, str):
        raise TypeError(f"{function}() expects str, not {type(text).__name__}")
    return text


class UnknownEncodingError(LaotextError, LookupError):
    """A legacy encoding name that laotext does not know; ``known`` lists the names it does."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(
            f"unknown legacy encoding {name!r}; known encodings: {', '.join(known)} "
            "(see `laotext encodings`, or pass table=FILE / --table FILE with your font's mapping)"
        )
        self.name = name
        self.known = known

    def __str__(self) -> str:  # LookupError subclasses KeyError-free, but keep the message plain
        return str(self.args[0])


class LegacyDecodeError(LaotextError, UnicodeDecodeError):
    """A legacy code with no known character, met with ``errors="strict"``.

    ``encoding``, ``start`` and ``end`` are those of :class:`UnicodeDecodeError`; ``object`` holds
    the input as bytes (str input is given in its legacy byte values).
    """


class LegacyEncodeError(LaotextError, UnicodeEncodeError):
    """A character that the target legacy encoding cannot represent, met with ``errors="strict"``.

    ``encoding``, ``object`` (the text), ``start`` and ``end`` are those of :class:`UnicodeEncodeError`.
    """


class DocumentError(LaotextError):
    """A document that cannot be read or converted; ``path`` names the file (and ``part`` the member).

    The message says what is wrong and what to do next.
    """

    def __init__(self, message: str, *, path: str = "", part: str = "") -> None:
        where = f"{path}: " if path else ""
        where += f"{part}: " if part else ""
        super().__init__(where + message)
        self.path = path
        self.part = part
        self.reason = message


class UnsafeDocumentError(DocumentError):
    """A document refused because reading it could harm the machine or the output.

    Zip bombs (too large once uncompressed, or compressed too well), XML entity declarations and
    external entities, member names that climb out of the package, and XML nested too deeply.
    """


class UnsupportedDocumentError(DocumentError):
    """A file whose format laotext does not convert, or that needs a missing program (LibreOffice)."""

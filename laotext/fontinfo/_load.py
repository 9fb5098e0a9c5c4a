"""Opening font files, and the error raised when one cannot be used.

This is the one module of :mod:`laotext.fontinfo` that touches files: bundled fonts through
:mod:`importlib.resources`, other fonts through the path the caller gives.

>>> issubclass(FontError, LaotextError)
True
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Union

from laotext.errors import LaotextError

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

__all__ = ["FontError", "FontSource", "open_font", "resource_path"]

#: A font argument: a file path, or the name of a bundled font (``"Phetsarath"``, ``"Noto Sans Lao Bold"``).
FontSource = Union[str, "os.PathLike[str]"]

_PACKAGE = "laotext.fonts"
_EXTENSIONS = ".ttf, .otf, .woff or .woff2"
_FORMATS = {b"\x00\x01\x00\x00": "ttf", b"true": "ttf", b"OTTO": "otf", b"wOFF": "woff", b"wOF2": "woff2"}


class FontError(LaotextError):
    """A font that cannot be found, opened or written; ``path`` names it.

    The message says what is wrong and what to do next.
    """

    def __init__(self, message: str, *, path: str = "") -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.reason = message


def font_format(data: bytes) -> str | None:
    """The container format of font *data* from its first four bytes: ttf, otf, woff, woff2 or None.

    >>> font_format(b"wOF2...."), font_format(b"%PDF")
    ('woff2', None)
    """
    return _FORMATS.get(data[:4])


def open_font(path: Path) -> tuple[TTFont, str]:
    """Open the font file *path* with fontTools and return it with its format (ttf, otf, woff, woff2).

    Raises :class:`FontError` for a missing file, a file that is not a font, a font collection,
    or a font fontTools cannot read.
    """
    from fontTools.ttLib import TTFont, TTLibError

    where = str(path)
    try:
        with open(path, "rb") as stream:
            head = stream.read(4)
    except FileNotFoundError:
        raise FontError(f"no such font file; give the path of a {_EXTENSIONS} file", path=where) from None
    except IsADirectoryError:
        raise FontError("is a folder, not a font file", path=where) from None
    except OSError as error:
        raise FontError(f"cannot read the font file: {error.strerror}", path=where) from None
    if head == b"ttcf":
        raise FontError("is a font collection (.ttc); extract one font from it first", path=where)
    fmt = font_format(head)
    if fmt is None:
        raise FontError("is not a font file (expected TrueType, OpenType, WOFF or WOFF2)", path=where)
    try:
        font = TTFont(path, lazy=True)
        for tag in ("head", "name", "cmap", "maxp"):
            if tag not in font:
                raise FontError(f"the font has no '{tag}' table; it is broken", path=where)
            font[tag]  # parse the table now, so that a broken one is reported here
    except FontError:
        raise
    except ImportError as error:  # WOFF2 needs brotli
        message = f"cannot open this {fmt} font: {error}; install the brotli package"
        raise FontError(message, path=where) from None
    except (TTLibError, Exception) as error:  # fontTools raises many kinds of error on a broken file
        raise FontError(f"the font file is broken and cannot be read ({error})", path=where) from None
    return font, fmt


@cache
def resource_path(filename: str) -> Path:
    """A file system path of the bundled file *filename* of ``laotext.fonts``.

    When laotext is installed as a zip, the file is extracted once, to a temporary file that is
    removed when the process ends.
    """
    import atexit
    from contextlib import ExitStack
    from importlib.resources import as_file, files

    resource = files(_PACKAGE).joinpath(filename)
    if not resource.is_file():
        raise FontError("bundled font file is missing; reinstall laotext", path=filename)
    if isinstance(resource, Path):
        return resource
    stack = ExitStack()
    atexit.register(stack.close)
    return Path(stack.enter_context(as_file(resource)))

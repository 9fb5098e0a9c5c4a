"""Python codecs for the legacy encodings, registered on request with :func:`register_codecs`.

After ``laotext.register_codecs()``, ``data.decode("lswin")``, ``text.encode("cp1133")``,
``open(path, encoding="mulelao-1")`` and :mod:`codecs` streams work in any program, under every
name and alias of :func:`~laotext.legacy.encodings` (folded like the standard codec names).
Decoding gives Unicode in logical order (see :func:`~laotext.legacy.to_unicode`); ``errors`` may be
``"strict"``, ``"replace"`` or ``"ignore"``.

>>> register_codecs()
>>> b"\\xaa\\xf2\\xa4".decode("saysettha_lao")
'ຕິງ'
>>> "ນ້ຳ".encode("lswin")
b'\\xad\\xd5'
"""

from __future__ import annotations

import codecs
from functools import cache
from typing import Any

from laotext.errors import UnknownEncodingError
from laotext.legacy.convert import decode_bytes, encode_bytes
from laotext.legacy.registry import get_encoding

__all__ = ["register_codecs"]

# The incremental decoder holds back the bytes after the last white space, so that a syllable split
# between two chunks is reordered whole, but never more than this much.
_MAX_HELD = 1 << 16


def _split_at_break(data: bytes, final: bool) -> int:
    """Where to cut *data*: after its last white space (or at the end when final or too long)."""
    if final or len(data) > _MAX_HELD:
        return len(data)
    return max(data.rfind(byte) for byte in (b" ", b"\t", b"\r", b"\n")) + 1


@cache
def _codec_info(name: str) -> codecs.CodecInfo:
    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return encode_bytes(text, name, errors), len(text)

    def decode(data: Any, errors: str = "strict") -> tuple[str, int]:
        return decode_bytes(bytes(data), name, errors), len(data)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        # Stateless: io.TextIOWrapper never passes final=True, so nothing may be held back. A syllable
        # split between two writes may get two codes instead of one combined code; both decode alike.
        def encode(self, input: str, final: bool = False) -> bytes:
            return encode_bytes(input, name, self.errors)

    class IncrementalDecoder(codecs.IncrementalDecoder):
        held = b""

        def decode(self, input: Any, final: bool = False) -> str:
            data = self.held + bytes(input)
            cut = _split_at_break(data, final)
            self.held = data[cut:]
            return decode_bytes(data[:cut], name, self.errors)

        def reset(self) -> None:
            self.held = b""

        def getstate(self) -> tuple[bytes, int]:
            return self.held, 0

        def setstate(self, state: tuple[bytes, int]) -> None:
            self.held = state[0]

    class StreamWriter(codecs.StreamWriter):
        def encode(self, input: str, errors: str = "strict") -> tuple[bytes, int]:
            return encode(input, errors)

    class StreamReader(codecs.StreamReader):
        def decode(self, input: Any, errors: str = "strict") -> tuple[str, int]:
            return decode(input, errors)

    return codecs.CodecInfo(
        name=name,
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
    )


def _search(name: str) -> codecs.CodecInfo | None:
    try:
        return _codec_info(get_encoding(name).name)
    except UnknownEncodingError:
        return None


_registered = False


def register_codecs() -> None:
    """Register the legacy encodings with :mod:`codecs` (once; calling again does nothing).

    Standard codecs keep their names: the search only answers for names Python does not know.
    """
    global _registered
    if not _registered:
        codecs.register(_search)
        _registered = True

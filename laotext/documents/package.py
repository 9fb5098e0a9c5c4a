"""Zip packages (.docx .xlsx .pptx .odt .ods .odp) read safely and rewritten member by member.

Before anything is read, the directory of the zip is checked: member names must stay inside the
package, members must not be encrypted, and the declared sizes must stay within :class:`Limits`
(total, per member, and compression ratio, which catches zip bombs). Reads are counted too, so a
member that lies about its size is stopped at the limit. :func:`write_package` writes a new zip in
the same member order with the same names, dates, attributes and compression, copying every member
that was not replaced byte for byte, in bounded memory.

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w") as archive:
...     archive.writestr("word/document.xml", "<w/>")
>>> with Package.open(buffer, path="demo.docx") as package:
...     package.names(), package.read("word/document.xml")
(['word/document.xml'], b'<w/>')
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO, BinaryIO

from laotext.errors import DocumentError, UnsafeDocumentError

__all__ = ["Limits", "Package", "read_file", "write_package"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""The first bytes of an OLE compound file: .doc/.xls/.ppt, and password-protected OOXML."""


@dataclass(frozen=True)
class Limits:
    """Bounds on what a package may expand to once uncompressed.

    The defaults let through any real office document (a 50 MB spreadsheet expands to well under
    1 GiB) and stop zip bombs, which rely on tiny members expanding thousands of times.
    """

    total_bytes: int = 2 << 30
    member_bytes: int = 1 << 30
    members: int = 20_000
    ratio: float = 200.0
    ratio_floor: int = 4 << 20
    """Members smaller than this uncompressed are not checked for ratio (small XML compresses well)."""


def read_file(source: Path, limit: int) -> bytes:
    """The bytes of a document that is not a package (RTF, HTML, text), refused above *limit* bytes."""
    path = str(source)
    try:
        size = source.stat().st_size
        if size > limit:
            raise UnsafeDocumentError(
                f"{size:,} bytes is more than the size limit ({limit:,}); refused", path=path
            )
        return source.read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read the file: {error.strerror or error}", path=path) from None


class _CountingReader:
    """A member's stream that refuses to give more bytes than the limit allows."""

    def __init__(self, stream: IO[bytes], limit: int, name: str, path: str) -> None:
        self._stream, self._left, self._name, self._path = stream, limit, name, path

    def read(self, size: int = -1) -> bytes:
        block = self._stream.read(self._left + 1 if size < 0 else min(size, self._left + 1))
        self._left -= len(block)
        if self._left < 0:
            raise UnsafeDocumentError(
                "member expands beyond its declared size or the size limit (zip bomb?); refused",
                path=self._path,
                part=self._name,
            )
        return block

    def close(self) -> None:
        self._stream.close()


class Package:
    """An opened, checked zip package. Use :meth:`open` and close it (or use ``with``)."""

    def __init__(self, archive: zipfile.ZipFile, path: str, limits: Limits) -> None:
        self.archive = archive
        self.path = path
        self.limits = limits
        self._infos = {info.filename: info for info in archive.infolist()}

    @classmethod
    def open(cls, source: str | Path | BinaryIO, *, path: str = "", limits: Limits | None = None) -> Package:
        """Open and check the zip *source*; *path* names it in messages."""
        limits = limits or Limits()
        if not path and not hasattr(source, "read"):
            path = str(source)
        if not hasattr(source, "read"):
            with open(source, "rb") as handle:
                head = handle.read(8)
        else:
            stream: BinaryIO = source  # type: ignore[assignment]
            head = stream.read(8)
            stream.seek(0)
        if head == OLE_MAGIC:
            raise DocumentError(
                "file is password-protected (encrypted) or an old binary Office file with a new "
                "extension; remove the password (or save it again as .docx/.xlsx/.pptx) and convert it again",
                path=path,
            )
        try:
            archive = zipfile.ZipFile(source)
        except zipfile.BadZipFile:
            raise DocumentError(
                "not a valid zip package (the file is damaged or not this format)", path=path
            ) from None
        except OSError as error:
            raise DocumentError(f"cannot read the file: {error.strerror or error}", path=path) from None
        try:
            _check(archive, path, limits)
        except BaseException:
            archive.close()
            raise
        return cls(archive, path, limits)

    def __enter__(self) -> Package:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the zip file."""
        self.archive.close()

    def names(self) -> list[str]:
        """Member names in the order they are stored."""
        return list(self._infos)

    def has(self, name: str) -> bool:
        """Whether member *name* exists."""
        return name in self._infos

    def size(self, name: str) -> int:
        """Uncompressed size of member *name*, as declared."""
        return self._infos[name].file_size

    def stream(self, name: str) -> _CountingReader:
        """Read member *name* as a stream bounded by its declared size and the limits."""
        info = self._infos.get(name)
        if info is None:
            raise DocumentError("member is missing from the package", path=self.path, part=name)
        try:
            raw = self.archive.open(info)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as error:
            raise DocumentError(f"member cannot be read: {error}", path=self.path, part=name) from None
        return _CountingReader(raw, min(info.file_size, self.limits.member_bytes), name, self.path)

    def read(self, name: str) -> bytes:
        """The bytes of member *name* (bounded like :meth:`stream`)."""
        reader = self.stream(name)
        try:
            return reader.read()
        except (zipfile.BadZipFile, EOFError, OSError) as error:  # bad CRC, truncated data
            raise DocumentError(f"member is damaged: {error}", path=self.path, part=name) from None
        finally:
            reader.close()


def _safe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name:
        return False
    parts = PurePosixPath(name).parts
    return ".." not in parts and not (parts and parts[0].endswith(":"))


def _check(archive: zipfile.ZipFile, path: str, limits: Limits) -> None:
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise UnsafeDocumentError(
            f"package has {len(infos)} members, more than {limits.members}; refused", path=path
        )
    total = 0
    for info in infos:
        if not _safe_name(info.filename):
            raise UnsafeDocumentError(
                f"member name {info.filename!r} points outside the package (path traversal); refused",
                path=path,
            )
        if info.flag_bits & 0x1:
            raise DocumentError(
                "package members are encrypted (password-protected); remove the password and convert again",
                path=path,
                part=info.filename,
            )
        if info.file_size > limits.member_bytes:
            raise UnsafeDocumentError(
                f"member expands to {info.file_size:,} bytes, more than the limit of {limits.member_bytes:,}",
                path=path,
                part=info.filename,
            )
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise UnsafeDocumentError(
                f"member expands {info.file_size / max(info.compress_size, 1):,.0f} times "
                f"(more than {limits.ratio:.0f}): a zip bomb; refused",
                path=path,
                part=info.filename,
            )
        total += info.file_size
    if total > limits.total_bytes:
        raise UnsafeDocumentError(
            f"package expands to {total:,} bytes, more than the limit of {limits.total_bytes:,}; refused",
            path=path,
        )


Replacement = bytes | Callable[[IO[bytes]], None]
"""New content of a member: its bytes, or a function writing them to a stream (for large parts)."""


def write_package(package: Package, target: IO[bytes], replacements: Mapping[str, Replacement]) -> None:
    """Write *package* to *target* with the members in *replacements* replaced.

    Members keep their order, names, dates, attributes and compression; the others are copied
    byte for byte, in bounded memory.
    """
    unknown = set(replacements) - set(package.names())
    if unknown:
        raise ValueError(f"members not in the package: {sorted(unknown)}")
    with zipfile.ZipFile(target, "w", allowZip64=True) as output:
        output.comment = package.archive.comment
        for name in package.names():
            source = package._infos[name]
            info = zipfile.ZipInfo(source.filename, date_time=source.date_time)
            info.compress_type = source.compress_type
            info.external_attr = source.external_attr
            info.create_system = source.create_system
            info.comment = source.comment
            replacement = replacements.get(name)
            with output.open(info, "w", force_zip64=source.file_size > 0x7FFF0000) as member:
                if replacement is None:
                    reader = package.stream(name)
                    try:
                        shutil.copyfileobj(reader, member, 1 << 20)
                    except (zipfile.BadZipFile, EOFError) as error:
                        raise DocumentError(
                            f"member is damaged: {error}", path=package.path, part=name
                        ) from None
                    finally:
                        reader.close()
                elif isinstance(replacement, bytes):
                    member.write(replacement)
                else:
                    replacement(member)

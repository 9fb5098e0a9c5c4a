"""The safe, byte-preserving foundations of document conversion: the XML tree and zip packages."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from laotext.documents import Limits
from laotext.documents.package import Package, write_package
from laotext.documents.xmltree import escape_attribute, escape_text, iter_tokens, parse, unescape
from laotext.errors import DocumentError, UnsafeDocumentError

WORD = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
<w:document xmlns:w="urn:w" xmlns:mc="urn:mc" mc:Ignorable="w14"><w:body>
  <w:p><w:r><w:rPr><w:rFonts w:ascii='Times New Roman'  w:hAnsi="Times New Roman"/></w:rPr>
  <w:t xml:space="preserve">Tom &amp; Jerry &#x0E81; </w:t></w:r><!-- kept --><?pi kept?>
  <w:r><w:t><![CDATA[a<b]]></w:t></w:r></w:p>
</w:body></w:document>
"""


# -- XML ---------------------------------------------------------------------------------------


def test_unchanged_part_is_written_back_byte_for_byte() -> None:
    assert parse(WORD).to_bytes() == WORD


def test_only_the_edited_tag_and_text_change() -> None:
    doc = parse(WORD)
    fonts = next(doc.root.iter("{urn:w}rFonts"))
    fonts.set("{urn:w}ascii", "Phetsarath OT")
    fonts.set("{urn:w}cs", "Phetsarath OT")
    text = next(doc.root.iter("{urn:w}t"))
    assert text.text == "Tom & Jerry ກ "
    text.set_text("ສະບາຍດີ & <ok>")
    out = doc.to_bytes()
    expected = WORD.replace(
        b"<w:rFonts w:ascii='Times New Roman'  w:hAnsi=\"Times New Roman\"/>",
        b'<w:rFonts w:ascii="Phetsarath OT" w:hAnsi="Times New Roman" w:cs="Phetsarath OT"/>',
    ).replace(b"Tom &amp; Jerry &#x0E81; ", "ສະບາຍດີ &amp; &lt;ok&gt;".encode())
    assert out == expected


def test_cdata_text_is_read() -> None:
    texts = [t.text for t in parse(WORD).root.iter("{urn:w}t")]
    assert texts[1] == "a<b"


def test_new_elements_get_a_declared_prefix() -> None:
    doc = parse(b'<a xmlns:w="urn:w"><w:r/></a>')
    run = doc.root.find("{urn:w}r")
    assert run is not None
    run.make_child("{urn:w}t").set_text("x")
    assert doc.to_bytes() == b'<a xmlns:w="urn:w"><w:r><w:t>x</w:t></w:r></a>'
    with pytest.raises(DocumentError, match="no prefix"):
        run.make_child("{urn:other}t")


@pytest.mark.parametrize(
    "data",
    [
        b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><a>&lol2;</a>',
        b'<?xml version="1.0"?><!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
        b'<!DOCTYPE a [<!ENTITY xxe SYSTEM "http://example.com/x">]><a>&xxe;</a>',
    ],
    ids=["billion-laughs", "external-dtd", "external-entity"],
)
def test_document_type_declarations_are_refused(data: bytes) -> None:
    with pytest.raises(UnsafeDocumentError, match="document type"):
        parse(data)
    with pytest.raises(UnsafeDocumentError):
        list(iter_tokens(io.BytesIO(data)))


def test_deep_nesting_is_refused() -> None:
    with pytest.raises(UnsafeDocumentError, match="nested deeper"):
        parse(b"<a>" * 10_000 + b"</a>" * 10_000)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<a><b></a>", "where </b> was expected"),
        (b"<a>", "truncated"),
        (b"", "no root"),
        (b"<a/><b/>", "after the root"),
        (b"text<a/>", "before the root"),
        (b"<a x='1></a>", "unexpected"),
        (b'<?xml version="1.0" encoding="windows-1252"?><a/>', "only UTF-8 and UTF-16"),
        (b"<a>\xff</a>", "not valid utf-8"),
    ],
)
def test_malformed_xml_raises_a_document_error(data: bytes, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        parse(data, part="word/document.xml")


def test_undefined_entities_are_errors_when_read() -> None:
    doc = parse(b"<a>&nbsp;</a>")
    with pytest.raises(DocumentError, match="undefined XML entity"):
        _ = doc.root.text


def test_utf16_parts_are_written_back_in_utf16() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><a>ກ</a>'.encode("utf-16")
    doc = parse(data)
    assert doc.root.text == "ກ"
    assert doc.to_bytes() == data


def test_streamed_tokens_join_back_to_the_part_whatever_the_chunk_size() -> None:
    for size in (1, 3, 7, 64, 1 << 20):
        tokens = list(iter_tokens(io.BytesIO(WORD), chunk_size=size))
        assert "".join(raw for _, raw in tokens) == WORD.decode()
        assert [kind for kind, _ in tokens].count("empty") == 1


_xml_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)


@given(_xml_text)
def test_escaped_text_and_attributes_read_back(value: str) -> None:
    assert unescape(escape_text(value)) == value
    doc = parse(f'<a x="{escape_attribute(value)}">{escape_text(value)}</a>'.encode())
    assert doc.root.get("x") == value
    assert doc.root.text == value


@given(st.lists(st.tuples(st.sampled_from(["p", "r", "t"]), _xml_text), max_size=12))
def test_parsed_parts_write_back_unchanged(pieces: list[tuple[str, str]]) -> None:
    body = "".join(f'<w:{tag} v="{escape_attribute(v)}">{escape_text(v)}</w:{tag}><x/>' for tag, v in pieces)
    data = f'<?xml version="1.0"?>\n<w:doc xmlns:w="urn:w">{body}</w:doc>\n'.encode()
    assert parse(data).to_bytes() == data


# -- zip packages ------------------------------------------------------------------------------


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_members_are_rewritten_with_the_same_order_dates_and_compression(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", (2010, 3, 5, 10, 0, 0)), b"application/x")
        info = zipfile.ZipInfo("content.xml", (2011, 1, 2, 3, 4, 6))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, b"<a>old</a>")
        archive.writestr(zipfile.ZipInfo("Pictures/x.png", (2012, 1, 1, 0, 0, 0)), b"\x89PNG...")
    out = io.BytesIO()
    with Package.open(io.BytesIO(buffer.getvalue()), path="t.odt") as package:
        write_package(package, out, {"content.xml": b"<a>new</a>"})
    with zipfile.ZipFile(out) as result, zipfile.ZipFile(buffer) as original:
        assert result.namelist() == original.namelist()
        for new, old in zip(result.infolist(), original.infolist(), strict=True):
            assert (new.date_time, new.compress_type) == (old.date_time, old.compress_type)
        assert result.read("content.xml") == b"<a>new</a>"
        assert result.read("Pictures/x.png") == original.read("Pictures/x.png")


def test_a_zip_bomb_is_refused_before_it_is_read() -> None:
    bomb = _zip({"word/document.xml": b"<a>" + b"x" * (50 << 20) + b"</a>"})
    with pytest.raises(UnsafeDocumentError, match="zip bomb"):
        Package.open(io.BytesIO(bomb), path="bomb.docx")
    with pytest.raises(UnsafeDocumentError, match="more than the limit"):
        Package.open(io.BytesIO(bomb), path="bomb.docx", limits=Limits(total_bytes=1 << 20, ratio=1e9))


def test_a_member_lying_about_its_size_is_stopped() -> None:
    data = bytearray(_zip({"a.xml": b"<a>" + b"y" * 5000 + b"</a>"}, zipfile.ZIP_STORED))
    # Shrink the declared size in the central directory (and local header) to 10 bytes.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.index(signature)
        data[at + offset : at + offset + 4] = (10).to_bytes(4, "little")
    with Package.open(io.BytesIO(bytes(data)), path="liar.docx") as package, pytest.raises(DocumentError):
        package.read("a.xml")


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/passwd", "word/../../evil", "C:/x.xml", "a\\..\\b"])
def test_path_traversal_member_names_are_refused(name: str) -> None:
    with pytest.raises(UnsafeDocumentError, match="outside the package"):
        Package.open(io.BytesIO(_zip({name: b"<a/>"})), path="t.docx")


def test_too_many_members_are_refused() -> None:
    data = _zip({f"m{i}.xml": b"<a/>" for i in range(30)})
    with pytest.raises(UnsafeDocumentError, match="members"):
        Package.open(io.BytesIO(data), path="t.docx", limits=Limits(members=20))


def test_encrypted_members_and_password_protected_files_are_reported() -> None:
    data = bytearray(_zip({"a.xml": b"<a/>"}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature)
        data[at + offset] |= 0x01
    with pytest.raises(DocumentError, match="encrypted"):
        Package.open(io.BytesIO(bytes(data)), path="t.docx")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    with pytest.raises(DocumentError, match="password-protected"):
        Package.open(io.BytesIO(ole), path="t.docx")


@pytest.mark.parametrize("data", [b"", b"hello", b"PK\x03\x04broken"])
def test_corrupt_packages_raise_document_errors(data: bytes) -> None:
    with pytest.raises(DocumentError, match="not a valid zip"):
        Package.open(io.BytesIO(data), path="t.docx")


def test_damaged_member_data_is_reported() -> None:
    data = bytearray(_zip({"a.xml": b"<a>" + b"z" * 300 + b"</a>"}, zipfile.ZIP_STORED))
    at = data.index(b"zzzz")
    data[at : at + 4] = b"qqqq"  # the CRC no longer matches
    with Package.open(io.BytesIO(bytes(data)), path="t.docx") as package, pytest.raises(DocumentError):
        package.read("a.xml")

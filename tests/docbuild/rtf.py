r"""An RTF letter typed in legacy Lao fonts, written the way Word 2003 writes RTF.

Font table with ``\fcharset``, high bytes as ``\'xx`` escapes, a header, a footer, a footnote, a table
(``\trowd ... \cell ... \row``), bold and italic runs, and a PNG picture (``{\pict\pngblip ...}``).
"""

from __future__ import annotations

from pathlib import Path

from docbuild import (
    BODY,
    BOLD,
    ENGLISH,
    ENGLISH_FONT,
    FOOTER,
    FOOTNOTE,
    HEADER,
    ITALIC,
    KEYBOARD,
    KEYBOARD_FONT,
    LSWIN_FONT,
    MINISTRY,
    MOTTO,
    PNG,
    SUBJECT,
    TABLE,
    TITLE,
    UNICODE,
    UNICODE_FONT,
    keyboard,
    lswin,
)

#: Font numbers of the example's font table.
ENGLISH_F, LSWIN_F, KEYBOARD_F, UNICODE_F = 0, 1, 2, 3


def escape(text: str, codepage: str = "cp1252") -> str:
    """*text* (characters of one byte each in *codepage*) as RTF: ASCII as is, the rest as ``\\'xx``."""
    parts = []
    for char in text:
        if char in "\\{}":
            parts.append("\\" + char)
        elif ord(char) < 0x80:
            parts.append(char)
        else:
            try:
                code = char.encode(codepage)[0]
            except UnicodeEncodeError:
                code = ord(char)  # the undefined cp1252 bytes stay C1 characters
            parts.append(f"\\'{code:02x}")
    return "".join(parts)


def unicode_escape(text: str) -> str:
    """Unicode *text* as ``\\uN\\'3f`` escapes, as Word writes characters outside the code page."""
    return "".join(
        char if ord(char) < 0x80 else f"\\u{ord(char) if ord(char) < 0x8000 else ord(char) - 0x10000}\\'3f"
        for char in text
    )


def lao(text: str) -> str:
    """The RTF of Unicode *text* typed in the LSWin font."""
    return escape(lswin(text))


def run(font: int, text: str, extra: str = "") -> str:
    """A Word-style run: ``{\\rtlch ... \\ltrch ... \\fN ... text}``."""
    return f"{{\\rtlch\\fcs1 \\af{font} \\ltrch\\fcs0 \\f{font}{extra}\\insrsid4525154 {text}}}"


def paragraph(*runs: str, align: str = "ql", style: str = "") -> str:
    properties = "\\li0\\ri0\\widctlpar\\wrapdefault\\faauto\\rin0\\lin0\\itap0"
    return f"\\pard\\plain \\ltrpar{style}\\{align} {properties} {''.join(runs)}\\par\n"


def table_row(cells: tuple[str, ...], bold: bool = False) -> str:
    width = 3000
    row = "\\trowd \\irow0\\ts11\\trgaph108\\trleft-108\\trbrdrt\\brdrs\\brdrw10 \\trbrdrl\\brdrs\\brdrw10 "
    row += "\\trbrdrb\\brdrs\\brdrw10 \\trbrdrr\\brdrs\\brdrw10 \n"
    for index in range(len(cells)):
        row += f"\\clvertalt\\clbrdrt\\brdrs\\brdrw10 \\cltxlrtb\\clftsWidth3\\clwWidth{width} "
        row += f"\\cellx{width * (index + 1)}\n"
    row += "\\pard\\plain \\ltrpar\\ql \\li0\\ri0\\widctlpar\\intbl\\wrapdefault\\faauto\\rin0\\lin0 "
    for cell in cells:
        row += run(LSWIN_F, lao(cell), "\\fs24" + ("\\b" if bold else "")) + "\\cell "
    row += "\\pard\\plain \\ltrpar\\ql \\li0\\ri0\\widctlpar\\intbl\\wrapdefault\\faauto\\rin0\\lin0 "
    row += "{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid4525154 \\trowd \\irow0\\trgaph108\\trleft-108"
    row += "".join(f"\\cellx{width * (index + 1)}" for index in range(len(cells)))
    row += "\\row }\n"
    return row


def build_rtf() -> bytes:
    """The example letter as RTF bytes."""
    picture = PNG.hex()
    picture_lines = "\n".join(picture[i : i + 128] for i in range(0, len(picture), 128))
    body = (
        "{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1\\adeff0\\deff0\\stshfdbch0\\stshfloch0\\stshfhich0"
        "\\stshfbi0\\deflang1033\\deflangfe1033{\\fonttbl"
        f"{{\\f{ENGLISH_F}\\froman\\fcharset0\\fprq2{{\\*\\panose 02020603050405020304}}{ENGLISH_FONT};}}\n"
        f"{{\\f{LSWIN_F}\\fnil\\fcharset0\\fprq2{{\\*\\panose 00000000000000000000}}{LSWIN_FONT};}}\n"
        f"{{\\f{KEYBOARD_F}\\fnil\\fcharset0\\fprq2{{\\*\\panose 00000000000000000000}}{KEYBOARD_FONT};}}\n"
        f"{{\\f{UNICODE_F}\\fnil\\fcharset0\\fprq2{{\\*\\panose 02000500000000000000}}{UNICODE_FONT};}}}}\n"
        "{\\colortbl;\\red0\\green0\\blue0;\\red0\\green0\\blue255;\\red192\\green0\\blue0;}\n"
        "{\\stylesheet{\\ql \\li0\\ri0\\widctlpar\\wrapdefault\\aspalpha\\aspnum\\faauto\\adjustright"
        "\\rin0\\lin0\\itap0 \\rtlch\\fcs1 \\af0\\afs24\\alang1025 \\ltrch\\fcs0 \\fs24\\lang1033"
        "\\langfe1033\\cgrid\\langnp1033\\langfenp1033 "
        "\\snext0 \\qformat Normal;}{\\*\\cs10 \\additive \\ssemihidden Default Paragraph Font;}"
        "{\\*\\cs15 \\additive \\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\super \\sbasedon10 \\styrsid4525154 "
        "footnote reference;}}\n"
        "{\\*\\rsidtbl \\rsid4525154}\n"
        "{\\info{\\title Budget request}{\\author MOF}{\\operator MOF}"
        "{\\creatim\\yr2010\\mo3\\dy15\\hr9\\min30}{\\version1}}\n"
        "\\paperw11906\\paperh16838\\margl1440\\margr1440\\margt1440\\margb1440\\gutter0\\ltrsect \n"
        "\\widowctrl\\ftnbj\\aenddoc\\noxlattoyen\\expshrtn\\noultrlspc\\dntblnsbdb\\nospaceforul\\formshade"
        "\\horzdoc\\dgmargin\\dghspace180\\dgvspace180\\dghorigin1800\\dgvorigin1440\\dghshow1\\dgvshow1\n"
        "\\sectd \\ltrsect\\linex0\\headery708\\footery708\\colsx708\\endnhere\\sectlinegrid360"
        "\\sectdefaultcl\\sftnbj {\\header \\ltrpar "
        + paragraph(run(LSWIN_F, lao(HEADER), "\\fs20"), align="qr")
        + "}\n{\\footer \\ltrpar "
        + paragraph(run(LSWIN_F, lao(FOOTER), "\\fs20"), align="qc")
        + "}\n"
        + paragraph(run(LSWIN_F, lao(TITLE), "\\fs32\\b"), align="qc")
        + paragraph(run(LSWIN_F, lao(MOTTO), "\\fs28"), align="qc")
        + paragraph(run(LSWIN_F, lao(MINISTRY), "\\fs24"))
        + paragraph(run(ENGLISH_F, escape(ENGLISH), "\\fs24"))
        + paragraph(
            run(LSWIN_F, lao(SUBJECT), "\\fs24"),
            "{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\cs15\\super\\insrsid4525154 \\chftn {\\footnote \\ltrpar "
            "\\pard\\plain \\ltrpar\\ql \\li0\\ri0\\widctlpar\\wrapdefault\\faauto\\rin0\\lin0\\itap0 "
            "{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\cs15\\super\\insrsid4525154 \\chftn }"
            + run(LSWIN_F, lao(FOOTNOTE), "\\fs20")
            + "\\par }}",
        )
        + paragraph(run(LSWIN_F, lao(BODY), "\\fs24"), align="qj")
        + paragraph(
            run(LSWIN_F, lao(BOLD), "\\fs24\\b\\cf3"),
            run(LSWIN_F, " ", "\\fs24"),
            run(LSWIN_F, lao(ITALIC), "\\fs24\\i"),
        )
        + paragraph(run(KEYBOARD_F, escape(keyboard(KEYBOARD)), "\\fs28"))
        + paragraph(run(UNICODE_F, unicode_escape(UNICODE), "\\fs24"))
        + "".join(table_row(row, bold=index == 0) for index, row in enumerate(TABLE))
        + paragraph(
            "{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid4525154 {\\*\\shppict{\\pict{\\*\\picprop"
            "\\shplid1025{\\sp{\\sn shapeType}{\\sv 75}}}\\picscalex100\\picscaley100\\piccropl0\\piccropr0"
            "\\piccropt0\\piccropb0\\picw26\\pich26\\picwgoal15\\pichgoal15\\pngblip"
            "\\bliptag-1{\\*\\blipuid 0}\n" + picture_lines + "}}}"
        )
        + "{\\*\\themedata 504b030414000600080000002100e9de0fbfff0000001c020000130000005b436f6e74656e}\n"
        "}\n\x00"
    )
    return body.encode("ascii")


def build_example(path: Path) -> None:
    """Write the example legacy-font RTF letter to *path*."""
    path.write_bytes(build_rtf())

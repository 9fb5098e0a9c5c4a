"""A web page typed in legacy Lao fonts, as Word 2003's "Save as Web Page" and old hand-made pages wrote them.

windows-1252 bytes declared by ``<meta http-equiv=Content-Type>``, a ``<style>`` block whose class
rules give the fonts (``p.MsoNormal {font-family:"Saysettha Lao"}``, ``.lao {font-family: Boupha}``),
inline ``style='font-family:"..."'``, ``<font face="...">``, a table, a footnote list and an image
given as a ``data:`` URI.
"""

from __future__ import annotations

import base64
import html
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

#: The image's data URI, as the page holds it.
PNG_URI = "data:image/png;base64," + base64.b64encode(PNG).decode("ascii")
#: The script of the page: left as it is even though it holds a font name and legacy-looking text.
SCRIPT = '<script type="text/javascript">\nvar note = "<font face=\'Saysettha Lao\'>x</font>";\n</script>'
#: The Unicode sentence as a windows-1252 page holds it: character references.
UNICODE_REFERENCES = UNICODE.encode("ascii", errors="xmlcharrefreplace").decode("ascii")
#: The English paragraph exactly as written.
ENGLISH_PARAGRAPH = (
    f"<p class=MsoNormal><span class=English style='font-family:\"{ENGLISH_FONT}\"'>"
    f"{html.escape(ENGLISH, quote=False)}</span></p>"
)


def lao(text: str) -> str:
    """The page text of Unicode *text* typed in the LSWin font (characters that become windows-1252 bytes)."""
    return html.escape(lswin(text), quote=False)


def page_bytes(page: str) -> bytes:
    """*page* in windows-1252, the undefined bytes kept as the C1 characters of the same value."""
    return b"".join(
        char.encode("cp1252") if char.encode("cp1252", errors="ignore") else char.encode("latin-1")
        for char in page
    )


def bold(text: str, on: bool) -> str:
    return f"<b>{text}</b>" if on else text


def build_page() -> str:
    """The example page as text (before encoding)."""
    rows = "\n".join(
        " <tr>\n"
        + "".join(
            f"  <td width=200 valign=top style='width:150.0pt;border:solid windowtext 1.0pt'>"
            f"<p class=MsoNormal>{bold(lao(cell), index == 0)}</p></td>\n"
            for cell in row
        )
        + " </tr>"
        for index, row in enumerate(TABLE)
    )
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 11">
<title>Budget request 2010</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>MOF</o:Author>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
\t{{font-family:"{LSWIN_FONT}";
\tpanose-1:0 0 0 0 0 0 0 0 0 0;
\tmso-font-charset:0;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{{margin:0cm;
\tmargin-bottom:.0001pt;
\tfont-size:12.0pt;
\tfont-family:"{LSWIN_FONT}";
\tmso-fareast-font-family:"Times New Roman";}}
h1
\t{{margin-top:12.0pt;
\tfont-size:16.0pt;
\tfont-family:"{LSWIN_FONT}";}}
p.MsoFootnoteText, li.MsoFootnoteText, div.MsoFootnoteText
\t{{font-size:10.0pt;
\tfont-family:"{LSWIN_FONT}";}}
span.MsoFootnoteReference
\t{{vertical-align:super;}}
.lao {{font-family: {KEYBOARD_FONT}}}
table.MsoTableGrid
\t{{border:solid windowtext 1.0pt;
\tfont-size:10.0pt;
\tfont-family:"{ENGLISH_FONT}";}}
@page Section1
\t{{size:595.3pt 841.9pt;
\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}}
div.Section1
\t{{page:Section1;}}
-->
</style>
{SCRIPT}
</head>

<body lang=EN-US style='tab-interval:36.0pt'>

<div class=Section1>

<p class=MsoHeader align=right style='text-align:right'><span
style='font-size:10.0pt;font-family:"{LSWIN_FONT}"'>{lao(HEADER)}</span></p>

<h1 align=center style='text-align:center'><b>{lao(TITLE)}</b></h1>

<p class=MsoNormal align=center style='text-align:center'>{lao(MOTTO)}</p>

<p class=MsoNormal><font face="{LSWIN_FONT}" size=3>{lao(MINISTRY)}</font></p>

{ENGLISH_PARAGRAPH}

<p class=MsoNormal>{lao(SUBJECT)}<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"
title=""><span class=MsoFootnoteReference><span style='font-family:"{ENGLISH_FONT}"'>[1]</span></span></a></p>

<p class=MsoNormal style='text-align:justify'>{lao(BODY)}</p>

<p class=MsoNormal><b><span style='color:#C00000'>{lao(BOLD)}</span></b> <i>{lao(ITALIC)}</i></p>

<p class=MsoNormal><span class=lao
style='font-size:14.0pt'>{html.escape(keyboard(KEYBOARD), quote=False)}</span></p>

<p class=MsoNormal><span style='font-family:"{UNICODE_FONT}"'>{UNICODE_REFERENCES}</span></p>

<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
{rows}
</table>

<p class=MsoNormal><img width=32 height=32 src="{PNG_URI}" alt="Seal of the Ministry"></p>

<p class=MsoFooter align=center style='text-align:center'><font face="{LSWIN_FONT}"
size=2>{lao(FOOTER)}</font></p>

</div>

<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>

<hr align=left size=1 width="33%">

<![endif]>

<div style='mso-element:footnote' id=ftn1>

<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1"
title=""><span class=MsoFootnoteReference><span
style='font-family:"{ENGLISH_FONT}"'>[1]</span></span></a> {lao(FOOTNOTE)}</p>

</div>

</div>

</body>

</html>
"""


def build_example(path: Path) -> None:
    """Write the example legacy-font web page to *path* (windows-1252, as Word 2003 saved it)."""
    path.write_bytes(page_bytes(build_page()))

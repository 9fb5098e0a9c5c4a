"""Old Lao documents typed in legacy fonts, converted to Unicode Lao: Word, Excel, PowerPoint,
OpenDocument, RTF, HTML, plain text and CSV.

In each format, every run of text is judged by its effective font; runs in known legacy Lao fonts
(:func:`laotext.legacy_fonts`) are converted with that font's encoding and set in Phetsarath OT,
keeping their formatting; everything else is written back unchanged. See ``docs/documents.md``.

>>> from laotext.documents import FORMATS
>>> sorted(FORMATS)[:3]
['csv', 'doc', 'docx']
"""

from laotext.documents.batch import BatchReport, Job, convert_all, plan
from laotext.documents.convert import convert_document, output_name
from laotext.documents.formats import FORMATS, DocumentFormat, format_for
from laotext.documents.package import Limits
from laotext.documents.report import DEFAULT_FONT, ConvertOptions, FileReport, Tally

__all__ = [
    "DEFAULT_FONT",
    "FORMATS",
    "BatchReport",
    "ConvertOptions",
    "DocumentFormat",
    "FileReport",
    "Job",
    "Limits",
    "Tally",
    "convert_all",
    "convert_document",
    "format_for",
    "output_name",
    "plan",
]

"""Legacy Lao font text: encodings, detection, conversion to Unicode and back, and codecs.

>>> from laotext.legacy import to_unicode
>>> to_unicode("Á»ÈÀê\\xad¾¡Ä©ª")
'ແຮ່ເທນາກໄດຕ'
"""

from laotext.legacy.codec import register_codecs
from laotext.legacy.convert import (
    Conversion,
    UnknownCode,
    decode_bytes,
    encode_bytes,
    from_unicode,
    needs_conversion,
    reads_as_lao,
    to_unicode,
    to_unicode_and_explain,
)
from laotext.legacy.detect import NOT_LAO, UNICODE, Detection, detect_encoding
from laotext.legacy.fonts import font_encoding, legacy_fonts
from laotext.legacy.registry import ENCODINGS, Encoding, encodings, get_encoding
from laotext.legacy.tables import LegacyTable, load_table, parse_table

__all__ = [
    "ENCODINGS",
    "NOT_LAO",
    "UNICODE",
    "Conversion",
    "Detection",
    "Encoding",
    "LegacyTable",
    "UnknownCode",
    "decode_bytes",
    "detect_encoding",
    "encode_bytes",
    "encodings",
    "font_encoding",
    "from_unicode",
    "get_encoding",
    "legacy_fonts",
    "load_table",
    "needs_conversion",
    "parse_table",
    "reads_as_lao",
    "register_codecs",
    "to_unicode",
    "to_unicode_and_explain",
]

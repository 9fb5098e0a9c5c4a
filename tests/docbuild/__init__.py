"""Builders of example legacy-font documents, shared by the tests and scripts/make_document_examples.py.

The Lao below is written by hand in Unicode; each builder encodes it with
:func:`laotext.from_unicode` into the legacy font's codes, so the expected result of converting a
built document is this text, not anything the converter produced.
"""

from __future__ import annotations

import base64

from laotext.legacy import from_unicode

#: Lao sentences of an official letter, each with an English gloss; built documents hold them.
TITLE = "ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ"  # Lao People's Democratic Republic
MOTTO = "ສັນຕິພາບ ເອກະລາດ ປະຊາທິປະໄຕ ເອກະພາບ ວັດທະນະຖາວອນ"  # peace, independence, democracy, unity, prosperity
MINISTRY = "ກະຊວງສຶກສາທິການ ແລະ ກິລາ"  # Ministry of Education and Sports
SUBJECT = "ເລື່ອງ: ສະເໜີງົບປະມານ ປີ 2010"  # Subject: budget request for 2010
BODY = "ຂ້າພະເຈົ້າຂໍສະເໜີງົບປະມານສຳລັບການສ້ອມແປງລະບົບນ້ຳປະປາ ຈຳນວນ 15.000.000 ກີບ."
BOLD = "ດ່ວນທີ່ສຸດ"  # most urgent (typed bold)
ITALIC = "ດ້ວຍຄວາມເຄົາລົບ"  # respectfully (typed italic)
TABLE = (("ລຳດັບ", "ລາຍການ", "ຈຳນວນເງິນ"), ("1", "ທໍ່ນ້ຳ", "5.000.000"), ("2", "ຄ່າແຮງງານ", "10.000.000"))
HEADER = "ກະຊວງການເງິນ"  # Ministry of Finance (page header)
FOOTER = "ໜ້າ 1"  # page 1
FOOTNOTE = "ອີງຕາມດຳລັດ ເລກທີ 15/ລບ"  # according to decree no. 15
KEYBOARD = "ຫ້ອງການ ແຂວງວຽງຈັນ"  # office, Vientiane province (typed in a keyboard-position font)
UNICODE = "ນີ້ແມ່ນ Unicode ແລ້ວ"  # "this is Unicode already": stays as it is
ENGLISH = "Ref. MOF/2010/015 (English text in Times New Roman stays as it is)"

LSWIN_FONT = "Saysettha Lao"
KEYBOARD_FONT = "Boupha"
UNICODE_FONT = "Phetsarath OT"
ENGLISH_FONT = "Times New Roman"

#: A 1x1 PNG image: documents carry it to show images pass through untouched.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


def lswin(text: str) -> str:
    """*text* as the cp1252 characters of its LSWin codes (what Word shows for Saysettha Lao)."""
    return from_unicode(text, "lswin")


def keyboard(text: str) -> str:
    """*text* as the ASCII keys typed for it in a keyboard-position font."""
    return from_unicode(text, "keyboard")

"""Romanization of Lao: BGN/PCGN 1966, ALA-LC, MoH 2020, IPA with tones, and official place names.

Every system reads the same syllable parse (:func:`syllable_info`); see :data:`SYSTEMS`.

>>> romanize("ສະຫວັນນະເຂດ", capitalize=True), romanize("ສະຫວັນນະເຂດ", "official")
('Savannakhét', 'Savannakhet')
>>> syllable_info("ຂ້ອຍ").tone
'low-falling'
"""

from laotext.romanization.parse import SyllableInfo, syllable_info
from laotext.romanization.systems import SYSTEMS, System, romanize

__all__ = ["SYSTEMS", "SyllableInfo", "System", "romanize", "syllable_info"]

"""Lao word and sentence segmentation.

>>> from laotext.segment import word_tokenize, sent_tokenize
>>> word_tokenize("ຂ້ອຍຮັກປະເທດລາວ", keep_whitespace=False)
['ຂ້ອຍ', 'ຮັກ', 'ປະເທດລາວ']
"""

from laotext.segment.engines import ENGINES, Engine, get_engine
from laotext.segment.lexicon import Lexicon
from laotext.segment.sentences import sent_tokenize
from laotext.segment.words import Tokenizer, word_tokenize

__all__ = ["ENGINES", "Engine", "Lexicon", "Tokenizer", "get_engine", "sent_tokenize", "word_tokenize"]

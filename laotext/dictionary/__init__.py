"""The Lao–English dictionary: lookup by any spelling, search both ways, Lao order, spelling.

>>> from laotext.dictionary import lookup, sort_key
>>> lookup("ຫນັງສື")[0].headword
'ໜັງສື'
"""

from laotext.dictionary.collation import sort_key
from laotext.dictionary.entries import Dictionary, Entry, SearchHit, bundled, lookup, search, use
from laotext.dictionary.spelling import Misspelling, spellcheck, suggest
from laotext.dictionary.userfiles import load_entries, with_user_files

__all__ = [
    "Dictionary",
    "Entry",
    "Misspelling",
    "SearchHit",
    "bundled",
    "load_entries",
    "lookup",
    "search",
    "sort_key",
    "spellcheck",
    "suggest",
    "use",
    "with_user_files",
]

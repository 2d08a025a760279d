"""Find people: the model's PERSON entities, cleaned, plus rules for names it misses.

Rules (ids on each span):
- ``person.ner``: a PERSON entity with honorifics, titles and trailing punctuation removed.
- ``person.honorific``: ``Ms. Liu Yemei``, ``Prof. Dr. Anna-Lena K. Vogt``.
- ``person.after_title``: a name right after a job title (``Deputy Director Gao Jun``).
- ``person.before_title``: a name right before ``, <title>`` (``Hu Jinbo, Director of ...``).
- ``person.given_name``: a known given name and the capitalised words after it
  (``Andrei Rudskoi``, ``Elena Sergeevna Morozova``).
- ``person.surname_first``: a Chinese surname and a capitalised given name (``Gao Jun``).
- ``person.initials``: initials and a surname (``L.V. Orlova``, ``N.Karimov``).
- ``person.surname_shape``: a capitalised word and a surname of the region's shape
  (``Aigul Bekova``, ``Nino Beridze``).
- ``person.capital_surname``: a surname in capitals with its given name (``WANG Jinlong``,
  ``Vasyl HORDIYENKO``);
- surnames in capitals (``Oleksandr MAZURENKO``, ``TANAKA Hiroshi``) are name words where
  :mod:`.capitals` says so, so every rule above reads them.
- ``person.surname_coref``: a later surname-only mention of a person already named in full.
- ``person.local``: a full name of the local lexicon (``rules/local/persons.json``, written from
  reviewers' decisions), wherever it is written as whole tokens with the same case; it replaces
  the names and model entities it overlaps, unless it runs into an organization's or a place's
  name (``Yuan Longping Prize``) or follows "named after".

Output: ``doc.spans["persons"]`` (label ``PERSON``); ``Span._.honorific`` holds the char offsets
of an honorific written before the name.
"""

from .component import Persons, make_persons
from .words import FILLERS_BEFORE_TITLE, LOCAL_RULE, MAX_NAME_TOKENS

__all__ = ["FILLERS_BEFORE_TITLE", "LOCAL_RULE", "MAX_NAME_TOKENS", "Persons", "make_persons"]

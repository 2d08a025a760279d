"""Link job titles to the people who hold them and the organizations the posts belong to.

Each role is a span over the title phrase in ``doc.spans["roles"]``, and a plain record in
``doc._.roles``: ``{"title": (start, end), "person": (start, end), "org": (start, end) | None,
"rule_id": ..., "plural": bool}`` in char offsets, where ``org`` is the text naming the
organization: an organization mention, the parent part of one, or a reference such as "the
University", which assembly resolves. (Records, not span extensions: spaCy keys span extension
values by offsets, and the people of a list share one title.) Patterns (rule ids):

- ``role.title_before_name``: ``[ORG] TITLE (and TITLE)* NAME`` ("JITRI First Deputy Director
  Gao Jun"; "SPbPU Rector and Chairman of the X Branch Andrei Rudskoi": two roles).
- ``role.title_list``: a plural title before a list of names ("Vice-Rectors A and B").
- ``role.name_comma_title``: ``NAME, [the|currently an] TITLE ...`` and further appositives
  (", currently an intern at X").
- ``role.title_comma_name``: ``TITLE of ORG, [Dr.] NAME``.
- ``role.name_paren_title``: ``NAME (TITLE of ORG)``.
- ``role.title_paren_name``: ``TITLE [of ORG|ORG] ([honorifics] NAME)``, as photo captions
  write it ("President Lakeside University (Mr. Kenji SATO)").
- ``role.name_title``: ``NAME TITLE`` with no comma, the title ending the phrase ("Dr. Anna
  Berg Director of Research, Tomas Holm Counselor for Public Affairs").
- ``role.appointed_as``: ``NAME has been appointed|elected|named (as) TITLE of ORG``.

A title phrase extends over "of <non-organization words>" ("Professor of Economics"); "of/at/in
<ORG>" names the organization. A unit inside an organization joins the title: in "Director of
the Department of Industrial Engineering of PoliRomagna" the title is "Director of the
Department of Industrial Engineering" and the organization PoliRomagna. In a stack of titles, a
title with no organization of its own takes the one written before the stack ("SPbPU Rector and
Chairman of ..."), else the one after the name, else that of the next title ("Provost and Acting
President of EUAS").
"""

from .component import Roles, make_roles
from .phrases import Offsets, TitlePhrase
from .words import (
    APPOINTMENT_VERBS,
    AUXILIARIES,
    COPULAS,
    FILLERS,
    LIST_JOINERS,
    MAX_COMPLEMENT_TOKENS,
    MAX_STACK_TOKENS,
)

__all__ = [
    "APPOINTMENT_VERBS",
    "AUXILIARIES",
    "COPULAS",
    "FILLERS",
    "LIST_JOINERS",
    "MAX_COMPLEMENT_TOKENS",
    "MAX_STACK_TOKENS",
    "Offsets",
    "Roles",
    "TitlePhrase",
    "make_roles",
]

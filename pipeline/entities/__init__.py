"""Group mentions into entities: one person or organization per real-world referent.

Pure functions over the spans the components produced; :mod:`pipeline.assemble` turns the
groups into records.

- :mod:`.refs`: mentions with offsets, and clean names;
- :mod:`.people`: person mentions into people;
- :mod:`.orgs`: organization mentions into organizations;
- :mod:`.references`: "the university" and short forms to an organization.
"""

from .orgs import OrgEntity, group_orgs, org_type, short_form_of
from .people import PersonEntity, group_people
from .references import resolve_reference
from .refs import Ref, clean_name, make_ref, ref_at, source_text

__all__ = [
    "OrgEntity",
    "PersonEntity",
    "Ref",
    "clean_name",
    "group_orgs",
    "group_people",
    "make_ref",
    "org_type",
    "ref_at",
    "resolve_reference",
    "short_form_of",
    "source_text",
]

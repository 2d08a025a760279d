"""Which organization a role belongs to, decided by a small learned scorer over the rules.

The rules of :mod:`pipeline.components.roles` propose an organization for each role (the one
the title names, or the one the context ties it to). Where the text leaves it open (a bare
"Dean" in an article about two universities), a conditional-logit scorer ranks every
organization of the record and "none" by features of the parse and of the rules
(:mod:`.features`), with weights trained on gold (:mod:`.training`, ``uninews train-role-orgs``)
and kept as data in ``rules/role_orgs.json``. Without that file the rules decide alone.
"""

from .choose import choose_orgs, load_model
from .model import Example, RoleOrgModel, fit

__all__ = ["Example", "RoleOrgModel", "choose_orgs", "fit", "load_model"]

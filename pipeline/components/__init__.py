"""uninews spaCy components; importing this package registers every factory."""

from . import (  # noqa: F401
    acronyms,
    agreements,  # noqa: F401
    boilerplate,
    dates,  # noqa: F401
    locations,
    organizations,
    persons,
    roles,
    titles,
)

"""Reviewers' decisions -> the local lexicons (``rules/local/``), so they hold in new articles.

:func:`learn` replays decisions in file order over what the local folder already holds (entries
written by hand stay):

- a person name added, confirmed or edited -> ``persons.json`` ``names``;
- an organization name added or confirmed -> ``organizations.json`` ``names`` (a canonical
  name without aliases, unless it is already known as a name or an alias);
- an organization edited (renamed) -> the new name canonical, the old name (and the mention's
  text) its aliases; entries that held any of them merge into it;
- a role title edited or added -> ``titles.json`` ``bases``, as written (not when the main
  titles lexicon already has it);
- a person or organization rejected later -> its learned name (or alias) is removed.

Files are written sorted and indented, through a temporary file and one rename, and only when
their bytes change: learning the same decisions again writes nothing, so the rules hash, and
with it the records of an incremental run, stay as they are. ``uninews extract`` learns before it
builds the pipeline; ``uninews review --serve`` after each saved decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..lexicons import title_key
from ..local_rules import (
    ORGANIZATIONS,
    PERSONS,
    TITLES,
    organization_names,
    read_local,
    string_list,
    write_json,
)
from ..rules import load_lexicon
from .corrections import Correction, normalise_name

_HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|dr|prof|professor|academician)\.?\s+)+", re.I)
#: Characters a learned name never starts or ends with (a final dot stays: "Co.", "Jr.").
_EDGE_PUNCT = " \t\n,;:!?\"'()[]"


@dataclass
class LearnReport:
    """What :func:`learn` changed in a local folder."""

    local_dir: Path
    names_added: int = 0
    names_removed: int = 0
    titles_added: int = 0
    written: list[Path] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when a file was written."""
        return bool(self.written)

    def line(self) -> str:
        """One line for stderr: ``learned 3 names and 1 title into rules/local/``."""
        learned = _counts(self.names_added, self.titles_added)
        removed = _counts(self.names_removed, 0)
        where = _shown(self.local_dir)
        if learned and removed:
            return f"learned {learned} and removed {removed} in {where}/"
        if learned:
            return f"learned {learned} into {where}/"
        if removed:
            return f"removed {removed} from {where}/"
        return f"updated {where}/"


@dataclass
class _Local:
    """The entries of a local folder that learning manages."""

    persons: dict[str, Any]
    orgs: dict[str, Any]
    titles: dict[str, Any]
    names: list[str]
    org_names: dict[str, list[str]]
    bases: list[str]

    @classmethod
    def read(cls, local_dir: Path) -> _Local:
        persons = read_local(local_dir / PERSONS)
        orgs = read_local(local_dir / ORGANIZATIONS)
        titles = read_local(local_dir / TITLES)
        return cls(
            persons=persons,
            orgs=orgs,
            titles=titles,
            names=string_list(persons, "names", local_dir / PERSONS),
            org_names=organization_names(orgs, local_dir / ORGANIZATIONS),
            bases=string_list(titles, "bases", local_dir / TITLES),
        )

    def all_names(self) -> set[str]:
        return set(self.names) | {
            form for name, aliases in self.org_names.items() for form in (name, *aliases)
        }


def learn(
    decisions: Iterable[Correction], local_dir: Path, *, rules_dir: Path | None = None
) -> LearnReport:
    """Replay ``decisions`` (in file order) into the local lexicons of ``local_dir``.

    Args:
        decisions: reviewers' decisions, as :func:`.corrections.read_corrections` reads them.
        local_dir: the local folder (created when something is to be written).
        rules_dir: the main rules folder; titles its titles lexicon has are not learned.

    Returns:
        What changed; nothing is written when nothing changed.

    Raises:
        RuleFileError: when a local file (or the main titles lexicon) is malformed.
    """
    local_dir = Path(local_dir)
    before = _Local.read(local_dir)
    state = _Local.read(local_dir)
    known = _known_titles(rules_dir)
    for c in decisions:
        if c.field == "person":
            _person(state, c)
        elif c.field == "organization":
            _organization(state, c)
        elif c.field == "role" and c.action in ("edit", "add"):
            title = " ".join((c.new_value or (c.text if c.action == "add" else "")).split())
            learned = {title_key([b]) for b in state.bases}
            if title and title_key([title]) not in known | learned:
                state.bases.append(title)
    report = LearnReport(local_dir)
    old_names, new_names = before.all_names(), state.all_names()
    report.names_added, report.names_removed = (
        len(new_names - old_names),
        len(old_names - new_names),
    )
    report.titles_added = len(set(state.bases) - set(before.bases))
    files = (
        (PERSONS, state.persons, "names", _sorted(state.names)),
        (ORGANIZATIONS, state.orgs, "names", {n: _sorted(a) for n, a in state.org_names.items()}),
        (TITLES, state.titles, "bases", _sorted(state.bases)),
    )
    for name, data, key, entries in files:
        path = local_dir / name
        if not entries and key not in data:
            continue  # nothing learned into a file that does not hold this key yet
        if write_json(path, {**data, key: entries}):
            report.written.append(path)
    return report


def _person(state: _Local, c: Correction) -> None:
    if c.action == "reject":
        gone = _keys(c.text, c.value)
        state.names[:] = [n for n in state.names if normalise_name(n) not in gone]
        return
    raw = c.new_value if c.action in ("edit", "add") else c.value
    name = _clean(raw or c.text, person=True)
    if name and normalise_name(name) not in {normalise_name(n) for n in state.names}:
        state.names.append(name)


def _organization(state: _Local, c: Correction) -> None:
    orgs = state.org_names
    if c.action == "reject":
        gone = _keys(c.text, c.value)
        for name in [n for n in orgs if normalise_name(n) in gone]:
            del orgs[name]
        for name, aliases in orgs.items():
            orgs[name] = [a for a in aliases if normalise_name(a) not in gone]
        return
    if c.action == "edit":
        new = _clean(c.new_value or "")
        if new:
            _rename(orgs, new, [_clean(f) for f in (c.value or "", c.text)])
        return
    name = _clean((c.new_value if c.action == "add" else c.value) or c.text)
    key = normalise_name(name)
    if name and all(
        normalise_name(form) != key for n, aliases in orgs.items() for form in (n, *aliases)
    ):
        orgs[name] = []


def _rename(orgs: dict[str, list[str]], new: str, old: list[str]) -> None:
    """Make ``new`` a canonical name with the ``old`` names as aliases; entries holding any of
    these names merge into it (their names become aliases too)."""
    forms = [f for f in old if f]
    keys = {normalise_name(new)} | {normalise_name(f) for f in forms}
    for name in list(orgs):
        if any(normalise_name(f) in keys for f in (name, *orgs[name])):
            forms += [name, *orgs.pop(name)]
    aliases: list[str] = []
    seen = {normalise_name(new)}
    for form in forms:
        if normalise_name(form) not in seen:
            seen.add(normalise_name(form))
            aliases.append(form)
    orgs[new] = aliases


def _known_titles(rules_dir: Path | None) -> frozenset[str]:
    if rules_dir is None:
        return frozenset()
    path = Path(rules_dir) / TITLES
    return frozenset(title_key([t]) for t in string_list(load_lexicon(path), "bases", path))


def _clean(name: str, person: bool = False) -> str:
    """A name as the lexicon keeps it: spaces normalised, no edge punctuation, and for a
    person no honorific ("Prof. Anna Petrova" -> "Anna Petrova")."""
    name = " ".join(name.split()).strip(_EDGE_PUNCT)
    return _HONORIFIC.sub("", name) if person else name


def _keys(*names: str | None) -> set[str]:
    return {normalise_name(n) for n in names if n and normalise_name(n)}


def _sorted(items: Iterable[str]) -> list[str]:
    return sorted(set(items), key=lambda s: (s.casefold(), s))


def _counts(names: int, titles: int) -> str:
    parts = []
    if names:
        parts.append(f"{names} name{'s' if names != 1 else ''}")
    if titles:
        parts.append(f"{titles} title{'s' if titles != 1 else ''}")
    return " and ".join(parts)


def _shown(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)

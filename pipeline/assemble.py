"""The one bridge from a processed ``Doc`` to a validated :class:`~pipeline.models.Record`.

Every value carries ``start``/``end`` into the text as read, and :func:`check_offsets`
verifies ``text[start:end]`` for each of them before the record leaves this module.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .components.provenance import method_of
from .components.titles import singular_title
from .entities import (
    OrgEntity,
    Ref,
    clean_name,
    group_orgs,
    group_people,
    make_ref,
    org_type,
    ref_at,
    resolve_reference,
    source_text,
)
from .errors import RecordValidationError
from .lexicons import Lexicons, load_lexicons
from .models import (
    AgreementCount,
    DateMention,
    Extractor,
    Location,
    Mention,
    Organization,
    Person,
    Published,
    Quantity,
    Record,
    Role,
    Source,
)
from .role_orgs import choose_orgs, load_model
from .rules import rules_hash

TITLE_MARKERS = "#*=>-–—• \t"


@dataclass(frozen=True)
class SourceInfo:
    """What the record says about the input: path as given, the raw bytes' hash and size, how
    they were decoded, and their format (``text`` or ``html``)."""

    path: str
    sha256: str
    bytes: int
    encoding: str = "utf-8"
    format: str = "text"

    @classmethod
    def from_bytes(cls, path: str, data: bytes) -> SourceInfo:
        """Describe raw UTF-8 text content."""
        return cls(path=path, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))


def extractor_info(nlp: Language) -> Extractor:
    """The pipeline's version, model and rules hash for the record's provenance."""
    rules_dir = nlp.meta.get("uninews", {}).get("rules_dir")
    local = nlp.meta.get("uninews", {}).get("local_rules")
    meta = nlp.meta
    model = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
    return Extractor(
        version=__version__,
        model=model,
        model_version=str(meta.get("version", "0.0.0")),
        rules_hash=rules_hash(Path(rules_dir), Path(local) if local else None)
        if rules_dir
        else "none",
    )


def doc_to_record(
    doc: Doc,
    source: SourceInfo,
    extractor: Extractor,
    rules_dir: str,
    local_rules: str | None = None,
    lexicons: Lexicons | None = None,
    role_org_trace: list | None = None,
    rules_only: bool = False,
) -> Record:
    """Build and validate the record of one processed document.

    Args:
        doc: the document after the whole uninews pipeline.
        source: path and hash of the input.
        extractor: provenance of the pipeline (see :func:`extractor_info`).
        rules_dir: the rules folder (for the organization-head lexicon).
        local_rules: the pipeline's local overrides (its aliases of organizations); default
            as :func:`pipeline.lexicons.load_lexicons`.
        lexicons: those two folders' lexicons, when the caller loaded them once for a batch
            (loading checks the local files each time).
        role_org_trace: when given, receives each role's candidate organizations and their
            features (:func:`pipeline.role_orgs.choose_orgs`; what training reads).
        rules_only: leave each role's organization to the rules, even when the rules folder
            has a trained scorer (training measures the rules so).

    Raises:
        RecordValidationError: when a value's offsets do not point at its text.
    """
    text = source_text(doc)
    lex = lexicons or load_lexicons(rules_dir, local_rules or None)
    heads = lex.org_heads
    orgs = group_orgs(doc, lex.company_suffix_keys, lex.local_org_names, lex.host_named)
    org_by_span: dict[tuple[int, int], OrgEntity] = {
        m.span_key: e for e in orgs for m in e.mentions
    }
    role_records = doc._.roles or []
    people = group_people(doc, lex.patronymic_suffixes)
    rule_orgs = [_role_org(doc, r["org"], orgs, org_by_span, lex) for r in role_records]
    role_orgs = choose_orgs(
        doc,
        text,
        role_records,
        rule_orgs,
        orgs,
        people,
        lex,
        None if rules_only else load_model(rules_dir),
        role_org_trace,
    )
    org_ids = {id(e): f"O{i}" for i, e in enumerate(orgs, start=1)}
    organizations = [
        Organization(
            id=org_ids[id(e)],
            name=e.name,
            aliases=e.aliases,
            type=org_type(e),
            mentions=[_mention(m) for m in e.mentions],
        )
        for e in orgs
    ]

    person_by_span = {m.span_key: p for p in people for m in p.mentions}
    roles: dict[int, list[Role]] = {id(p): [] for p in people}
    guessed: set[int] = set()  # ids of roles whose organization was guessed from context
    for record_, org, rule_org in zip(role_records, role_orgs, rule_orgs, strict=True):
        person = person_by_span.get(tuple(record_["person"]))
        ref = ref_at(doc, *record_["title"], rule_id=record_["rule_id"], method="rule")
        if person is None or ref is None:
            continue
        title = clean_name(ref.text)
        role = Role(
            title=singular_title(title, lex) if record_["plural"] else title,
            text=ref.text,
            organization=org.name if org else None,
            organization_id=org_ids[id(org)] if org else None,
            start=ref.start,
            end=ref.end,
            method="rule",
            rule_id=ref.rule_id,
        )
        if all(
            (r.title, r.organization) != (role.title, role.organization) for r in roles[id(person)]
        ):
            roles[id(person)].append(role)
            if record_.get("guessed_org") or org is not rule_org:
                guessed.add(id(role))
    for person_roles in roles.values():
        # A title also given with its organization elsewhere ("Rector" in the headline,
        # "Rector of ISU" in the text) is one role; so is one whose organization was only
        # guessed from the context when the text states it elsewhere.
        stated = {r.title for r in person_roles if r.organization and id(r) not in guessed}
        person_roles[:] = [
            r
            for r in person_roles
            if r.title not in stated or (r.organization and id(r) not in guessed)
        ]
        # "Vice-Rector S.A. Grishin" in a caption, "Vice-Rector for Research Sergei
        # Anatolyevich Grishin" in the text: the short form of a title given in full is one role
        person_roles[:] = [r for r in person_roles if not _shorter_form(r, person_roles)]
    persons = [
        Person(
            id=f"P{i}",
            name=p.name,
            honorific=p.honorific,
            mentions=[_mention(m) for m in p.mentions],
            roles=roles[id(p)],
        )
        for i, p in enumerate(people, start=1)
    ]

    record = Record(
        doc_id=source.sha256[:16],
        source=Source(
            path=source.path,
            sha256=source.sha256,
            bytes=source.bytes,
            encoding=source.encoding,
            format=source.format,
        ),
        text=text if source.format != "text" else None,
        title=title_of(text),
        published=_published(doc),
        people=persons,
        organizations=organizations,
        locations=_locations(doc),
        dates=_dates(doc),
        agreement_counts=_agreements(doc, orgs, org_ids, heads),
        quantities=_quantities(doc),
        extractor=extractor,
    )
    check_offsets(record, text)
    return record


def _shorter_form(role: Role, roles: list[Role]) -> bool:
    """True when another role of the same person is this title with a complement, at the
    same organization or with this one's unknown."""
    short = role.title.lower() + " "
    return any(
        other is not role
        and other.title.lower().startswith(short)
        and role.organization in (None, other.organization)
        for other in roles
    )


def _role_org(
    doc: Doc,
    offsets,
    orgs: list[OrgEntity],
    org_by_span: dict[tuple[int, int], OrgEntity],
    lex,
) -> OrgEntity | None:
    """The organization a role's ``org`` offsets name.

    An organization mention; else a name or alias of one, or a reference such as "the
    University" (:func:`pipeline.entities.resolve_reference`); else, for the parent part of a
    unit's name ("... of PoliRomagna") that names no organization yet, a new organization.
    """
    if not offsets:
        return None
    start, end = offsets
    entity = org_by_span.get((start, end))
    if entity is not None:
        return entity
    ref = ref_at(doc, start, end, rule_id="org.parent_of_unit", method="rule")
    if ref is None:
        return None
    entity = resolve_reference(ref.text, start, orgs, lex.org_heads)
    if entity is not None:
        return entity
    words = ref.text.split()
    if len(words) == 2 and words[0].lower() == "the" and words[1].capitalize() in lex.org_heads:
        return None  # "the University" with no university before it: a reference, no name
    if not any(w in lex.org_heads for w in words) and not (
        len(words) == 1 and words[0][:2].isupper()
    ):
        return None
    entity = OrgEntity(
        mentions=[ref], types=[_type_of(words, lex.org_heads)], acronym_flags=[False]
    )
    orgs.append(entity)
    org_by_span[(start, end)] = entity
    return entity


def _type_of(words: list[str], heads: dict[str, str | None]) -> str:
    return next((heads[w] for w in words if heads.get(w)), "other")


def title_of(text: str) -> str | None:
    """The first non-empty line, without markdown heading marks and with spaces normalised."""
    for line in text.split("\n"):
        cleaned = " ".join(line.strip(TITLE_MARKERS).split())
        if cleaned:
            return cleaned
    return None


def _mention(ref: Ref) -> Mention:
    return Mention(
        text=ref.text, start=ref.start, end=ref.end, method=ref.method, rule_id=ref.rule_id
    )


def _evidence(span, text: str) -> dict:
    """The fields every extracted value carries: its text, offsets and provenance."""
    return {
        "text": text[span.start_char : span.end_char],
        "start": span.start_char,
        "end": span.end_char,
        "method": method_of(span.id_),
        "rule_id": span.id_ or None,
    }


def _published(doc: Doc) -> Published | None:
    spans = list(doc.spans.get("published", []))
    if not spans or not spans[0]._.date_value:
        return None
    span = spans[0]
    return Published(value=span._.date_value, **_evidence(span, source_text(doc)))


def _locations(doc: Doc) -> list[Location]:
    groups: dict[str, list[Mention]] = {}
    names: dict[str, str] = {}
    for span in doc.spans.get("locations", []):
        ref = make_ref(doc, span)
        if ref is None:
            continue
        key = " ".join(ref.text.split()).lower()
        names.setdefault(key, clean_name(ref.text))
        groups.setdefault(key, []).append(_mention(ref))
    return [Location(name=names[k], mentions=v) for k, v in groups.items()]


def _dates(doc: Doc) -> list[DateMention]:
    text = source_text(doc)
    out = []
    for span in doc.spans.get("dates", []):
        out.append(
            DateMention(
                value=span._.date_value,
                granularity=span._.date_granularity if span._.date_value else None,
                anchor=span._.date_anchor or "none",
                end_value=span._.date_end if span._.date_value else None,
                **_evidence(span, text),
            )
        )
    return out


def _resolve_phrase(
    doc: Doc,
    offsets,
    orgs: list[OrgEntity],
    org_ids: dict[int, str],
    heads: dict[str, str | None],
) -> tuple[str | None, str | None]:
    if not offsets:
        return None, None
    start, end = offsets
    phrase = clean_name(source_text(doc)[start:end])
    for entity in orgs:
        if any(m.start >= start and m.end <= end for m in entity.mentions):
            inside = [m for m in entity.mentions if m.start >= start and m.end <= end]
            if inside and sum(len(m.text) for m in inside) >= 0.6 * len(phrase):
                return entity.name, org_ids[id(entity)]
    entity = resolve_reference(phrase, start, orgs, heads)
    if entity is not None:
        return entity.name, org_ids[id(entity)]
    return phrase or None, None


def _agreements(doc, orgs, org_ids, heads) -> list[AgreementCount]:
    text = source_text(doc)
    out = []
    for span in doc.spans.get("agreements", []):
        holder, holder_id = _resolve_phrase(doc, span._.holder_span, orgs, org_ids, heads)
        counterparty, _ = _resolve_phrase(doc, span._.counterparty_span, orgs, org_ids, heads)
        obj = clean_name(text[slice(*span._.object_span)]) if span._.object_span else None
        out.append(
            AgreementCount(
                count=span._.count,
                qualifier=span._.qualifier or "exact",
                object=obj,
                holder=holder,
                holder_id=holder_id,
                counterparty=counterparty,
                **_evidence(span, text),
            )
        )
    return out


def _quantities(doc: Doc) -> list[Quantity]:
    text = source_text(doc)
    out = []
    for span in doc.spans.get("quantities", []):
        if span._.count is None:
            continue
        out.append(
            Quantity(
                count=span._.count,
                qualifier=span._.qualifier or "exact",
                object=clean_name(text[slice(*span._.object_span)]) if span._.object_span else None,
                **_evidence(span, text),
            )
        )
    return out


def iter_evidence(record: Record):
    """Yield ``(where, text, start, end)`` for every value that carries offsets."""
    if record.published:
        yield "published", record.published.text, record.published.start, record.published.end
    for person in record.people:
        for m in person.mentions:
            yield f"person {person.name!r}", m.text, m.start, m.end
        for r in person.roles:
            yield f"role of {person.name!r}", r.text, r.start, r.end
    for org in record.organizations:
        for m in org.mentions:
            yield f"organization {org.name!r}", m.text, m.start, m.end
    for loc in record.locations:
        for m in loc.mentions:
            yield f"location {loc.name!r}", m.text, m.start, m.end
    for d in record.dates:
        yield "date", d.text, d.start, d.end
    for a in record.agreement_counts:
        yield "agreement count", a.text, a.start, a.end
    for q in record.quantities:
        yield "quantity", q.text, q.start, q.end


def check_offsets(record: Record, text: str) -> None:
    """Raise :class:`RecordValidationError` unless ``text[start:end]`` is each value's text."""
    for where, value, start, end in iter_evidence(record):
        if text[start:end] != value:
            raise RecordValidationError(
                f"{record.source.path}: {where}: text[{start}:{end}] is "
                f"{text[start:end]!r}, not {value!r}"
            )

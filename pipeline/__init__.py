"""uninews: information extraction for university news releases.

``from pipeline import extract_text, extract_files`` gives the Python API
(:mod:`pipeline.api`); it is imported on first use, so ``import pipeline`` stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build_registry", "extract_files", "extract_text"]


def __getattr__(name: str):
    if name in ("extract_text", "extract_files"):
        from . import api

        return getattr(api, name)
    if name == "build_registry":
        from .registry import build_registry

        return build_registry
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")

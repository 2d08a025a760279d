"""Review: a self-contained page per batch, reviewers' corrections, and gold from them.

- :mod:`.corrections`: the correction line format, loading, merging and applying them to records;
- :mod:`.learn`: the names and titles decisions accept, written to the local lexicons
  (``rules/local/``) that the pipeline reads in every later article;
- :mod:`.site`: records -> one HTML page (inline CSS/JS, data as escaped JSON, strict CSP);
- :mod:`.server`: ``--serve``, a 127.0.0.1-only server that appends corrections to one file
  (and learns from it);
- :mod:`.gold`: ``--export-gold``, corrected records in the gold format of ``uninews evaluate``.
"""

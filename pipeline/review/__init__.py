"""Review: a self-contained page per batch, reviewers' corrections, and gold from them.

- :mod:`.corrections`: the correction line format, loading, merging and applying them to records;
- :mod:`.site`: records -> one HTML page (inline CSS/JS, data as escaped JSON, strict CSP);
- :mod:`.server`: ``--serve``, a 127.0.0.1-only server that appends corrections to one file;
- :mod:`.gold`: ``--export-gold``, corrected records in the gold format of ``uninews evaluate``.
"""

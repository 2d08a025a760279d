"""uninews: information extraction for university news releases."""

from __future__ import annotations

__version__ = "0.1.0"

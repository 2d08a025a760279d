"""``python -m pipeline`` runs the uninews command line."""

from .cli import main

raise SystemExit(main())

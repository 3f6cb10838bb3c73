"""``python -m metagraph`` runs the ``metagraph`` command."""

from metagraph.cli import main

raise SystemExit(main())

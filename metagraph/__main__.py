"""``python -m metagraph`` runs the ``metagraph`` command."""

try:
    from metagraph.cli import main
except KeyboardInterrupt:  # Ctrl-C while the package loads: a message, not a traceback
    import sys

    sys.stderr.write("metagraph: interrupted\n")
    raise SystemExit(130) from None

raise SystemExit(main())

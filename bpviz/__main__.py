"""``python -m bpviz`` is the same as the ``bpviz`` command."""

from bpviz.cli import main

raise SystemExit(main())

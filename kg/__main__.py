"""``python -m kg``: the same as the ``kg`` command."""

from __future__ import annotations

if __name__ == "__main__":
    import sys

    from kg.cli import main

    sys.exit(main())

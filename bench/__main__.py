"""``python -m bench``: run every benchmark side by side and print ratios."""

from __future__ import annotations

import sys

from bench.run import main

# The guard matters: the load benchmark's worker processes are spawned, and
# a spawned child imports this module again.
if __name__ == "__main__":
    sys.exit(main())

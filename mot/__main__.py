"""``python -m mot``: see :mod:`mot.cli`."""

import sys

from mot.cli import main

sys.exit(main())

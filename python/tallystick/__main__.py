"""``python -m tallystick``: the same as the ``tallystick`` command."""

import sys

from .cli import main

sys.exit(main())

"""``python -m boras_intl_lib`` is the same as ``boras-intl``."""

import sys

from .cli import main

sys.exit(main())

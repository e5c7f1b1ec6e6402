"""`python -m pipeline`: the same as the `repurpose` command."""

import sys

from pipeline.entry import main

sys.exit(main())

"""`python -m dalle_edu ...` (and `torchrun -m dalle_edu ...`) runs the `dalle-edu` command."""
import sys
from dalle_edu.cli import main

sys.exit(main())

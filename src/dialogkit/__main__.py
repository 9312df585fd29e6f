"""`python -m dialogkit`, the same as the `dialog` command."""

from dialogkit.cli import main

main()

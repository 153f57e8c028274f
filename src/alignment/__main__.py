"""`python -m alignment`: the same as the `alignment` command."""

from .cli import main

main()

"""`python -m alignment`: the same as the `alignment` command."""

from .entry import run

run()

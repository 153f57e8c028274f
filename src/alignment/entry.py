"""The `alignment` command's entry point (and `python -m alignment`'s, through `__main__`).

`run` imports the command line itself, so that a Ctrl-C while Python and the package are still
loading (before the commands' own handling, `cli_options.handle_errors`) ends as it does later,
with one line and exit code 130, not with a traceback. Importing this module does nothing.
"""

import sys


def run() -> None:
    try:
        from .cli import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("alignment: interrupted\n")
        sys.exit(130)

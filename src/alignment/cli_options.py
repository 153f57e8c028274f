"""Options and helpers shared by every command: error handling, output writing, renderers.

Input: nothing (imported by `cli.py` and `commands/*.py`); output: click option decorators,
`handle_errors` and `write_output` (the renderers are in `report/formats.py`). It imports no command module and
not `cli.py`, so the command modules can be imported in any order.
"""

from __future__ import annotations

import functools
import os
import sys

import click

from .errors import AlignmentError
from .files import atomic

FORMATS = ["text", "json", "md", "csv", "html"]


def _fail(message: str, code: int) -> None:
    click.echo(f"alignment: {message}", err=True)
    sys.exit(code)


def handle_errors(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except AlignmentError as exc:
            _fail(exc.message, 2)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except BrokenPipeError:
            # the reader went away (`alignment eval ... | head`): stop quietly, as Unix tools do;
            # stdout is pointed at /dev/null so that the interpreter's final flush cannot fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # never a traceback for a user
            if os.environ.get("ALIGNMENT_DEBUG"):
                raise
            _fail(f"internal error: {exc.__class__.__name__}: {exc}", 1)
    return wrapper


def write_output(text: str | bytes, output: str | None) -> None:
    """Write atomically (temp file + rename) so a failure never leaves a half-written file."""
    if output in (None, "-"):
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            click.echo(text, nl=False)
        return
    if os.path.exists(output) and not os.path.isfile(output):  # /dev/null, a pipe: no rename
        with open(output, "wb") as fh:
            fh.write(text if isinstance(text, bytes) else text.encode("utf-8"))
        return
    if not os.path.isdir(os.path.dirname(os.path.abspath(output))):
        raise AlignmentError(output, "the output folder does not exist")
    with atomic(output, "wb") as fh:
        fh.write(text if isinstance(text, bytes) else text.encode("utf-8"))


rules_option = click.option(
    "--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
    help="A directory of extra rule files, overriding or extending the default pack (repeatable).")
max_size_option = click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=100.0,
                               show_default=True,
                               help="Refuse input files larger than this many MB.")


def as_option(types=("proposal", "dwcp", "unsdcf")):
    return click.option("--as", "doc_type", type=click.Choice(list(types)), default=None,
                        help="Treat the document as this type, whatever the detected type.")


output_option = click.option("-o", "--output", default=None,
                             help="Write to this file instead of standard output.")


def common_input(fn, types=("proposal", "dwcp", "unsdcf")):
    """Options shared by the commands that read one document."""
    fn = as_option(types)(fn)
    fn = max_size_option(fn)
    fn = click.option("--language", type=click.Choice(["en", "fr", "es"]), default=None,
                      help="Skip language detection and use this language.")(fn)
    return rules_option(fn)


def proposal_input(fn):
    """`common_input` for a command that reads proposals only (`--as proposal`)."""
    return common_input(fn, types=("proposal",))


def plan_options(fn):
    """--plan / --country: which plan of a UN INFO work plan export (XLSX, CSV) to read."""
    fn = click.option("--country", default=None, metavar="NAME",
                      help="UN INFO export: the plan of this country (when it has one plan in the export).")(fn)
    return click.option("--plan", default=None, metavar="NAME",
                        help="UN INFO export (XLSX, CSV): the plan to read, by its name or part of it.")(fn)


def _stdin_if_dash(path: str) -> bytes | None:
    return sys.stdin.buffer.read() if path == "-" else None

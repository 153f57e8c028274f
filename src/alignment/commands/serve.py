"""`alignment serve`: the local web app (Check, Compare, Appraise and Batch in the browser) on uvicorn."""

from __future__ import annotations

import click

from ..cli_options import handle_errors, max_size_option, rules_option


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default keeps the app on this computer; another address "
                   "lets other machines upload documents.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@max_size_option
@rules_option
@handle_errors
def command(host, port, max_size, rules_dirs):
    """Run the web app: check, compare, appraise and batch-check documents in the browser (http://HOST:PORT/)."""
    import uvicorn

    from ..web import create_app

    hosts = ("127.0.0.1", "localhost", "[::1]", "::1") if host in ("127.0.0.1", "localhost", "::1") else None
    app = create_app(max_size=int(max_size * 1024 * 1024), rules_dirs=tuple(rules_dirs), allowed_hosts=hosts)
    if hosts is None:
        click.echo(f"alignment: warning: listening on {host}: other machines can reach this server", err=True)
    click.echo(f"alignment: serving on http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)

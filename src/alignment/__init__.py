"""alignment: an offline, rule-based checker of how well UN/ILO planning documents carry the ILO
Decent Work Agenda.

    >>> import alignment
    >>> report = alignment.check("draft.pdf")          # a pydantic `Report`
    >>> report.coverage["SO3"].strength
"""

__version__ = "0.1.0"


def check(path: str, **options):
    """Read, structure and check one document: `alignment.check(path) -> Report`.

    Options: rules_dirs (extra rule directories), max_size (bytes), language ('en', 'fr', 'es').
    """
    from .pipeline import check as _check

    return _check(path, **options)

"""alignment: an offline, rule-based checker of how well UN/ILO planning documents carry the ILO
Decent Work Agenda."""

__version__ = "0.1.0"

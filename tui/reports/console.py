"""The console tables are printed on: a closed pipe (``| head``) ends the command quietly."""

from __future__ import annotations

from rich.console import Console


class ReportConsole(Console):
    """rich's console, except that a reader going away raises ``BrokenPipeError`` for the
    command line to handle (rich's own handler exits with status 1)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def report_console() -> Console:
    """The console for tables on standard output."""
    return ReportConsole()

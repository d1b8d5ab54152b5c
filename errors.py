"""One way to tell the person at the terminal that something failed: one line on stderr, an exit code.

The message is printed as plain text (file names may hold `[` and `]`, which rich would read as
markup); only the `scorekit: error:` prefix is styled.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.text import Text

err = Console(stderr=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print the line and return the Exit to raise (`raise fail(...) from None`)."""
    err.print(Text("scorekit: error: ", style="bold red") + Text(str(message)), soft_wrap=True)
    return typer.Exit(code)

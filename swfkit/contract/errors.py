"""The one exception the contract package raises."""

from __future__ import annotations

from swfkit.errors import SwfkitError


class ContractError(SwfkitError):
    """The contract document is missing, unreadable or not valid OpenAPI.

    ``source`` names the file; ``problems`` lists what is wrong, one line
    each, so the CLI can print them without a traceback.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        problems: list[str] | None = None,
    ) -> None:
        self.source = source
        self.problems = list(problems or [])
        super().__init__(message)

    def __str__(self) -> str:
        text = str(self.args[0])
        if self.source:
            text = f"{self.source}: {text}"
        return text

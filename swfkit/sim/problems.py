"""Problem answers (RFC 9457) and the exception that carries them.

Services raise :class:`Problem`; the web layer turns it into an
``application/problem+json`` response. The ``type`` is
``urn:swfkit:probleem:<slug>``, one slug per kind of failure.
"""

from __future__ import annotations

from typing import Any

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:swfkit:probleem:"

# The slug for each status when the failure has no more specific kind.
_SLUG_BY_STATUS: dict[int, str] = {
    400: "ongeldige-invoer",
    403: "niet-toegestaan",
    404: "niet-gevonden",
    405: "methode-niet-toegestaan",
    409: "conflict",
    413: "te-groot",
    415: "mediatype-niet-ondersteund",
    500: "interne-fout",
}


class Problem(Exception):
    """A refusal with everything the problem+json body needs.

    Args:
        status: the HTTP status.
        title: a short Dutch title for the kind of problem.
        detail: what happened in this request.
        slug: the kind of problem; defaults to one per status.
        rule: the id of the rule that refused, if a rule did.
        invalid_params: ``[{name, reason}]`` for input errors.
    """

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        *,
        slug: str | None = None,
        rule: str | None = None,
        invalid_params: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.slug = slug or _SLUG_BY_STATUS.get(status, "fout")
        self.rule = rule
        self.invalid_params = invalid_params

    @property
    def type(self) -> str:
        """The problem type URN."""
        return TYPE_PREFIX + self.slug

    def body(self, *, instance: str, correlation_id: str) -> dict[str, Any]:
        """The problem+json document for this problem."""
        body: dict[str, Any] = {
            "type": self.type,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "instance": instance,
            "correlationId": correlation_id,
        }
        if self.invalid_params:
            body["invalidParams"] = self.invalid_params
        if self.rule:
            body["regel"] = self.rule
        return body


def invalid_input(name: str, reason: str, *, slug: str | None = None) -> Problem:
    """A 400 naming one field."""
    return Problem(
        400,
        "Ongeldige invoer",
        f"{name}: {reason}",
        slug=slug,
        invalid_params=[{"name": name, "reason": reason}],
    )


def not_found() -> Problem:
    """A 404 that gives no hint whether the thing exists.

    The same text for everything: a hidden document must read exactly like a
    missing samenwerking.
    """
    return Problem(
        404,
        "Niet gevonden",
        "Bestaat niet, of is niet zichtbaar voor deze organisatie.",
    )


def invalid_json() -> Problem:
    """A 400 for a body that is not JSON (or too deeply nested to read)."""
    return Problem(
        400,
        "Ongeldige invoer",
        "De body is geen geldige JSON.",
        slug="ongeldige-json",
        invalid_params=[{"name": "body", "reason": "geen geldige JSON"}],
    )

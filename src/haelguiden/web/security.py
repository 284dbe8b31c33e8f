"""Security for every response: CSRF tokens, security headers and a request size limit.

The middlewares are plain ASGI (no per-request task or body copy), outermost first::

    AccessLog → SecurityHeaders → BodySizeLimit → RateLimit (``rate_limit``) → the app

CSRF uses a signed double submit: a random value in an HttpOnly cookie, and the same value signed with the
secret key in a hidden form field. A forged form has neither the cookie (SameSite=Lax) nor a valid
signature, and any instance with the same key can check it. Nothing here logs a request body, a cookie
or a query string.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Callable, Iterable, Mapping

from itsdangerous import BadSignature, Signer
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from haelguiden.web.logs import route_template

logger = logging.getLogger("haelguiden.web")

CSRF_COOKIE = "hg_csrf"
CSRF_FIELD = "csrf_token"
_CSRF_SALT = "haelguiden.csrf.v1"

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS: Mapping[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
        "payment=(), usb=(), interest-cohort=()"
    ),
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
DEFAULT_MAX_BODY_BYTES = 64 * 1024
#: Static files may be cached for a day; everything else holds or leads to answers: never cache it.
_CACHE_STATIC = (b"cache-control", b"public, max-age=86400")
_CACHE_NONE = (b"cache-control", b"no-store")

#: Builds the response for a refused request: (request, status, retry-after seconds or None).
Responder = Callable[[Request, int, int | None], Response]


class CsrfError(Exception):
    """A form arrived without a valid CSRF token."""


class CsrfProtection:
    """Issues and checks signed double-submit tokens."""

    def __init__(self, secret_key: str, *, secure: bool) -> None:
        """Sign with ``secret_key``; ``secure`` marks the cookie Secure (HTTPS sites)."""
        self._signer = Signer(secret_key, salt=_CSRF_SALT)
        self.secure = secure

    def token(self, request: Request) -> str:
        """The hidden-field token for this request, creating the cookie value if there is none yet.

        A new value is kept on ``request.state.csrf_cookie`` so that the response can set the cookie.
        """
        value = request.cookies.get(CSRF_COOKIE)
        if not value or len(value) > 100:
            value = getattr(request.state, "csrf_cookie", None) or secrets.token_urlsafe(32)
            request.state.csrf_cookie = value
        return self._signer.sign(value).decode()

    def set_cookie(self, request: Request, response: Response) -> None:
        """Set the CSRF cookie on ``response`` when :meth:`token` made a new value."""
        value = getattr(request.state, "csrf_cookie", None)
        if value:
            response.set_cookie(
                CSRF_COOKIE, value, httponly=True, samesite="lax", secure=self.secure, path="/"
            )

    def verify(self, request: Request, submitted: object) -> None:
        """Check the submitted field against the cookie.

        Raises:
            CsrfError: the cookie or the field is missing, or they do not match.
        """
        cookie = request.cookies.get(CSRF_COOKIE)
        if not cookie or not isinstance(submitted, str) or not submitted:
            raise CsrfError("missing")
        try:
            value = self._signer.unsign(submitted).decode()
        except BadSignature:
            raise CsrfError("bad signature") from None
        if not hmac.compare_digest(value, cookie):
            raise CsrfError("mismatch")


class CsrfToken:
    """A page's CSRF token, made only when a form on the page is rendered (``str(token)``).

    Pages without a form then set no cookie, so public pages (articles) can be cached without one.
    """

    def __init__(self, csrf: CsrfProtection, request: Request) -> None:
        """Make the token from ``csrf`` for ``request`` when first needed."""
        self._csrf = csrf
        self._request = request
        self._value: str | None = None

    def __str__(self) -> str:
        """The token for the hidden field."""
        if self._value is None:
            self._value = self._csrf.token(self._request)
        return self._value


class SecurityHeadersMiddleware:
    """Adds the security headers (and a cache policy) to every HTTP response, errors included.

    It is also where an unexpected exception ends: it is logged (method and path only, no query string,
    body or cookie) and answered by ``on_error`` with 500, so even that response carries the headers.
    """

    def __init__(self, app: ASGIApp, *, on_error: Responder, https: bool = False) -> None:
        """Wrap ``app``; ``https`` adds Strict-Transport-Security."""
        self.app = app
        self.on_error = on_error
        self.headers = dict(SECURITY_HEADERS)
        if https:
            self.headers["Strict-Transport-Security"] = "max-age=31536000"
        # Encoded once, not per response: (lower-case name, value) as ASGI sends them.
        self._raw = tuple(
            (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in self.headers.items()
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add headers when the response starts."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")
        started = False

        cache = _CACHE_STATIC if static else _CACHE_NONE

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = self.with_headers(message.get("headers", ()), cache)
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            # The route's template, not the path: a path can hold a diary token or say what was answered.
            logger.exception("unhandled error: %s %s", scope.get("method"), route_template(scope))
            if started:
                raise
            await self.on_error(Request(scope), 500, None)(scope, receive, send_with_headers)

    def with_headers(
        self, headers: Iterable[tuple[bytes, bytes]], cache: tuple[bytes, bytes]
    ) -> list[tuple[bytes, bytes]]:
        """``headers`` plus every security header and the cache policy ``cache`` the app did not set itself
        (one pass over the response's headers instead of one per header added)."""
        out = list(headers)
        present = {name.lower() for name, _ in out}
        out.extend(header for header in self._raw if header[0] not in present)
        if cache[0] not in present:
            out.append(cache)
        return out


class BodySizeLimitMiddleware:
    """Refuses request bodies over ``max_bytes`` with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, responder: Responder) -> None:
        """Wrap ``app``; ``responder`` builds the 413 response."""
        self.app = app
        self.max_bytes = max_bytes
        self.responder = responder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the declared length first, then count bytes as they arrive."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        digits = length is not None and length.isascii() and length.isdigit()
        if length is not None and (not digits or int(length) > self.max_bytes):
            status = 413 if digits else 400
            await self.responder(Request(scope), status, None)(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Raised inside the app's body reading, so its error handlers answer with 413.
                    raise HTTPException(status_code=413)
            return message

        await self.app(scope, limited_receive, send)

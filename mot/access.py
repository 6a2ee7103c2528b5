"""Access to a hosted dashboard: the team password, the lockout, the sign-on allow-list.

Pure Python, no Streamlit: :mod:`ui.access` reads the settings and draws the sign-in page.

- **The team password** is never stored: :func:`hash_password` gives an scrypt hash (RFC
  7914; the parameters and a random salt in the text, ``scrypt$n$r$p$salt$key``), which goes
  into ``MOT_PASSWORD_HASH`` or ``[access] password_hash`` in ``.streamlit/secrets.toml``
  (``python -m mot password-hash`` prints it). :func:`check_password` derives the key again
  and compares in constant time (:func:`hmac.compare_digest`).
- **Lockout**: after :data:`MAX_FAILURES` wrong passwords within :data:`FAILURE_WINDOW`
  seconds, a session waits :data:`LOCKOUT` seconds (:func:`locked_for`).
- **Single sign-on**: :func:`email_allowed` checks a signed-in address against the
  allow-list (addresses, or domains written ``@example.com`` or ``example.com``); an empty
  list lets nobody in.
- **Staying signed in**: :func:`make_pass` signs an expiry time with a server secret (the
  password hash, or the sign-on ``cookie_secret``) by HMAC-SHA256; the browser keeps it in
  an HttpOnly cookie and :func:`pass_valid` checks it. A new password or secret makes every
  pass invalid, and a pass says nothing about the password.

Examples
--------
>>> stored = hash_password("correct horse")
>>> stored.startswith("scrypt$"), check_password("correct horse", stored)
(True, True)
>>> check_password("wrong", stored)
False
>>> email_allowed("Ana@Example.com", ["@example.com"])
True
>>> email_allowed("x@evil.com", ["example.com"])
False
>>> token = make_pass(stored, expires=2_000_000_000)
>>> pass_valid(token, stored, now=1_900_000_000), pass_valid(token, stored, now=2_000_000_001)
(True, False)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Iterable, Sequence

from mot.errors import MotError
from mot.messages import Message

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
"""The scrypt cost (N, r, p): 16 MiB and some 50 ms per check on a laptop."""
KEY_BYTES = 32
MAX_FAILURES = 5
"""Wrong passwords allowed within :data:`FAILURE_WINDOW` before a lockout."""
FAILURE_WINDOW = 600.0
"""Seconds over which failures are counted."""
LOCKOUT = 300.0
"""Seconds a session waits after too many failures."""
MIN_PASSWORD = 8
PASS_DAYS = 30
"""How long "stay signed in on this device" lasts."""
PASS_HOURS = 12
"""How long a pass lasts otherwise (in a cookie the browser drops when it closes)."""
"""The shortest team password :func:`hash_password` accepts."""

_MAXMEM = 64 * 1024 * 1024


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAXMEM, dklen=KEY_BYTES
    )


def hash_password(password: str) -> str:
    """The scrypt hash of ``password``, with its parameters and a random 16-byte salt.

    Raises
    ------
    MotError
        If the password is shorter than :data:`MIN_PASSWORD` characters.
    """
    if len(password or "") < MIN_PASSWORD:
        raise MotError(Message("access.short_password", n=MIN_PASSWORD))
    salt = secrets.token_bytes(16)
    key = _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def valid_hash(stored: str) -> bool:
    """Whether ``stored`` reads as a hash of :func:`hash_password`."""
    parts = (stored or "").strip().split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        n, r, p = (int(v) for v in parts[1:4])
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except ValueError:
        return False
    return (
        n > 1
        and n & (n - 1) == 0
        and n <= 2**20
        and 0 < r <= 32
        and 0 < p <= 16
        and (len(salt) >= 4 and len(key) == KEY_BYTES)
    )


def check_password(password: str, stored: str) -> bool:
    """Whether ``password`` is the one ``stored`` was made from.

    The keys are compared in constant time; a hash that does not read as one gives False.
    """
    if not valid_hash(stored):
        return False
    _, n, r, p, salt, key = stored.strip().split("$")
    derived = _derive(password or "", _unb64(salt), int(n), int(r), int(p))
    return hmac.compare_digest(derived, _unb64(key))


def locked_for(
    failures: Sequence[float],
    now: float,
    *,
    limit: int = MAX_FAILURES,
    window: float = FAILURE_WINDOW,
    pause: float = LOCKOUT,
) -> float:
    """Seconds a session still waits (0: it may try), given the times of its failures.

    Locked when ``limit`` failures fall within ``window`` seconds of each other, for
    ``pause`` seconds after the last of them.

    Examples
    --------
    >>> locked_for([0, 1, 2, 3], now=4)
    0.0
    >>> locked_for([0, 1, 2, 3, 4], now=10)
    294.0
    >>> locked_for([0, 1, 2, 3, 4], now=400)
    0.0
    """
    recent = sorted(t for t in failures if now - t <= window + pause)
    for i in range(len(recent) - limit + 1):
        if recent[i + limit - 1] - recent[i] <= window:
            return max(0.0, float(recent[i + limit - 1] + pause - now))
    return 0.0


def email_allowed(email: object, allowed: Iterable[str]) -> bool:
    """Whether a signed-in address is on the allow-list (case-insensitive).

    An entry is an address (``ana@example.com``) or a domain (``@example.com`` or
    ``example.com``: any address there, not its subdomains). An empty list allows nobody.
    """
    if not isinstance(email, str) or email.count("@") != 1:
        return False
    address = email.strip().lower()
    local, domain = address.split("@")
    if not local or not domain:
        return False
    for entry in allowed:
        entry = str(entry).strip().lower()
        if not entry:
            continue
        if "@" in entry.lstrip("@"):
            if hmac.compare_digest(entry, address):
                return True
        elif entry.lstrip("@") == domain:
            return True
    return False


def _pass_mac(secret: str, body: str) -> str:
    key = hashlib.sha256(b"mot-pass\x00" + secret.encode("utf-8")).digest()
    return _b64(hmac.new(key, body.encode("ascii"), hashlib.sha256).digest())


def make_pass(secret: str, *, expires: int) -> str:
    """A pass that proves, until ``expires`` (Unix seconds), that its holder signed in.

    ``v1.<expires>.<nonce>.<mac>``: the MAC is HMAC-SHA256 over the expiry and a random
    nonce, keyed by a digest of ``secret`` (which never leaves the server).
    """
    if not isinstance(secret, str) or not secret:
        raise MotError(Message("access.no_secret"))
    body = f"v1.{int(expires)}.{secrets.token_urlsafe(12)}"
    return f"{body}.{_pass_mac(secret, body)}"


def pass_valid(token: object, secret: str | None, *, now: float) -> bool:
    """Whether ``token`` is a pass :func:`make_pass` gave with ``secret`` and not expired."""
    if not isinstance(token, str) or not secret or len(token) > 200:
        return False
    parts = token.split(".")
    if len(parts) != 4 or parts[0] != "v1" or not parts[1].isdigit():
        return False
    body = ".".join(parts[:3])
    if not hmac.compare_digest(parts[3], _pass_mac(secret, body)):
        return False
    return int(parts[1]) > now

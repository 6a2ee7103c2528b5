"""Access in the library (issue 14): the team password's scrypt hash (checked against RFC
7914's published test vector), the lockout rule, the single sign-on allow-list, and the
``python -m mot password-hash`` command, and the signed pass that keeps a browser signed in."""

from __future__ import annotations

import base64
import hashlib
import hmac
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mot.access import (
    LOCKOUT,
    MAX_FAILURES,
    check_password,
    email_allowed,
    hash_password,
    locked_for,
    make_pass,
    pass_valid,
    valid_hash,
)
from mot.errors import MotError
from tests.conftest import ROOT


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def test_the_hash_is_scrypt_with_a_fresh_salt_and_never_the_password() -> None:
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first != second  # a new salt each time
    assert first.startswith("scrypt$16384$8$1$") and "correct horse" not in first
    assert valid_hash(first) and check_password("correct horse", first)
    assert not check_password("correct hors", first) and not check_password("", first)


def test_a_published_scrypt_vector_is_checked() -> None:
    # RFC 7914, section 12: scrypt(P="password", S="NaCl", N=1024, r=8, p=16, dkLen=64);
    # its first 32 bytes are the 32-byte key (PBKDF2's first block).
    expected = bytes.fromhex(
        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
        "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
    )
    stored = f"scrypt$1024$8$16${_b64(b'NaCl')}${_b64(expected[:32])}"
    assert check_password("password", stored)
    assert not check_password("Password", stored)


@pytest.mark.parametrize(
    "stored",
    ["", "plain text", "bcrypt$2b$12$x", "scrypt$1000$8$1$c2FsdHNhbHQ$AAAA", "scrypt$x$8$1$a$b"],
)
def test_a_hash_that_does_not_read_as_one_opens_nothing(stored: str) -> None:
    assert not valid_hash(stored)
    assert not check_password("anything", stored)


def test_a_short_password_is_refused_with_a_reason() -> None:
    with pytest.raises(MotError, match="at least 8 characters"):
        hash_password("short")


@settings(max_examples=8, deadline=None)
@given(st.text(min_size=8, max_size=40))
def test_any_password_checks_against_its_own_hash(password: str) -> None:
    stored = hash_password(password)
    assert check_password(password, stored)
    assert not check_password(password + "x", stored)


def test_the_lockout_counts_failures_within_the_window() -> None:
    assert locked_for([], now=0) == 0
    spread = [i * 200.0 for i in range(MAX_FAILURES)]  # one every 200 s: never 5 in 600 s
    assert locked_for(spread, now=spread[-1]) == 0
    quick = [100.0 + i for i in range(MAX_FAILURES)]
    assert locked_for(quick, now=quick[-1]) == LOCKOUT
    assert locked_for(quick, now=quick[-1] + LOCKOUT - 1) == 1
    assert locked_for(quick, now=quick[-1] + LOCKOUT) == 0


@pytest.mark.parametrize(
    ("email", "allowed", "expected"),
    [
        ("ana@example.com", ["@example.com"], True),
        ("ANA@Example.COM", ["example.com"], True),
        ("ana@sub.example.com", ["example.com"], False),  # not its subdomains
        ("ana@example.com.evil.org", ["@example.com"], False),
        ("eve@evil.org", ["ana@evil.org"], False),
        ("ana@evil.org", ["ana@evil.org"], True),
        ("ana@example.com", [], False),  # an empty list lets nobody in
        ("not an address", ["@example.com"], False),
        ("a@b@example.com", ["@example.com"], False),
        (None, ["@example.com"], False),
    ],
)
def test_the_allow_list(email, allowed, expected) -> None:
    assert email_allowed(email, allowed) is expected


def _cli(stdin: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mot", "password-hash", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_the_command_prints_a_hash_of_the_password_on_standard_input() -> None:
    done = _cli("a long team password\n")
    assert done.returncode == 0, done.stderr
    printed = done.stdout.strip()
    assert check_password("a long team password", printed)
    assert "a long team password" not in done.stdout + done.stderr


def test_the_command_refuses_a_short_or_missing_password() -> None:
    short = _cli("tiny\n", "--lang", "es")
    assert short.returncode == 2 and "al menos 8 caracteres" in short.stderr
    assert not short.stdout
    empty = _cli("")
    assert empty.returncode == 2 and "No password was given" in empty.stderr


def test_the_server_settings_match_the_store_and_survive_a_locked_phone() -> None:
    import tomllib

    from mot.store import DEFAULT_MAX_FILE_MB

    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"]
    assert server["maxUploadSize"] == DEFAULT_MAX_FILE_MB
    assert server["enableXsrfProtection"] is True
    assert server["disconnectedSessionTTL"] >= 300  # a few minutes of a locked screen


# --- the pass (staying signed in) ------------------------------------------------------------

SECRET = "scrypt$16384$8$1$c2FsdA$a2V5"


def test_a_pass_holds_until_it_expires_and_only_for_its_secret() -> None:
    token = make_pass(SECRET, expires=1_000)
    assert pass_valid(token, SECRET, now=999)
    assert not pass_valid(token, SECRET, now=1_000)
    assert not pass_valid(token, SECRET + "x", now=0)  # a new password signs everyone out
    assert SECRET not in token and "c2FsdA" not in token
    assert make_pass(SECRET, expires=1_000) != token  # a fresh nonce each time


def test_the_mac_is_hmac_sha256_of_the_expiry_and_nonce() -> None:
    """Checked against the standard library computed here, not the module's own helper."""
    token = make_pass(SECRET, expires=42)
    version, expires, nonce, mac = token.split(".")
    key = hashlib.sha256(b"mot-pass\x00" + SECRET.encode()).digest()
    digest = hmac.new(key, f"{version}.{expires}.{nonce}".encode(), hashlib.sha256).digest()
    assert mac == base64.urlsafe_b64encode(digest).decode().rstrip("=")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t.replace("v1.", "v2.", 1),
        lambda t: ".".join([*t.split(".")[:1], "9999999999", *t.split(".")[2:]]),  # longer life
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),
        lambda t: t.rsplit(".", 1)[0],
        lambda t: t + ".x",
        lambda t: "",
        lambda t: None,
        lambda t: 12,
        lambda t: t + "A" * 300,
    ],
)
def test_a_tampered_or_malformed_pass_opens_nothing(tamper) -> None:
    token = make_pass(SECRET, expires=10_000)
    assert not pass_valid(tamper(token), SECRET, now=0)


def test_no_secret_no_pass() -> None:
    assert not pass_valid(make_pass(SECRET, expires=10), None, now=0)
    with pytest.raises(MotError):
        make_pass("", expires=10)

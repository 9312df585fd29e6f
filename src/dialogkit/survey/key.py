"""The survey key: a secret outside the workspace, with which response ids are made.

Without it, nothing a resident wrote and no time of submission leads to their id; with
it, importing the same export again gives every response the id it had. It is made on
the first import, on the clerk's machine, and never written inside a workspace.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from dialogkit.errors import UsageError
from dialogkit.layout import SURVEY_KEY_ENV, SURVEY_KEY_FILE_ENV, survey_key_file

KEY_BYTES = 32


def survey_key(root: Path) -> bytes:
    """The key: from $DIALOG_SURVEY_KEY, else from the key file, which is made when missing."""
    given = os.environ.get(SURVEY_KEY_ENV)
    if given:
        return hashlib.sha256(given.encode("utf-8")).digest()
    path = survey_key_file()
    if path.resolve().is_relative_to(root.resolve()):
        raise UsageError(
            f"the survey key file {path} lies inside the workspace, where it could be committed: "
            f"set {SURVEY_KEY_FILE_ENV} to a path outside it"
        )
    try:
        return _read(path)
    except FileNotFoundError:
        return _new_key(path)


def _read(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the survey key {path}: {exc}") from None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise UsageError(f"the survey key {path} is not {KEY_BYTES * 2} hex digits: restore it from your copy")
    return key


def _new_key(path: Path) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Not files.write_atomic: a secret is created once, readable by its owner alone, and
    # never replaced (O_EXCL), so two imports at once cannot end with different keys.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path)  # made meanwhile by another import
    except OSError as exc:
        raise UsageError(f"cannot write the survey key {path}: {exc}") from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
    return key

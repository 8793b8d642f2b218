"""Where Recall Desk keeps its files: the config file and the data home."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "recall-desk"


def config_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--config``, else ``RECALL_DESK_CONFIG``, else the user config dir's ``config.toml``."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("RECALL_DESK_CONFIG")
    if env:
        return Path(env).expanduser()
    folder = Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    return (folder / "config").with_suffix(".toml")  # "config.toml" reads as a catalogue key


def data_home() -> Path:
    """``RECALL_DESK_HOME``, else the platform's user data dir (history database, logs)."""
    env = os.environ.get("RECALL_DESK_HOME")
    path = (
        Path(env).expanduser()
        if env
        else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    )
    try:
        private_dir(path)
    except OSError:
        pass  # a read-only home: whoever writes there says so
    return path


def history_path() -> Path:
    """The history database in the data home."""
    return (data_home() / "history").with_suffix(".sqlite3")  # (not a literal key look-alike)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if missing; the folder is the user's only (0700).

    History, logs and manifests hold customers' openIds.
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    mode = path.stat().st_mode
    if os.name == "posix" and mode & 0o077:
        path.chmod(mode & 0o700)  # others' access taken away, the owner's never given back
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty if missing, readable and writable by the user only (0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        if os.name == "posix" and os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    return path


def atomic_write(path: Path, data: bytes, *, private: bool = False, suffix: str = ".tmp") -> None:
    """Write ``data`` to ``path`` via a temporary file and rename, so readers never see half.

    With ``private`` the file is created readable by the user only (0600). The temporary
    name is short whatever ``path``'s name (a long CJK name stays under the 255-byte limit)
    and ends in ``suffix``, so a caller can recognise its own leftovers.
    """
    if path.is_dir():  # else os.replace would name the temporary file, not the folder
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{os.getpid()}-{os.urandom(4).hex()}{suffix}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    fd = os.open(tmp, flags, 0o600 if private else 0o644)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

"""Run Ralph's LRS (PyPI `ralph-malph`) on 127.0.0.1 with its `fs` backend, for the xAPI tests.

Usage: ralph_lrs.py PORT  (the data folder and the auth file come from Ralph's own RALPH_* variables).

Five shims for ralph-malph 5.1.0 (see README "Real LRSs in the tests"):
- its fs LRS backend writes with the default operation type INDEX, which refuses to write to a file
  that exists, so every write after the first fails ("Statements bulk indexation failed", 500);
  here it appends to its one JSON-lines file instead;
- its fs `activity` filter compares the parsed IRI object with the stored string, so it never
  matches; here it compares text with text;
- its fs backend appends through a buffered file with no journal, so an LRS killed mid-batch can
  leave a torn last line, on which every later read (and so every later POST) fails with a 500; on
  start the torn tail is cut, as a database's crash recovery would drop an unfinished write (the
  client never got a 200 for that batch, so it sends it again);
- on every read it rewrites its history file (`history.json` in RALPH_APP_DIR) in place, truncating
  it first, so an LRS killed at that moment leaves an empty or half-written history on which every
  later read fails with a 500; here the history is written to a temporary file and renamed over
  the old one, and on start a history that is not valid JSON is set aside (it is Ralph's log of
  reads and holds no statements);
- `runserver` starts uvicorn with reload on, watching the current folder; uvicorn is started here
  directly, without the reloader, bound to 127.0.0.1 only.
"""

import json
import os
import sys
import tempfile

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.mixins import HistoryMixin
from ralph.backends.lrs.fs import FSLRSBackend
from ralph.conf import settings

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

_by_activity = FSLRSBackend._add_filter_by_activity


def _by_activity_text(filters, object_id, related):
    text = str(getattr(object_id, "root", object_id)) if object_id else object_id
    _by_activity(filters, text, related)


FSLRSBackend._add_filter_by_activity = staticmethod(_by_activity_text)


def write_history_atomically(self, history):
    """Write the history beside itself, then rename it over the old one (never a half file)."""
    path = settings.HISTORY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".history-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding=settings.LOCALE_ENCODING) as f:
        json.dump(history, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    self._history = history


HistoryMixin.write_history = write_history_atomically


def set_aside_unreadable_history(path):
    """Rename a history file that is not valid JSON (left by a kill mid-write) out of the way."""
    try:
        with open(path, encoding=settings.LOCALE_ENCODING) as f:
            json.load(f)
    except FileNotFoundError:
        pass
    except ValueError:
        os.replace(path, str(path) + ".unreadable")


def cut_torn_tail(path):
    """Drop a last line that was never finished (no newline at the end of the file)."""
    try:
        with open(path, "rb+") as f:
            data = f.read()
            if data and not data.endswith(b"\n"):
                f.truncate(data.rfind(b"\n") + 1)
    except FileNotFoundError:
        pass


if __name__ == "__main__":
    folder = os.environ.get("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH")
    if folder:
        cut_torn_tail(os.path.join(folder, "fs_lrs.jsonl"))
    set_aside_unreadable_history(settings.HISTORY_FILE)
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")

"""Run Ralph's LRS (PyPI `ralph-malph`) on 127.0.0.1 with its `fs` backend, for the xAPI tests.

Usage: ralph_lrs.py PORT  (the data folder and the auth file come from Ralph's own RALPH_* variables).

Four shims for ralph-malph 5.1.0 (see README "Real LRSs in the tests"):
- its fs LRS backend writes with the default operation type INDEX, which refuses to write to a file
  that exists, so every write after the first fails ("Statements bulk indexation failed", 500);
  here it appends to its one JSON-lines file instead;
- its fs `activity` filter compares the parsed IRI object with the stored string, so it never
  matches; here it compares text with text;
- its fs backend appends through a buffered file with no journal, so an LRS killed mid-batch can
  leave a torn last line, on which every later read (and so every later POST) fails with a 500; on
  start the torn tail is cut, as a database's crash recovery would drop an unfinished write (the
  client never got a 200 for that batch, so it sends it again);
- `runserver` starts uvicorn with reload on, watching the current folder; uvicorn is started here
  directly, without the reloader, bound to 127.0.0.1 only.
"""

import os
import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

_by_activity = FSLRSBackend._add_filter_by_activity


def _by_activity_text(filters, object_id, related):
    text = str(getattr(object_id, "root", object_id)) if object_id else object_id
    _by_activity(filters, text, related)


FSLRSBackend._add_filter_by_activity = staticmethod(_by_activity_text)


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
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")

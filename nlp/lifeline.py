"""Worker processes die with the process that started them.

A ``kill -9`` of ``nianbao annotate -j N`` (or of a service worker) gives its children no
word: loky's workers and the service's engine processes would wait for work forever,
reparented to init, each holding an engine (~140 MB). :func:`die_with_parent` starts a
daemon thread in the child that checks once a ``poll_s`` whether its parent is still the
process that started it, and ends the child at once when it is not. Once the workers are
gone, the resource trackers (loky's, multiprocessing's), whose pipes the workers held open,
see end of file and exit too.

Polling ``os.getppid()`` works on every POSIX system and does not depend on which thread
spawned the child (Linux's PR_SET_PDEATHSIG fires when the *thread* that forked the child
ends, which in a pool's manager thread is not the parent's death).
"""
from __future__ import annotations

import os
import threading
import time

#: How often a worker looks for its parent; a kill is followed within about this long.
POLL_S = 0.5
#: The status an orphaned worker exits with (EX_SOFTWARE would be a lie; this is 'killed').
ORPHAN_STATUS = 137

_started = False


def die_with_parent(parent: int | None = None, poll_s: float = POLL_S) -> bool:
    """Watch this process's parent; end this process when the parent is gone. Call once
    in a child process (later calls do nothing); returns whether a watch was started.

    ``parent``: the pid of the process that started this one, when the caller knows it (a
    pool's initializer is given it): a child still starting up when its parent was killed
    (a spawned process imports for seconds before its initializer runs) finds itself
    already orphaned and ends at once. Without it the parent is taken to be the current
    one, and a process started by init (a container's PID 1) is not watched."""
    global _started
    if _started or not hasattr(os, "getppid"):
        return False
    if parent is not None and os.getppid() != parent:
        os._exit(ORPHAN_STATUS)
    parent = os.getppid() if parent is None else parent
    if parent <= 1:  # started by init itself: nothing to follow
        return False
    _started = True
    threading.Thread(target=_watch, args=(parent, poll_s), name="nianbao-lifeline", daemon=True).start()
    return True


def _watch(parent: int, poll_s: float) -> None:
    while True:
        time.sleep(poll_s)
        if os.getppid() != parent:
            os._exit(ORPHAN_STATUS)

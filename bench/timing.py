"""Small timing and process-measuring helpers shared by the benchmark's measurements."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_ms(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of `action` in milliseconds over `repeat` runs (after one warm-up run)."""
    action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def timed_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def once_s(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


@dataclass(frozen=True)
class ChildRun:
    seconds: float
    peak_mb: float
    output: str
    ready_s: float | None = None  # from starting the process to its first "window ready" line


READY_MARK = "window ready"


# Runs the child's real entry point, then reports the child's own high-water RSS (VmHWM is reset by
# exec, unlike ru_maxrss, which on Linux carries the parent's size over from fork).
_WRAPPER = """
import atexit, runpy, sys
def _peak():
    try:
        with open('/proc/self/status') as status:
            for line in status:
                if line.startswith('VmHWM'):
                    sys.__stderr__.write('PEAK_KB ' + line.split()[1] + '\\n')
    except OSError:
        pass
atexit.register(_peak)
target = sys.argv[1]
sys.argv = sys.argv[1:]
if target == '-m':
    sys.argv = sys.argv[1:]
    runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)
else:
    runpy.run_path(target, run_name='__main__')
"""


def run_child(args: list[str], env_extra: dict[str, str] | None = None) -> ChildRun:
    """Run `python args…` (a script path, or `-m module …`): wall time, its own peak RSS (MB), output, and
    the time from starting the process to its first "window ready" line (seen from outside, so the app
    and the bare window are timed alike, interpreter start-up and imports included)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), **(env_extra or {}))
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", _WRAPPER, *args], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    lines, ready = [], None
    for line in process.stdout:  # the child flushes each line
        if ready is None and line.startswith(READY_MARK):
            ready = time.perf_counter() - start
        lines.append(line)
    errors = process.stderr.read()
    returncode = process.wait()
    seconds = time.perf_counter() - start
    output = "".join(lines) + errors
    if returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({returncode}):\n{output}")
    peaks = [int(line.split()[1]) for line in output.splitlines() if line.startswith("PEAK_KB ")]
    return ChildRun(seconds, peaks[-1] / 1024 if peaks else float("nan"), output, ready)

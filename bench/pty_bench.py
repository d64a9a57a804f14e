#!/usr/bin/python3
"""End-to-end measurements of a terminal program through a pseudo-terminal, for `make bench`.

The program runs in a pty of a fixed size (TERM=xterm-256color, C.UTF-8); everything it writes is read here,
timed, counted, and fed to a VT100 emulator (pyte) so that the screen can be inspected. What each figure means
is written in docs/PERFORMANCE.md. Prints one JSON object.

    pty_bench.py first-frame  --scale NAME -- COMMAND...      time from start to the first complete frame
    pty_bench.py keys         --scale NAME -- COMMAND...      key -> updated frame on the runs list, and more
    pty_bench.py idle         --seconds 60 -- COMMAND...      CPU, peak RSS and bytes/s while idle
    pty_bench.py redraw       -- COMMAND...                   bytes of one full redraw (Ctrl-L)
"""
import argparse
import collections
import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time

import pyte

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Session:
    """A program in a pseudo-terminal of `width` x `height`, its output read and emulated.

    A thread only reads and timestamps what the program writes; the emulator (slow, in Python) is fed from what it
    collected, so that a long redraw being emulated never delays the timestamps of what follows.
    """

    def __init__(self, argv, width, height, env):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
            preexec_fn=lambda: (os.setsid(), fcntl.ioctl(0, termios.TIOCSCTTY, 0)),
        )
        os.close(slave)
        self.fd = master
        self.width, self.height = width, height
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        self.total = 0          # bytes read so far (by the reader thread)
        self.last_arrival = self.started
        self.last_change = None  # arrival time of the last chunk that changed a row other than the header
        self.chunks = collections.deque()
        self.lock = threading.Lock()
        self.closed = False
        self.reader = threading.Thread(target=self._read_loop, daemon=True)
        self.reader.start()

    def _read_loop(self):
        while not self.closed:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.05)
                if not ready:
                    continue
                data = os.read(self.fd, 1 << 16)
            except (OSError, ValueError):
                return
            if not data:
                return
            now = time.monotonic()
            with self.lock:
                self.total += len(data)
                self.last_arrival = now
                self.chunks.append((now, data))

    def drain(self):
        """Feeds the emulator everything read so far; returns whether anything was fed."""
        fed = False
        while True:
            with self.lock:
                if not self.chunks:
                    return fed
                at, data = self.chunks.popleft()
            fed = True
            self.screen.dirty.clear()
            self.stream.feed(data)
            if self.screen.dirty - {0}:
                self.last_change = at

    def pump(self, seconds):
        """Lets the program run for `seconds`, emulating what it writes."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
            self.drain()

    def settle(self, quiet=0.3, limit=10.0):
        """Waits until nothing arrived for `quiet` seconds, counted from now at the earliest (at most `limit`
        seconds), then emulates it all."""
        since = time.monotonic()
        deadline = since + limit
        while time.monotonic() < deadline:
            time.sleep(0.01)
            with self.lock:
                idle = time.monotonic() - max(self.last_arrival, since)
            if idle >= quiet:
                break
        self.drain()

    def wait_for(self, condition, limit):
        """Emulates until `condition(self)` holds; returns the arrival time of the chunk that made it hold."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            while True:
                with self.lock:
                    if not self.chunks:
                        break
                    at, data = self.chunks.popleft()
                self.stream.feed(data)
                if condition(self):
                    return at
            time.sleep(0.002)
        return None

    def send(self, data):
        os.write(self.fd, data)

    def row(self, y):
        return self.screen.display[y]

    def cpu_seconds(self):
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def peak_rss_kib(self):
        for line in open(f"/proc/{self.process.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return None

    def close(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.closed = True
        self.reader.join(timeout=1)
        os.close(self.fd)


def complete(session):
    """A complete frame of the console: both sources fresh in the header, the footer drawn."""
    header = session.row(0)
    return "store ✓" in header and "registry ✓" in header and session.row(session.height - 1).strip() != ""


def first_frame(args, env):
    times, sizes = [], []
    for _ in range(args.repeat):
        session = Session(args.command, args.width, args.height, env)
        try:
            at = session.wait_for(complete, limit=60)
            if at is None:
                raise SystemExit("the console never drew a complete frame:\n" + "\n".join(session.screen.display))
            times.append((at - session.started) * 1000)
            sizes.append(session.total)
        finally:
            session.close()
        time.sleep(0.5)
    return {"first_frame_ms": times, "first_frame_bytes": sizes}


def after_tick():
    """Waits, unless it is already between 0.12 and 0.45 s after a wall-clock second, for the phase 0.15 s after
    one: the console redraws its clock (and any age on screen) once a second, so a key sent then has at least half a
    second to itself."""
    phase = time.time() % 1
    if not 0.12 <= phase <= 0.45:
        time.sleep((1.15 - phase) % 1)


def measure_key(session, key, quiet):
    """Sends `key` just after a clock tick; returns the milliseconds to the last change (beyond the header row) that
    arrived before the next tick, or None when it changed nothing."""
    session.settle(quiet=0.1, limit=5)
    after_tick()
    session.drain()
    session.last_change = None
    sent = time.monotonic()
    session.send(key)
    next_tick = sent + (0.98 - time.time() % 1)
    while time.monotonic() < next_tick:
        time.sleep(0.01)
        with session.lock:
            idle = time.monotonic() - max(session.last_arrival, sent)
        if idle >= quiet:
            break
    session.drain()
    if session.last_change is None or session.last_change < sent or session.last_change >= next_tick:
        return None
    return (session.last_change - sent) * 1000


def keys(args, env):
    """Key -> updated frame on the runs list, the console on a store no one else writes."""
    session = Session(args.command, args.width, args.height, env)
    results = {}
    try:
        if session.wait_for(complete, limit=60) is None:
            raise SystemExit("the console never drew a complete frame")
        quiet = 0.1

        def run(name, key, count, before=None):
            values = []
            for _ in range(count):
                if before:
                    measure_key(session, before, quiet)
                value = measure_key(session, key, quiet)
                if value is not None:
                    values.append(value)
            results[name] = values

        measure_key(session, b"3", quiet)
        run("scroll", b"j", 40)
        measure_key(session, b"g", quiet)
        run("page_down", b" ", 20)
        run("jump_to_end", b"G", 10, before=b"g")
        measure_key(session, b"g", quiet)
        switches = []
        for _ in range(2):
            for screen in b"123456":
                value = measure_key(session, bytes([screen]), quiet)
                if value is not None:
                    switches.append(value)
        results["switch_screen"] = switches
        measure_key(session, b"3", quiet)
        typed = []
        for word in ["hydro", "Tanger", "lot 4"]:
            measure_key(session, b"/", quiet)
            for character in word.encode():
                value = measure_key(session, bytes([character]), quiet)
                if value is not None:
                    typed.append(value)
            measure_key(session, b"\x1b", quiet)
        results["filter_keystroke"] = typed
        run("sort_change", b"s", 16)
    finally:
        session.close()
    return results


def ready_session(args, env):
    """The program started in a pseudo-terminal, its first complete frame drawn (for the console), and warmed up."""
    session = Session(args.command, args.width, args.height, env)
    try:
        if args.ready == "console":
            if session.wait_for(complete, limit=60) is None:
                raise SystemExit("the console never drew a complete frame")
        session.pump(args.warmup)
    except BaseException:
        session.close()
        raise
    return session


def idle(args, env):
    """CPU % of one core, peak RSS and bytes/s over `seconds` with no key pressed, after `warmup` seconds."""
    session = ready_session(args, env)
    try:
        cpu_before, bytes_before, started = session.cpu_seconds(), session.total, time.monotonic()
        session.pump(args.seconds)
        elapsed = time.monotonic() - started
        return {
            "cpu_percent": 100 * (session.cpu_seconds() - cpu_before) / elapsed,
            "bytes_per_second": (session.total - bytes_before) / elapsed,
            "peak_rss_kib": session.peak_rss_kib(),
            "seconds": elapsed,
        }
    finally:
        session.close()


def redraw(args, env):
    """Bytes written for one full redraw: Ctrl-L after the screen settled (the program repaints everything)."""
    session = ready_session(args, env)
    try:
        session.settle(quiet=0.4, limit=10)
        first = session.total
        before = session.total
        session.send(b"\x0c")
        session.settle(quiet=0.4, limit=10)
        return {"redraw_bytes": session.total - before, "startup_bytes": first}
    finally:
        session.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["first-frame", "keys", "idle", "redraw"])
    parser.add_argument("--width", type=int, default=160)
    parser.add_argument("--height", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=10)
    parser.add_argument("--ready", choices=["console", "any"], default="console")
    argv = sys.argv[1:]
    if "--" not in argv:
        parser.error("give the command to run after --")
    split = argv.index("--")
    args = parser.parse_args(argv[:split])
    args.command = argv[split + 1:]
    sys.setswitchinterval(0.0005)
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", COLUMNS=str(args.width),
               LINES=str(args.height))
    modes = {"first-frame": first_frame, "keys": keys, "idle": idle, "redraw": redraw}
    print(json.dumps(modes[args.mode](args, env)))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Runs COMMAND with its stderr on a full pipe, so that its first write to stderr blocks;
once /proc shows it blocked there, runs ACTION, then drains the pipe and lets it go on.

This makes "between two steps of a command" deterministic without a hook in the program:
alignsim merge writes its banner to stderr only after it has checked every shard and
before it reads the first run, so ACTION runs exactly in that window.

Usage: hold_at_first_stderr_write.py ACTION... -- COMMAND...
Exits with COMMAND's exit code; COMMAND's stderr goes to this script's stderr.
"""
import fcntl
import os
import subprocess
import sys
import time

F_SETPIPE_SZ = 1031
WRITE_SYSCALL = {"x86_64": "1", "aarch64": "64"}[os.uname().machine]


def full_pipe():
    """A pipe whose write end blocks: smallest capacity, filled to the brim."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, F_SETPIPE_SZ, 4096)
    flags = fcntl.fcntl(write_end, fcntl.F_GETFL)
    fcntl.fcntl(write_end, fcntl.F_SETFL, flags | os.O_NONBLOCK)
    filled = 0
    try:
        while True:
            filled += os.write(write_end, b"#" * 512)
    except BlockingIOError:
        pass
    fcntl.fcntl(write_end, fcntl.F_SETFL, flags)
    return read_end, write_end, filled


def wait_until_blocked_on_stderr(child):
    deadline = time.monotonic() + 60
    while True:
        with open(f"/proc/{child.pid}/syscall") as f:
            fields = f.read().split()
        if fields[:2] == [WRITE_SYSCALL, "0x2"]:
            return
        if child.poll() is not None:
            sys.exit(f"hold: the command exited ({child.returncode}) before writing to stderr")
        if time.monotonic() > deadline:
            sys.exit(f"hold: the command never blocked writing to stderr ({fields})")
        time.sleep(0.01)


def main():
    split = sys.argv.index("--")
    action, command = sys.argv[1:split], sys.argv[split + 1:]
    read_end, write_end, filled = full_pipe()
    child = subprocess.Popen(command, stderr=write_end, stdout=subprocess.DEVNULL)
    os.close(write_end)
    wait_until_blocked_on_stderr(child)
    subprocess.run(action, check=True)
    data = b""
    while chunk := os.read(read_end, 65536):
        data += chunk
    code = child.wait()
    sys.stderr.buffer.write(data[filled:])
    sys.exit(code)


if __name__ == "__main__":
    main()

"""Re-execute the example notebooks in place, each in a fresh kernel, and store their outputs.

Run from anywhere::

    python examples/run_notebooks.py                          # every examples/*.ipynb
    python examples/run_notebooks.py examples/02_what_if.ipynb
    python examples/run_notebooks.py --check                  # exit 1 if stored outputs are stale

Each notebook runs top to bottom in a new kernel of this Python, with ``examples/`` as
its working folder and this checkout's ``metagraph`` first on the path. The kernel is
offline: an IPython startup file (in a temporary ``IPYTHONDIR``, so no personal
profile changes the outputs) makes every socket connection to another machine fail.
The notebook is rewritten atomically, with volatile metadata (execution timings, the
Python version) removed so that a re-run without changes rewrites nothing. A
notebook with an error is left as it was, and the command exits with status 1.

Needs ``nbclient``, ``nbformat`` and ``ipykernel`` (all in the ``test`` extra).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parent
ROOT = EXAMPLES.parent
KERNEL_NAME = "metagraph-offline"
#: Seconds a single cell may run.
CELL_TIMEOUT = 300

# Runs inside the kernel before the notebook: the loopback interface stays usable (the
# kernel talks to its client over it), every other address raises before any packet leaves.
OFFLINE_STARTUP = '''\
"""Block network access: connecting to, or looking up, any host but this machine fails."""


def _metagraph_block_network():
    import ipaddress
    import socket

    class NetworkBlockedError(OSError):
        """A notebook tried to reach the network; metagraph's notebooks must run offline."""

    def is_local(host):
        if host is None:
            return True
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        host = str(host).split("%")[0].strip("[]")
        if host in ("", "localhost") or host.endswith(".localhost"):
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    def check(address):
        if isinstance(address, tuple) and address and not is_local(address[0]):
            raise NetworkBlockedError(f"network access is blocked while the notebooks run: {address[0]!r}")

    connect, connect_ex, sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto
    getaddrinfo, gethostbyname, gethostbyname_ex = socket.getaddrinfo, socket.gethostbyname, socket.gethostbyname_ex

    def blocked_connect(self, address):
        check(address)
        return connect(self, address)

    def blocked_connect_ex(self, address):
        check(address)
        return connect_ex(self, address)

    def blocked_sendto(self, data, *args):
        check(args[-1] if args else None)
        return sendto(self, data, *args)

    def blocked_getaddrinfo(host, *args, **kwargs):
        check((host,))
        return getaddrinfo(host, *args, **kwargs)

    def blocked_gethostbyname(host):
        check((host,))
        return gethostbyname(host)

    def blocked_gethostbyname_ex(host):
        check((host,))
        return gethostbyname_ex(host)

    socket.socket.connect = blocked_connect
    socket.socket.connect_ex = blocked_connect_ex
    socket.socket.sendto = blocked_sendto
    socket.getaddrinfo = blocked_getaddrinfo
    socket.gethostbyname = blocked_gethostbyname
    socket.gethostbyname_ex = blocked_gethostbyname_ex


_metagraph_block_network()
del _metagraph_block_network
'''


@dataclass
class OfflineKernel:
    """Where a fresh offline kernel comes from: its kernel spec folder and environment."""

    kernel_dirs: list[str]
    env: dict[str, str]


@contextlib.contextmanager
def offline_kernel(*, pythonpath: Path = ROOT) -> Iterator[OfflineKernel]:
    """Provide a kernel spec for this Python, with the network blocked and a clean IPython profile.

    The spec and the profile live in a temporary folder, removed on exit; ``pythonpath``
    goes first on the kernel's ``PYTHONPATH`` (so the checkout's package is the one imported).
    """
    from metagraph._atomic import write_text_atomic

    with tempfile.TemporaryDirectory(prefix="metagraph-kernel-") as tmp:
        home = Path(tmp)
        write_text_atomic(
            home / "kernels" / KERNEL_NAME / "kernel.json",
            json.dumps(
                {
                    # the kernel app warns about plain-TCP loopback transport on every start: noise here
                    "argv": [
                        sys.executable,
                        "-m",
                        "ipykernel_launcher",
                        "-f",
                        "{connection_file}",
                        "--IPKernelApp.log_level=ERROR",
                    ],
                    "display_name": "Python 3 (offline)",
                    "language": "python",
                    "metadata": {"debugger": False},
                }
            ),
        )
        write_text_atomic(home / "ipython" / "profile_default" / "startup" / "00-offline.py", OFFLINE_STARTUP)
        path = os.pathsep.join(p for p in (str(pythonpath), os.environ.get("PYTHONPATH", "")) if p)
        env = {
            **os.environ,
            "PYTHONPATH": path,
            "IPYTHONDIR": str(home / "ipython"),
            # the same hash order on every run, so that outputs do not drift between runs
            "PYTHONHASHSEED": "0",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        }
        yield OfflineKernel([str(home / "kernels")], env)


def execute(nb: Any, *, cwd: Path, kernel: OfflineKernel, timeout: int = CELL_TIMEOUT) -> Any:
    """Run every cell of ``nb`` (a ``nbformat`` notebook, changed in place) in a new kernel; return it.

    Raises
    ------
    nbclient.exceptions.CellExecutionError
        When a cell raises; the message holds the cell and the traceback.
    """
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient

    specs = KernelSpecManager(kernel_dirs=kernel.kernel_dirs)
    manager = AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)
    client = NotebookClient(
        nb,
        km=manager,
        timeout=timeout,
        startup_timeout=120,
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute(env=kernel.env)
    return nb


def strip_volatile(nb: Any) -> Any:
    """Drop what changes from run to run or machine to machine; return ``nb`` (changed in place).

    Execution timings, the Python version and widget state go; consecutive pieces of
    the same stream are joined (how printed text is split into messages depends on timing).
    """
    nb.metadata.pop("widgets", None)
    language = nb.metadata.get("language_info")
    if language is not None:
        language.pop("version", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        if cell.cell_type == "code":
            joined: list[Any] = []
            for output in cell.outputs:
                last = joined[-1] if joined else None
                if (
                    output.output_type == "stream"
                    and last is not None
                    and last.output_type == "stream"
                    and last.name == output.name
                ):
                    last.text += output.text
                else:
                    joined.append(output)
            cell.outputs = joined
    return nb


def notebook_text(nb: Any) -> str:
    """The notebook as saved: validated JSON, one trailing newline."""
    import nbformat

    nbformat.validate(nb)
    return nbformat.writes(nb).rstrip("\n") + "\n"


def run(paths: list[Path], *, check: bool = False, timeout: int = CELL_TIMEOUT) -> int:
    """Execute ``paths`` and store their outputs (or, with ``check``, compare); return the exit status."""
    import nbformat
    from nbclient.exceptions import CellExecutionError

    from metagraph._atomic import write_text_atomic

    status = 0
    with offline_kernel() as kernel:
        for path in paths:
            started = time.perf_counter()
            before = path.read_text(encoding="utf-8")
            nb = nbformat.reads(before, as_version=4)
            try:
                execute(nb, cwd=path.parent, kernel=kernel, timeout=timeout)
            except CellExecutionError as exc:
                print(f"{path.name}: FAILED, left unchanged\n{exc}", file=sys.stderr)
                status = 1
                continue
            after = notebook_text(strip_volatile(nb))
            seconds = time.perf_counter() - started
            if after == before:
                state = "up to date"
            elif check:
                state = "STALE: its stored outputs differ from a fresh run"
                status = 1
            else:
                write_text_atomic(path, after)
                state = "updated"
            print(f"{path.name}: {state} ({seconds:.1f} s, {len(after.encode('utf-8')) / 1e6:.2f} MB)")
    return status


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the notebooks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: every examples/*.ipynb)")
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when a notebook's stored outputs differ from a fresh run",
    )
    parser.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="seconds a cell may run")
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or sorted(EXAMPLES.glob("*.ipynb"))
    missing = [str(p) for p in paths if p.suffix != ".ipynb" or not p.is_file()]
    if missing:
        parser.error(f"not a notebook file: {', '.join(missing)}")
    if not paths:
        print(f"no notebook in {EXAMPLES}")
        return 0
    return run(paths, check=args.check, timeout=args.timeout)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))  # metagraph._atomic from this checkout, installed or not
    sys.exit(main())

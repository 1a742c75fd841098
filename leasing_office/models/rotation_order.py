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


def carry_last_key(previous_keys, previous_last, keys):
    """Where a new day's table starts, so that the order carries on from the previous duty day.

    Return the key the new table treats as having taken the last regular turn: the first
    walk-in of the day then goes to whoever follows, in the previous day's order, the agent
    who had the last regular turn on that day. None means "start at the first seat".

    :param previous_keys: the previous table's keys, in table order
    :param previous_last: key of the last regular turn there (or where it started), or None
    :param keys: the new table's keys, in table order

    The agent after the last turn goes first::

        >>> carry_last_key(["a", "b", "c"], "a", ["a", "b", "c"])
        'a'

    When that agent is not on duty today, the next one in yesterday's order who is goes
    first ("d" here, so the table starts after the seat before "d")::

        >>> carry_last_key(["a", "b", "c", "d"], "b", ["d", "a"])
        'a'
        >>> carry_last_key(["a", "b", "c", "d"], "b", ["a", "d"])
        'a'

    Nothing to carry from means the first seat starts::

        >>> carry_last_key(["a", "b"], None, ["a", "b"]) is None
        True
        >>> carry_last_key([], None, ["a"]) is None
        True
    """
    if previous_last not in previous_keys or not keys:
        return None
    if previous_last in keys:
        return previous_last
    at = previous_keys.index(previous_last)
    following = previous_keys[at + 1 :] + previous_keys[:at]
    first = next((key for key in following if key in keys), None)
    if first is None:
        return None
    return keys[keys.index(first) - 1]

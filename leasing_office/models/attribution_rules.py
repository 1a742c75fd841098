"""Who is credited for a prospect, whatever way it arrives, free of any ORM.

The office's rules (客戶界定), in the order they apply:

* a big account transferred to the key-account department (大客戶部) is received there,
  never by a leasing agent, no turn used;
* a prospect an agent filed (客戶報備) and still protected goes to that agent, no turn used;
* a prospect the office already knows keeps its credit (the agent who first received it,
  or the public pool), no turn used;
* a card or flyer holder goes to the agent on the card, no turn used;
* a leadership referral who never consulted the office is public;
* a prospect front desk receives because nobody in the rotation can is public; front desk
  may only say so when nobody is available, or with a written reason;
* a first-time caller is public when the office says so (a setting);
* anyone else takes the next turn of the day's rotation table.

What is known about the arrival is an :class:`Arrival`; agents are opaque keys::

    >>> decide(Arrival()).attribution, decide(Arrival()).take_turn
    ('rotation', True)
    >>> d = decide(Arrival(known=True, credited="ann"))
    >>> d.attribution, d.agent, d.take_turn, d.returning
    ('returning', 'ann', False, True)
    >>> d = decide(Arrival(known=True, filed_by="bob", credited="bob"))
    >>> d.attribution, d.agent, d.take_turn
    ('filed', 'bob', False)

A transferred big account goes to the key-account department, whoever found it::

    >>> d = decide(Arrival(known=True, credited="ann", transferred=True, key_account="kim"))
    >>> d.attribution, d.agent, d.take_turn, d.rule
    ('key_account', 'kim', False, 'key_account')

A card beats the rotation, leadership makes a new prospect public, a known one keeps its agent::

    >>> decide(Arrival(card_holder="cy")).agent
    'cy'
    >>> decide(Arrival(leadership=True)).attribution
    'leadership'
    >>> decide(Arrival(known=True, credited="ann", leadership=True)).agent
    'ann'

Overflow is refused while an agent is free, unless front desk wrote why::

    >>> decide(Arrival(overflow=True)).rule
    'refused_overflow'
    >>> decide(Arrival(overflow=True, overflow_reason=True)).attribution
    'public'
    >>> decide(Arrival(overflow=True, available=False)).rule
    'overflow'
    >>> decide(Arrival(available=False)).rule
    'refused_nobody'

A first-time caller follows the office's setting::

    >>> decide(Arrival(channel=PHONE)).attribution
    'rotation'
    >>> decide(Arrival(channel=PHONE, phone_first=PUBLIC)).rule
    'phone_public'
"""

from typing import NamedTuple

WALK_IN = "walk_in"
PHONE = "phone"
CHANNELS = (WALK_IN, PHONE)
ROTATION = "rotation"
PUBLIC = "public"
# What the office does with a first-time caller (setting leasing_office.phone_first_caller).
PHONE_POLICIES = (ROTATION, PUBLIC)


class Arrival(NamedTuple):
    """What front desk knows when a prospect walks in or calls."""

    channel: str = WALK_IN
    # A prospect the office already credited (visited, called, or filed by an agent).
    known: bool = False
    # The matched prospect's credited agent; None for the public pool.
    credited: object = None
    # The agent whose filing (客戶報備) still protects the matched prospect.
    filed_by: object = None
    card_holder: object = None
    leadership: bool = False
    overflow: bool = False
    overflow_reason: bool = False
    # Whether an agent of the day's rotation can receive now.
    available: bool = True
    phone_first: str = ROTATION
    # The matched prospect was transferred to the key-account department, and who of the
    # department receives it (None when nobody is named).
    transferred: bool = False
    key_account: object = None


class Decision(NamedTuple):
    """Who is credited, whether a rotation turn is used, and the rule that decided it.

    ``attribution`` is None when the arrival is refused; ``rule`` then says why.
    """

    attribution: str | None
    agent: object = None
    take_turn: bool = False
    returning: bool = False
    rule: str = ""


def decide(arrival):
    """Return the :class:`Decision` for ``arrival``."""
    if arrival.known and arrival.transferred:
        return Decision("key_account", arrival.key_account, returning=True, rule="key_account")
    if arrival.known and arrival.filed_by is not None:
        return Decision("filed", arrival.filed_by, rule="filed")
    if arrival.known:
        rule = "returning" if arrival.credited is not None else "returning_public"
        return Decision("returning", arrival.credited, returning=True, rule=rule)
    if arrival.card_holder is not None:
        return Decision("card", arrival.card_holder, rule="card")
    if arrival.leadership:
        return Decision("leadership", rule="leadership")
    if arrival.overflow:
        if arrival.available and not arrival.overflow_reason:
            return Decision(None, rule="refused_overflow")
        return Decision(PUBLIC, rule="overflow")
    if arrival.channel == PHONE and arrival.phone_first == PUBLIC:
        return Decision(PUBLIC, rule="phone_public")
    if not arrival.available:
        return Decision(None, rule="refused_nobody")
    return Decision(ROTATION, take_turn=True, rule="rotation")

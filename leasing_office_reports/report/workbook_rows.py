"""The rows of the office's workbooks: small typed records, free of any ORM.

``leasing.report.figures`` fills them, ``workbook_writer`` lays them out; a selection value
is kept as its key (the writer shows the field's translated label). Each row is a tuple too,
so a sheet writes it cell by cell in the order of its fields.
"""

from typing import NamedTuple


class VisitRow(NamedTuple):
    agent: str
    kind: str  # attribution type key, "" for the public pool
    visits: int
    first_visits: int


class DayRow(NamedTuple):
    day: object
    visits: int
    first_visits: int


class AgentCount(NamedTuple):
    agent: str
    count: int


class DepositRow(NamedTuple):
    agent: str
    count: int
    amount: float


class ComplianceRow(NamedTuple):
    agent: str
    form: str  # the compliance analysis' form type key
    forms: int
    done: int
    late: int
    incomplete: int
    not_started: int
    inaccurate: int
    not_done: int


class CallRow(NamedTuple):
    agent: str
    days_short: int
    called: int
    target: int
    short: int


class TargetRow(NamedTuple):
    member: str
    period_type: str  # key
    date_from: object
    date_to: object
    target: int
    actual: int
    rate: float


class NoteRow(NamedTuple):
    item: str
    value: int


class Funnel(NamedTuple):
    leads: int
    followed: int
    deposits: int
    signed: int
    days_to_followup: float
    days_to_deposit: float
    days_to_sign: float


class VisitLogRow(NamedTuple):
    visited_at: str  # office wall-clock time, to the minute
    prospect: str
    visit_kind: str  # key
    attribution: str  # key, "" for the public pool
    received_by: str
    credited: str  # "" for the public pool
    registered_by: str
    state: str  # key


class RegistrationRow(NamedTuple):
    left_at: str  # office wall-clock time, to the minute
    prospect: str
    agent: str
    business_type: str
    desired_area: float
    compliance: str  # key


class FollowupRow(NamedTuple):
    planned_date: object
    agent: str
    prospect: str
    purpose: str
    result: str


class ContractRow(NamedTuple):
    signed_date: object
    number: str
    prospect: str
    unit: str
    agent: str  # "" for the public pool
    claim: str  # "" without a claim


class CommissionRow(NamedTuple):
    person: str
    kind: str  # key
    month: object
    contracts: int
    target: int
    rate: float
    factor: float
    amount: float
    approval: str  # key

from datetime import date, datetime

from odoo.tests import freeze_time, tagged

from ..models import office_clock
from .common import LeasingOfficeCase

DECEMBER_1 = date(2026, 12, 1)
# 01:30 and 07:30 on 1 December in Shanghai are still 30 November in UTC.
AT_0130 = datetime(2026, 11, 30, 17, 30)
AT_0730 = datetime(2026, 11, 30, 23, 30)


@tagged("post_install", "-at_install", "leasing_office_days")
class TestOfficeDays(LeasingOfficeCase):
    """Names, last contacts and the reconciliation speak of the office's day and time
    (Asia/Shanghai here), not of UTC: 01:30 and 07:30 on 1 December are 1 December."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Shanghai"
        cls.rotation.date = DECEMBER_1

    def register_at(self, moment, phone):
        with freeze_time(moment):
            return self.register(contact_name=phone, phone=phone)

    def test_office_clock_dates_of_a_utc_moment(self):
        self.assertEqual(office_clock.office_date(self.env, AT_0130), DECEMBER_1)
        self.assertEqual(office_clock.office_date(self.env, AT_0730), DECEMBER_1)
        self.assertFalse(office_clock.office_date(self.env, False))
        self.assertEqual(
            office_clock.office_day_bounds(self.env, DECEMBER_1, date(2026, 12, 31)),
            (datetime(2026, 11, 30, 16, 0), datetime(2026, 12, 31, 16, 0)),
        )
        self.assertEqual(
            office_clock.office_moment(self.env, AT_0730), datetime(2026, 12, 1, 7, 30)
        )

    def test_visit_names_show_office_time(self):
        early = self.register_at(AT_0130, "13800061001")
        morning = self.register_at(AT_0730, "13800061002")
        self.assertEqual(early.visit_id.name, "13800061001 · 2026-12-01 01:30:00")
        self.assertEqual(morning.visit_id.name, "13800061002 · 2026-12-01 07:30:00")

    def test_form_names_show_office_time(self):
        """A registration and a field-visit plan at 01:30 on 1 December are named for that day."""
        lead = self.register_at(AT_0130, "13800061006").lead_id
        registration = (
            self.env["leasing.visitor.registration"]
            .with_user(self.agent1)
            .create({"lead_id": lead.id, "visit_end": AT_0130})
        )
        self.assertEqual(registration.name, "13800061006 · 2026-12-01 01:30:00")
        plan = (
            self.env["leasing.field.visit.plan"]
            .with_user(self.agent1)
            .create({"departure": AT_0130})
        )
        self.assertEqual(plan.name, "Field visits agent1 2026-12-01")

    def test_last_contact_is_the_office_day(self):
        lead = self.register_at(AT_0130, "13800061003").lead_id
        self.assertEqual(lead.last_contact_date, DECEMBER_1)
        lead = self.register_at(AT_0730, "13800061004").lead_id
        self.assertEqual(lead.last_contact_date, DECEMBER_1)

    def test_dispute_name_is_the_office_day(self):
        lead = self.register_at(AT_0730, "13800061005").lead_id
        dispute = (
            self.env["leasing.attribution.dispute"]
            .with_user(self.agent2)
            .create({"lead_id": lead.id, "claimed_user_id": self.agent2.id, "reason": "Mine"})
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE leasing_attribution_dispute SET create_date = %s WHERE id = %s",
            [AT_0130, dispute.id],
        )
        dispute.invalidate_recordset(["create_date"])
        self.env.add_to_compute(dispute._fields["name"], dispute)
        self.assertEqual(dispute.name, "Dispute raised by agent2 on 2026-12-01")

    def test_claim_issued_that_morning_is_not_open_from_an_earlier_day(self):
        """A claim issued at 07:30 on the reconciled day is that day's, not the day before's."""
        unit = self.env["leasing.unit"].create({"code": "OD-1"})
        lead = self.env["crm.lead"].create({"name": "Morning claim", "user_id": self.agent1.id})
        claim = (
            self.env["leasing.contract.claim"]
            .with_user(self.agent1)
            .create({"contract_number": "OD-1", "lead_id": lead.id, "unit_id": unit.id})
        )
        with freeze_time(AT_0730):
            claim.with_user(self.agent1).action_submit()
            claim.with_user(self.frontdesk).action_issue()
        self.assertEqual(claim.issued_at, AT_0730)
        Reconciliation = self.env["leasing.contract.reconciliation"].with_user(self.frontdesk)
        rec = Reconciliation.create({"date": DECEMBER_1})
        rec.action_reconcile()
        self.assertFalse(rec.line_ids.filtered(lambda line: line.claim_id == claim))
        rec_next = Reconciliation.create({"date": date(2026, 12, 2)})
        rec_next.action_reconcile()
        self.assertEqual(
            rec_next.line_ids.filtered(lambda line: line.claim_id == claim).kind, "claim_open"
        )
        # The day before (30 November, its UTC day) does not see it at all.
        rec_before = Reconciliation.create({"date": date(2026, 11, 30)})
        rec_before.action_reconcile()
        self.assertFalse(rec_before.line_ids.filtered(lambda line: line.claim_id == claim))

    def test_default_dates_are_the_office_day_not_the_users(self):
        """At 07:30 on 1 December in the office, a user whose own timezone is UTC still gets
        1 December as the default date of every form (his own day is 30 November)."""
        self.agent1.tz = "UTC"
        self.frontdesk.tz = "UTC"
        with freeze_time(AT_0730):
            for user, model, field in [
                (self.agent1, "leasing.followup.plan", "plan_date"),
                (self.agent1, "leasing.signing.plan", "deposit_date"),
                (self.frontdesk, "leasing.contract.reconciliation", "date"),
                (self.manager, "leasing.contract", "signed_date"),
            ]:
                with self.subTest(model=model):
                    defaults = self.env[model].with_user(user).default_get([field])
                    self.assertEqual(defaults[field], DECEMBER_1)
            pickup = (
                self.env["leasing.contract.claim"]
                .with_user(self.agent1)
                .default_get(["pickup_at"])["pickup_at"]
            )
        self.assertEqual(office_clock.office_date(self.env, pickup), DECEMBER_1)

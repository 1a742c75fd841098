import uuid
from datetime import date

from odoo import api
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..models import office_clock
from .common import LeasingOfficeCase
from .common_concurrency import LeasingConcurrencyCase


@tagged("post_install", "-at_install", "leasing_targets")
class TestLeasingUnit(LeasingOfficeCase):
    """招商方案: a unit is reserved by one signing plan at a time and signed once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["leasing.unit"].create({"code": "U-1", "area": 80, "rent_standard": 12})
        cls.lead1 = cls.env["crm.lead"].create({"name": "First", "user_id": cls.agent1.id})
        cls.lead2 = cls.env["crm.lead"].create({"name": "Second", "user_id": cls.agent2.id})

    def plan(self, lead, user=None):
        return (
            self.env["leasing.signing.plan"]
            .with_user(user or self.agent1)
            .create(
                {
                    "lead_id": lead.id,
                    "deposit_amount": 1000,
                    "planned_signing_date": date(2030, 1, 1),
                    "unit_ids": [(6, 0, self.unit.ids)],
                }
            )
        )

    def test_open_signing_plan_reserves_the_unit(self):
        plan = self.plan(self.lead1)
        self.assertEqual((self.unit.state, self.unit.reservation_plan_id), ("reserved", plan))

    def test_unit_cannot_be_reserved_twice(self):
        self.plan(self.lead1)
        with self.assertRaisesRegex(ValidationError, "already reserved"):
            self.plan(self.lead2, self.agent2)

    def test_cancelling_the_plan_releases_the_unit(self):
        plan = self.plan(self.lead1)
        plan.with_user(self.manager).action_cancel()
        self.assertEqual(self.unit.state, "available")
        self.plan(self.lead2, self.agent2)

    def test_signing_closes_the_plan_and_unit_is_signed_once(self):
        plan = self.plan(self.lead1)
        self.env["leasing.contract"].create(
            {"contract_number": "U-C1", "lead_id": self.lead1.id, "unit_id": self.unit.id}
        )
        self.assertEqual((plan.state, self.unit.state), ("signed", "signed"))
        self.assertFalse(self.unit.reservation_plan_id)
        with self.assertRaisesRegex(ValidationError, "already signed"):
            self.env["leasing.contract"].create(
                {"contract_number": "U-C2", "lead_id": self.lead2.id, "unit_id": self.unit.id}
            )

    def test_unit_reserved_for_someone_else_cannot_be_signed(self):
        self.plan(self.lead1)
        with self.assertRaisesRegex(ValidationError, "reserved for"):
            self.env["leasing.contract"].create(
                {"contract_number": "U-C3", "lead_id": self.lead2.id, "unit_id": self.unit.id}
            )

    def test_floor_plan_groups_units_by_floor(self):
        view = self.env.ref("leasing_office.leasing_unit_view_kanban")
        self.assertIn('default_group_by="floor"', view.arch_db)


@tagged("post_install", "-at_install", "leasing_concurrency")
class TestUnitReservationConcurrency(LeasingConcurrencyCase):
    """Two agents reserving the same unit at the same instant, on two real cursors."""

    def setUp(self):
        super().setUp()
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self.unit_id = env["leasing.unit"].create({"code": f"CC-{tag}"}).id
            self.lead_ids = env["crm.lead"].create([{"name": f"CC {tag} {i}"} for i in (1, 2)]).ids
        self.addCleanup(self.cleanup)

    def cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "UPDATE leasing_unit SET reservation_plan_id = NULL WHERE id = %s", [self.unit_id]
            )
            cr.execute(
                "DELETE FROM leasing_signing_plan WHERE lead_id IN %s", [tuple(self.lead_ids)]
            )
            cr.execute("DELETE FROM leasing_unit WHERE id = %s", [self.unit_id])
            cr.execute("DELETE FROM crm_lead WHERE id IN %s", [tuple(self.lead_ids)])

    def reserve(self, env, lead_id):
        today = office_clock.office_today(env)  # not the UTC day: after 16:00 UTC it differs
        env["leasing.signing.plan"].create(
            {
                "lead_id": lead_id,
                "deposit_amount": 100,
                "deposit_date": today,
                "planned_signing_date": today,
                "unit_ids": [(6, 0, [self.unit_id])],
            }
        )
        return "reserved"

    def test_simultaneous_reservations_keep_one(self):
        outcome = self.race(
            lambda env: self.reserve(env, self.lead_ids[0]),
            lambda env: self.reserve(env, self.lead_ids[1]),
        )
        self.assertIsInstance(outcome["second"], ValidationError)
        self.assertIn("already reserved", str(outcome["second"]))
        self.assertEqual(outcome["retries"], 1)
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM leasing_signing_plan WHERE lead_id IN %s",
                [tuple(self.lead_ids)],
            )
            self.assertEqual(cr.fetchone()[0], 1)

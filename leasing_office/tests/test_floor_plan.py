from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged

from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_targets")
class TestFloorPlan(LeasingOfficeCase):
    """The floor plan: units on their grid per building and floor, coloured by status."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Unit = cls.env["leasing.unit"]

        def unit(code, floor, row, col, **vals):
            return Unit.create(
                {
                    "code": code,
                    "building": "FP",
                    "floor": floor,
                    "plan_row": row,
                    "plan_col": col,
                    "area": 100,
                    "rent_standard": 150,
                    **vals,
                }
            )

        cls.vacant = unit("FP-101", "1", 1, 1, zone="东区", business_type="餐饮", plan_width=2)
        cls.reserved = unit("FP-102", "1", 1, 3, zone="东区", business_type="服装")
        cls.signed = unit("FP-103", "1", 2, 4, zone="西区", business_type="餐饮", area=80.5)
        unit("FP-1001", "10", 1, 1)
        unit("FP-B101", "B1", 1, 1)
        unit("FP-201", "2", 1, 1)
        lead1 = cls.env["crm.lead"].create({"name": "Reserving", "user_id": cls.agent1.id})
        lead2 = cls.env["crm.lead"].create({"name": "Signing", "user_id": cls.agent1.id})
        cls.env["leasing.signing.plan"].with_user(cls.agent1).create(
            {
                "lead_id": lead1.id,
                "deposit_amount": 1000,
                "planned_signing_date": date(2030, 1, 1),
                "unit_ids": [(6, 0, cls.reserved.ids)],
            }
        )
        cls.env["leasing.contract"].create(
            {"contract_number": "FP-C1", "lead_id": lead2.id, "unit_id": cls.signed.id}
        )

    def plan(self, user=None, **filters):
        Unit = self.env["leasing.unit"].with_user(user or self.agent2)
        return Unit.get_floor_plan(building="FP", **filters)

    def cells(self, plan):
        return {cell["code"]: cell for cell in plan["units"]}

    def test_floor_plan_places_units_on_their_grid_with_status(self):
        plan = self.plan(floor="1")
        cells = self.cells(plan)
        self.assertEqual(set(cells), {"FP-101", "FP-102", "FP-103"})
        self.assertEqual(
            [(cells[c]["row"], cells[c]["col"], cells[c]["width"]) for c in sorted(cells)],
            [(1, 1, 2), (1, 3, 1), (2, 4, 1)],
        )
        self.assertEqual(
            {code: cell["state"] for code, cell in cells.items()},
            {"FP-101": "available", "FP-102": "reserved", "FP-103": "signed"},
        )
        self.assertEqual((cells["FP-103"]["area"], cells["FP-103"]["rent"]), (80.5, 150))
        self.assertEqual(plan["cols"], 4)
        counts = {state["key"]: state["count"] for state in plan["states"]}
        self.assertEqual(counts, {"available": 1, "reserved": 1, "signed": 1})

    def test_floor_plan_floors_in_building_order_first_floor_by_default(self):
        plan = self.plan()
        self.assertEqual(plan["floors"], ["B1", "1", "2", "10"])
        self.assertEqual(plan["floor"], "B1")
        self.assertEqual([cell["code"] for cell in plan["units"]], ["FP-B101"])

    def test_floor_plan_filters_by_zone_and_business_type(self):
        plan = self.plan(floor="1", zone="东区")
        self.assertEqual(set(self.cells(plan)), {"FP-101", "FP-102"})
        self.assertEqual(plan["zones"], ["东区", "西区"])
        plan = self.plan(floor="1", business_type="餐饮")
        self.assertEqual(set(self.cells(plan)), {"FP-101", "FP-103"})
        plan = self.plan(floor="1", zone="西区", business_type="服装")
        self.assertEqual(plan["units"], [])
        self.assertEqual(plan["business_types"], ["服装", "餐饮"])

    def test_floor_plan_unknown_building_falls_back_to_a_real_one(self):
        plan = self.env["leasing.unit"].with_user(self.agent2).get_floor_plan(building="NOPE")
        self.assertIn(plan["building"], plan["buildings"])
        self.assertIn("FP", plan["buildings"])

    def test_floor_plan_readable_by_front_desk_and_any_internal_user(self):
        for user in (self.frontdesk, self.clerk):
            self.assertEqual(len(self.plan(user, floor="1")["units"]), 3)


@tagged("post_install", "-at_install", "leasing_tour")
class TestFloorPlanTour(HttpCase):
    """The floor plan in headless Chromium: cells coloured by status, a zone filter, a click."""

    def test_floor_plan_tour(self):
        agent = new_test_user(
            self.env,
            "plan_agent",
            "leasing_office.group_leasing_agent",
            context={"no_reset_password": True},
        )
        Unit = self.env["leasing.unit"]
        # Building "0" sorts before the demo buildings: the plan opens on it.
        Unit.create({"code": "0-101", "building": "0", "floor": "1", "zone": "东区"})
        reserved = Unit.create(
            {"code": "0-102", "building": "0", "floor": "1", "zone": "西区", "plan_col": 2}
        )
        lead = self.env["crm.lead"].create({"name": "Plan Tour", "user_id": agent.id})
        self.env["leasing.signing.plan"].with_user(agent).create(
            {
                "lead_id": lead.id,
                "deposit_amount": 1000,
                "planned_signing_date": date(2030, 1, 1),
                "unit_ids": [(6, 0, reserved.ids)],
            }
        )
        self.start_tour(
            "/odoo/leasing-floor-plan", "leasing_office_floor_plan_tour", login="plan_agent"
        )

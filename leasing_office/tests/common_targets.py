from datetime import date

from .common import LeasingOfficeCase

MONTH = date(2026, 3, 1)


class LeasingTargetsCase(LeasingOfficeCase):
    """A month with units, prospects credited to agents and one public-pool prospect."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lead = cls.env["crm.lead"]
        cls.units = cls.env["leasing.unit"].create(
            [{"code": f"T-{index}", "area": 100, "rent_standard": 10} for index in range(1, 9)]
        )
        cls.lead1 = Lead.create({"name": "Agent1 prospect"})
        cls.lead2 = Lead.create({"name": "Agent2 prospect"})
        cls.public_lead = Lead.create({"name": "Public prospect"})
        cls.lead1._leasing_set_attribution("rotation", cls.agent1, "test")
        cls.lead2._leasing_set_attribution("rotation", cls.agent2, "test")
        cls.public_lead._leasing_set_attribution("public", cls.env["res.users"], "test")

    def new_plan(self, contracts=(2, 2), dept=4, **vals):
        return (
            self.env["leasing.target.plan"]
            .with_user(self.manager)
            .create(
                {
                    "date_from": MONTH,
                    "target_contracts": dept,
                    "line_ids": [
                        (0, 0, {"user_id": agent.id, "target_contracts": count})
                        for agent, count in zip((self.agent1, self.agent2), contracts, strict=True)
                    ],
                    **vals,
                }
            )
        )

    def approve(self, plan):
        plan.with_user(self.manager).action_request_approval()
        plan.with_user(self.leader).action_approve()
        return plan

    def sign(self, lead, unit, day=date(2026, 3, 10)):
        return self.env["leasing.contract"].create(
            {
                "contract_number": f"C-{unit.code}",
                "lead_id": lead.id,
                "unit_id": unit.id,
                "signed_date": day,
            }
        )

import json

from .common import LeasingOfficeCase

UNSEEN = "You can only act on or refer to prospects you can see"


class LeasingRulesCase(LeasingOfficeCase):
    """agent1's prospect, with a visit, a rotation turn and a signed contract, that agent2,
    key accounts and a plain internal user must not learn anything about."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        wizard = (
            cls.env["leasing.walkin.register"]
            .with_user(cls.frontdesk)
            .create({"partner_name": "Jade Lantern Teahouse", "phone": "13800021000"})
        )
        wizard.action_register()
        cls.lead = wizard.with_env(cls.env).lead_id
        cls.turn = cls.lead.visit_ids.turn_id
        cls.unit = cls.env["leasing.unit"].create({"code": "RULES-1", "floor": "1", "area": 50})
        cls.contract = (
            cls.env["leasing.contract"]
            .with_user(cls.frontdesk)
            .create({"contract_number": "RULES-C1", "lead_id": cls.lead.id, "unit_id": cls.unit.id})
            .with_env(cls.env)
        )

    def assert_name_hidden(self, records):
        """Nothing ``records`` show their user names agent1's prospect."""
        shown = json.dumps(records.read(), default=str)
        self.assertNotIn(self.lead.name, shown)

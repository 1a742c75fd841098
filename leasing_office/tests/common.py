from odoo import fields
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.leasing_office.models import office_clock


class LeasingOfficeCase(TransactionCase):
    """Users and today's rotation table shared by the leasing office tests.

    ============  ======================  ==================================
    user          group                   role in the tests
    ============  ======================  ==================================
    frontdesk     Front Desk              registers walk-ins, keeps the table
    agent1..4     Leasing Agent           on duty today, in this order
    agent5        Leasing Agent           not on duty today
    manager       Leasing Manager         changes attribution, settles disputes
    leader        Leadership              sees everything
    keyaccount    Key Account             receives transferred big accounts
    clerk         Internal User only      no leasing role
    ============  ======================  ==================================
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.leasing_phone_region = "CN"
        ctx = {"no_reset_password": True}

        def user(login, group):
            return new_test_user(
                cls.env, login=f"lo_{login}", name=login, groups=group, context=ctx
            )

        cls.frontdesk = user("frontdesk", "leasing_office.group_leasing_frontdesk")
        cls.agents = cls.env["res.users"].union(
            *(user(f"agent{i}", "leasing_office.group_leasing_agent") for i in range(1, 6))
        )
        cls.agent1, cls.agent2, cls.agent3, cls.agent4, cls.agent5 = cls.agents
        cls.manager = user("manager", "leasing_office.group_leasing_manager")
        cls.leader = user("leader", "leasing_office.group_leasing_leader")
        cls.keyaccount = user("keyaccount", "leasing_office.group_leasing_keyaccount")
        cls.clerk = user("clerk", "base.group_user")
        cls.env.ref("leasing_office.crm_team_key_account").user_id = cls.keyaccount
        # Demo data may hold a table for today already: the tests bring their own.
        today = office_clock.office_today(cls.env)
        cls.env["leasing.rotation"].search([("date", "=", today)]).date = "2000-01-01"
        cls.rotation = cls.env["leasing.rotation"].create(
            {
                "date": today,
                "line_ids": [
                    fields.Command.create({"user_id": agent.id, "sequence": index})
                    for index, agent in enumerate(cls.agents[:4], start=1)
                ],
            }
        )
        cls.line1, cls.line2, cls.line3, cls.line4 = cls.rotation.line_ids

    def register(self, user=None, **vals):
        """Register a walk-in as ``user`` (front desk by default); return the wizard."""
        vals.setdefault("contact_name", "Prospect")
        wizard = self.env["leasing.walkin.register"].with_user(user or self.frontdesk).create(vals)
        wizard.action_register()
        return wizard.with_env(self.env)

    def set_status(self, line, status):
        line.with_user(self.frontdesk).status = status

    @classmethod
    def transfer_big_account(cls, lead, **criteria):
        """Register ``lead`` as a big account as its credited agent, have the manager
        approve and transfer it; return the registration."""
        criteria = criteria or {"area_wanted": 5000.0}
        registration = (
            cls.env["leasing.big.account"]
            .with_user(lead.attributed_user_id)
            .create({"lead_id": lead.id, **criteria})
        )
        registration.action_request_approval()
        registration.with_user(cls.manager).action_approve()
        registration.with_user(cls.manager).action_transfer()
        return registration.with_env(cls.env)

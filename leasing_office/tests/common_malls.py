from odoo import fields
from odoo.tests import new_test_user

from odoo.addons.leasing_office.models import office_clock

from .common import LeasingOfficeCase


class TwoMallsCase(LeasingOfficeCase):
    """Several malls, each a company with its own leasing office.

    Mall A is the main company of the shared users (its table: agent1..agent4); mall B has
    its own front desk, its own agent (agent_b) and agent1, who works in both malls and is
    first in mall B's table. The manager works in mall A only; leadership in both.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mall_a = cls.env.company
        cls.mall_b = cls.env["res.company"].create({"name": "Mall B"})
        ctx = {"no_reset_password": True}

        def mall_b_user(login, group):
            return new_test_user(
                cls.env,
                login=f"lo_b_{login}",
                name=f"{login} B",
                groups=group,
                company_id=cls.mall_b.id,
                company_ids=[fields.Command.set(cls.mall_b.ids)],
                context=ctx,
            )

        cls.frontdesk_b = mall_b_user("frontdesk", "leasing_office.group_leasing_frontdesk")
        cls.agent_b = mall_b_user("agent", "leasing_office.group_leasing_agent")
        cls.manager_b = mall_b_user("manager", "leasing_office.group_leasing_manager")
        # agent1 and leadership work in both malls.
        (cls.agent1 | cls.leader).company_ids = [fields.Command.link(cls.mall_b.id)]
        today = office_clock.office_today(cls.env)
        cls.rotation_b = cls.env["leasing.rotation"].create(
            {
                "date": today,
                "company_id": cls.mall_b.id,
                "line_ids": [
                    fields.Command.create({"user_id": cls.agent1.id, "sequence": 1}),
                    fields.Command.create({"user_id": cls.agent_b.id, "sequence": 2}),
                ],
            }
        )
        cls.line_b1, cls.line_b2 = cls.rotation_b.line_ids

    def register_b(self, **vals):
        return self.register(user=self.frontdesk_b, **vals)

    def turns(self, rotation):
        return [line.turn_count for line in rotation.line_ids]

    def in_malls(self, user, *malls):
        """``user``'s environment with ``malls`` picked in the company switcher (without it,
        Odoo allows every company of the user)."""
        return self.env(user=user, context={"allowed_company_ids": [mall.id for mall in malls]})

    def both_malls(self, user):
        return self.in_malls(user, self.mall_a, self.mall_b)

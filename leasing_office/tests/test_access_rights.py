from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import LeasingOfficeCase


@tagged("post_install", "-at_install", "leasing_access")
class TestAccessRights(LeasingOfficeCase):
    """Roles: agents see their own and (read-only) public prospects; nothing is deleted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        register = cls.env["leasing.walkin.register"].with_user(cls.frontdesk)

        def walk_in(**vals):
            wizard = register.create(vals)
            wizard.action_register()
            return wizard.with_env(cls.env).lead_id

        cls.lead1 = walk_in(contact_name="One", phone="13800010001")
        cls.lead2 = walk_in(contact_name="Two", phone="13800010002")
        cls.public = walk_in(contact_name="Pool", phone="13800010003", overflow=True)

    def test_agent_sees_own_and_public_not_others(self):
        visible = self.env["crm.lead"].with_user(self.agent1).search([])
        self.assertIn(self.lead1, visible)
        self.assertIn(self.public, visible)
        self.assertNotIn(self.lead2, visible)
        with self.assertRaises(AccessError):
            self.lead2.with_user(self.agent1).read(["phone"])

    def test_agent_edits_own_prospect(self):
        self.lead1.with_user(self.agent1).write({"description": "Needs 200 m2 on floor 1"})
        self.assertEqual(self.lead1.description, "<p>Needs 200 m2 on floor 1</p>")

    def test_agent_cannot_edit_public_prospect(self):
        with self.assertRaisesRegex(AccessError, "read-only"):
            self.public.with_user(self.agent1).write({"description": "mine now"})

    def test_agent_sees_only_visits_of_own_prospects(self):
        visits = self.env["leasing.visit"].with_user(self.agent1).search([])
        self.assertEqual(visits.lead_id, self.lead1)

    def test_frontdesk_reads_all_prospects_but_cannot_edit(self):
        visible = self.env["crm.lead"].with_user(self.frontdesk).search([])
        self.assertTrue(self.lead1 | self.lead2 | self.public <= visible)
        with self.assertRaises(AccessError):
            self.lead1.with_user(self.frontdesk).write({"description": "x"})

    def test_agent_cannot_register_walkins(self):
        with self.assertRaises(AccessError):
            self.register(user=self.agent1, phone="13800010009")

    def test_manager_and_leader_see_everything(self):
        for user in (self.manager, self.leader):
            visible = self.env["crm.lead"].with_user(user).search([])
            self.assertTrue(self.lead1 | self.lead2 | self.public <= visible)

    def test_keyaccount_does_not_see_leasing_prospects(self):
        visible = self.env["crm.lead"].with_user(self.keyaccount).search([])
        self.assertFalse(visible & (self.lead1 | self.lead2))

    def test_nobody_deletes_a_visit_or_visited_prospect(self):
        for user in (self.frontdesk, self.manager, self.leader):
            with self.assertRaises(UserError):  # AccessError is a UserError
                self.lead1.visit_ids.with_user(user).unlink()
        sales_admin = self.env.ref("base.user_admin")
        with self.assertRaisesRegex(UserError, "Archive it instead"):
            self.lead1.with_user(sales_admin).unlink()
        self.assertTrue(self.lead1.exists())

    def test_attribution_log_is_read_only(self):
        self.lead1.with_user(self.manager)._leasing_change_attribution(
            self.agent2, "Wrong agent at the desk", "manual"
        )
        log = self.lead1.attribution_log_ids
        with self.assertRaises(AccessError):
            log.with_user(self.manager).write({"reason": "edited"})
        with self.assertRaises(AccessError):
            log.with_user(self.leader).unlink()

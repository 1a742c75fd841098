from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .access_errors import acl_refused, rule_refused
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
        cls.public = walk_in(
            contact_name="Pool", phone="13800010003", overflow=True, overflow_reason="Busy floor"
        )

    def test_agent_sees_own_and_public_not_others(self):
        visible = self.env["crm.lead"].with_user(self.agent1).search([])
        self.assertIn(self.lead1, visible)
        self.assertIn(self.public, visible)
        self.assertNotIn(self.lead2, visible)
        with self.assertRaisesRegex(AccessError, rule_refused("read", "crm.lead")):
            self.lead2.with_user(self.agent1).read(["phone"])

    def test_agent_edits_own_prospect(self):
        self.lead1.with_user(self.agent1).write({"description": "Needs 200 m2 on floor 1"})
        self.assertEqual(self.lead1.description, "<p>Needs 200 m2 on floor 1</p>")

    def test_agent_cannot_edit_public_prospect(self):
        with self.assertRaisesRegex(
            AccessError, r"^Public-pool prospects are read-only for leasing agents\.$"
        ):
            self.public.with_user(self.agent1).write({"description": "mine now"})
        self.assertFalse(self.public.description)

    def test_agent_sees_only_visits_of_own_prospects(self):
        visits = self.env["leasing.visit"].with_user(self.agent1).search([])
        self.assertEqual(visits.lead_id, self.lead1)

    def test_frontdesk_reads_all_prospects_but_cannot_edit(self):
        visible = self.env["crm.lead"].with_user(self.frontdesk).search([])
        self.assertTrue(self.lead1 | self.lead2 | self.public <= visible)
        with self.assertRaisesRegex(AccessError, acl_refused("write", "crm.lead")):
            self.lead1.with_user(self.frontdesk).write({"description": "x"})
        self.assertFalse(self.lead1.description)

    def test_agent_cannot_register_walkins(self):
        leads = self.env["crm.lead"].search_count([])
        turns = self.rotation.line_ids.mapped("turn_count")
        with self.assertRaisesRegex(AccessError, acl_refused("create", "leasing.walkin.register")):
            self.register(user=self.agent1, phone="13800010009")
        self.assertEqual(self.env["crm.lead"].search_count([]), leads)
        self.assertEqual(self.rotation.line_ids.mapped("turn_count"), turns)

    def test_manager_and_leader_see_everything(self):
        for user in (self.manager, self.leader):
            visible = self.env["crm.lead"].with_user(user).search([])
            self.assertTrue(self.lead1 | self.lead2 | self.public <= visible)

    def test_keyaccount_does_not_see_leasing_prospects(self):
        visible = self.env["crm.lead"].with_user(self.keyaccount).search([])
        self.assertFalse(visible & (self.lead1 | self.lead2))

    def test_no_role_may_delete_a_visit(self):
        visit = self.lead1.visit_ids
        self.assertEqual(len(visit), 1)
        for user in (self.frontdesk, self.agent1, self.manager, self.leader, self.keyaccount):
            with self.assertRaisesRegex(AccessError, acl_refused("unlink", "leasing.visit")):
                visit.with_user(user).unlink()
        self.assertTrue(visit.exists())

    def test_visit_is_never_deleted_even_as_superuser(self):
        # sudo() passes the access lists; the unlink guard of the model itself refuses.
        visit = self.lead1.visit_ids
        with self.assertRaisesRegex(
            UserError,
            r"^Visits are never deleted; undo a mistaken registration instead\.$",
        ):
            visit.sudo().unlink()
        self.assertTrue(visit.exists())
        self.assertEqual(self.lead1.visit_ids, visit)

    def test_visited_prospect_is_archived_not_deleted(self):
        sales_admin = self.env.ref("base.user_admin")
        self.assertTrue(sales_admin.has_group("sales_team.group_sale_manager"))
        message = (
            r"^A prospect who visited the leasing office is never deleted\. "
            r"Archive it instead\.$"
        )
        for lead in (self.lead1.with_user(sales_admin), self.lead1.sudo()):
            with self.assertRaisesRegex(UserError, message):
                lead.unlink()
        self.assertTrue(self.lead1.exists())
        self.assertTrue(self.lead1.active)

    def test_attribution_log_is_read_only(self):
        self.lead1.with_user(self.manager)._leasing_change_attribution(
            self.agent2, "Wrong agent at the desk", "manual"
        )
        log = self.lead1.attribution_log_ids
        self.assertEqual(len(log), 1)
        # Written once by the engine: every field is guarded, for every role and under sudo.
        for forger in (log.with_user(self.manager), log.with_user(self.leader).sudo()):
            with self.assertRaisesRegex(AccessError, "can only be changed by the form's own"):
                forger.write({"reason": "edited"})
        with self.assertRaisesRegex(AccessError, acl_refused("unlink", "leasing.attribution.log")):
            log.with_user(self.leader).unlink()
        with self.assertRaisesRegex(AccessError, "never deleted by hand"):
            log.sudo().unlink()
        self.assertEqual(log.reason, "Wrong agent at the desk")
        self.assertEqual(self.lead1.attribution_log_ids, log)

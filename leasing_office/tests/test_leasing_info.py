from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LeasingOfficeCase

NOT_SENDABLE = (
    r"^%s is not approved by leadership \(or was withdrawn\): it cannot be given to "
    r"prospects\.$"
)


@tagged("post_install", "-at_install", "leasing_targets")
class TestLeasingInfo(LeasingOfficeCase):
    """資訊輸出: only leadership-approved versions reach agents and prospects."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.env["crm.lead"].create({"name": "Informed prospect"})
        cls.lead._leasing_set_attribution("rotation", cls.agent1, "test")

    def new_info(self, **vals):
        return (
            self.env["leasing.info"]
            .with_user(self.manager)
            .create({"name": "Rent standard 2026", "category": "rent_standard", **vals})
        )

    def approve(self, info):
        info.with_user(self.manager).action_request_approval()
        info.with_user(self.leader).action_approve()
        return info

    def give(self, info, user=None):
        return (
            self.env["leasing.info.sent"]
            .with_user(user or self.agent1)
            .create({"lead_id": self.lead.id, "info_id": info.id})
        )

    def test_draft_is_invisible_to_agents_and_cannot_be_given(self):
        draft = self.new_info()
        self.assertNotIn(draft, self.env["leasing.info"].with_user(self.agent1).search([]))
        with self.assertRaisesRegex(UserError, NOT_SENDABLE % "Rent standard 2026 v1"):
            self.give(draft)
        self.assertFalse(self.lead.info_sent_ids)

    def test_approved_version_is_given_and_recorded(self):
        info = self.approve(self.new_info())
        self.assertIn(info, self.env["leasing.info"].with_user(self.agent1).search([]))
        wizard = (
            self.env["leasing.info.send"]
            .with_user(self.agent1)
            .create({"lead_id": self.lead.id, "info_ids": [(6, 0, info.ids)]})
        )
        wizard.action_send()
        sent = self.lead.info_sent_ids
        self.assertEqual((sent.info_id, sent.version, sent.sent_by_id), (info, 1, self.agent1))
        self.assertIn("Rent standard 2026", self.lead.message_ids[0].body)

    def test_withdrawn_version_disappears(self):
        info = self.approve(self.new_info())
        with self.assertRaisesRegex(UserError, r"^Only leadership withdraws information\.$"):
            info.with_user(self.manager).action_withdraw()
        self.assertEqual((info.withdrawn, info.is_sendable), (False, True))
        self.assertIn(info, self.env["leasing.info"].with_user(self.agent1).search([]))
        info.with_user(self.leader).action_withdraw()
        self.assertNotIn(info, self.env["leasing.info"].with_user(self.agent1).search([]))
        with self.assertRaisesRegex(UserError, NOT_SENDABLE % "Rent standard 2026 v1"):
            self.give(info)
        self.assertFalse(self.lead.info_sent_ids)

    def test_new_version_replaces_the_old_once_approved(self):
        info = self.approve(self.new_info())
        action = info.with_user(self.manager).action_new_version()
        new = self.env["leasing.info"].browse(action["res_id"])
        self.assertEqual(new.version, 2)
        self.assertTrue(info.is_sendable)
        self.approve(new)
        self.assertFalse(info.is_sendable)
        self.assertEqual(self.give(new).version, 2)

    def test_only_leadership_approves_information(self):
        info = self.new_info()
        info.with_user(self.manager).action_request_approval()
        with self.assertRaisesRegex(UserError, r"^Only .+ approves this form\.$"):
            info.with_user(self.manager).action_approve()
        self.assertEqual(
            (info.approval_state, info.approver_id), ("to_approve", self.env["res.users"])
        )
        self.assertFalse(info.is_sendable)

    def test_approved_version_is_not_edited(self):
        info = self.approve(self.new_info())
        with self.assertRaisesRegex(
            UserError, r"^An approved version is never edited; make a new version\.$"
        ):
            info.with_user(self.manager).write({"body": "<p>changed</p>"})
        self.assertFalse(info.body)

"""19.0.1.4.0: the office's prospects created before the leasing team existed move into it
(招商部), each on the stage its history gives: signed when a contract was signed, deposit
paid when a deposit or an open signing plan exists, repeat visit after two visits, else
initial visit. Prospects of the key-account team and transferred big accounts stay where
they are; a prospect already on one of the office's stages keeps it."""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

# First match wins: (stage, condition on the prospect ``lead``).
SIGNED = (
    "EXISTS (SELECT 1 FROM leasing_contract c WHERE c.lead_id = lead.id AND c.state = 'signed')"
)
DEPOSIT = (
    "EXISTS (SELECT 1 FROM leasing_deposit d WHERE d.lead_id = lead.id) OR EXISTS "
    "(SELECT 1 FROM leasing_signing_plan p WHERE p.lead_id = lead.id AND p.state = 'open')"
)
TWO_VISITS = "(SELECT count(*) FROM leasing_visit v WHERE v.lead_id = lead.id) >= 2"
# First match wins: (stage, condition on the prospect ``lead``).
STAGE_RULES = (
    ("signed", SIGNED),
    ("deposit", DEPOSIT),
    ("second_visit", TWO_VISITS),
    ("first_visit", "TRUE"),
)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    team = env.ref("leasing_office.crm_team_leasing", raise_if_not_found=False)
    if not team:
        return
    key_team = env.ref("leasing_office.crm_team_key_account", raise_if_not_found=False)
    moved = move_into_team(cr, team.id, key_team.id if key_team else None)
    stages = {
        step: env.ref(f"leasing_office.crm_stage_leasing_{step}", raise_if_not_found=False)
        for step, _condition in STAGE_RULES
    }
    office_stage_ids = tuple(env["crm.stage"].search([("team_ids", "in", team.ids)]).ids) or (0,)
    cases = " ".join(
        cr.mogrify(f"WHEN {condition} THEN %s", (stages[step].id,)).decode()
        for step, condition in STAGE_RULES
        if stages[step]
    )
    if not cases:
        return
    cr.execute(
        f"""UPDATE crm_lead lead SET stage_id = CASE {cases} END
             WHERE lead.team_id = %s
               AND (lead.stage_id IS NULL OR lead.stage_id NOT IN %s)""",
        (team.id, office_stage_ids),
    )
    env.invalidate_all()
    _logger.info(
        "leasing team: %s prospects moved into the team, %s put on the office's stages",
        moved,
        cr.rowcount,
    )


def move_into_team(cr, team_id, key_team_id):
    """The office's prospects (a credit or a visit) outside any team of the office."""
    cr.execute(
        """UPDATE crm_lead lead SET team_id = %s
            WHERE (lead.attribution_type IS NOT NULL
                   OR EXISTS (SELECT 1 FROM leasing_visit v WHERE v.lead_id = lead.id))
              AND NOT COALESCE(lead.key_account_transferred, FALSE)
              AND (lead.team_id IS NULL OR lead.team_id NOT IN %s)""",
        (team_id, (team_id, key_team_id or 0)),
    )
    return cr.rowcount

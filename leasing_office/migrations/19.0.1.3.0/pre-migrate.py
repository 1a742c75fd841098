"""19.0.1.3.0: the path leasing-floor-plan moves from the units' window action to the new
floor plan; free it first, or loading the floor plan meets the old action's path."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE ir_act_window SET path = NULL
         WHERE path = 'leasing-floor-plan'
           AND id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'leasing_office' AND name = 'leasing_unit_action')
        """
    )

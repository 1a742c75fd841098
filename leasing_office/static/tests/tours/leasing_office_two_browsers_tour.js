import { registry } from "@web/core/registry";

// Front desk registers three walk-ins in a row from the live board ("Register & Next"),
// while an agent watches the same board in another browser (TestTwoBrowsers).
const WALK_INS = [
    ["散客甲", "13911115551"],
    ["散客乙", "13911115552"],
    ["散客丙", "13911115553"],
];

function registerSteps([name, phone], index) {
    const last = index === WALK_INS.length - 1;
    return [
        { trigger: ".modal .o_field_widget[name=contact_name] input", run: `edit ${name}` },
        { trigger: ".modal .o_field_widget[name=phone] input", run: `edit ${phone}` },
        {
            trigger: `.modal button[name=${last ? "action_register" : "action_register_next"}]`,
            run: "click",
        },
        {
            trigger: last
                ? `.modal .o_field_widget[name=explanation]:contains('next in turn')`
                : `.modal .o_field_widget[name=last_result]:contains('${name}')`,
        },
    ];
}

registry.category("web_tour.tours").add("leasing_office_three_walk_ins_tour", {
    steps: () => [
        { trigger: ".o_leasing_board_no_visits" },
        { trigger: ".o_leasing_board_register", run: "click" },
        ...WALK_INS.flatMap(registerSteps),
        { trigger: ".modal .modal-footer button.btn-primary", run: "click" },
        { trigger: ".o_leasing_board_visits td:contains('散客丙')" },
        { trigger: ".o_leasing_board_visits td:contains('散客甲')" },
    ],
});

// The manager opens "To Approve" from the pipeline and signs the agent's field-visit plan.
registry.category("web_tour.tours").add("leasing_office_manager_to_approve_tour", {
    steps: () => [
        { trigger: ".o_kanban_view .o_leasing_badges" },
        { trigger: ".o_control_panel .o_leasing_to_approve", run: "click" },
        { trigger: ".o_list_view .o_data_row td:contains('To approve')", run: "click" },
        { trigger: ".o_form_statusbar button[name=action_approve]", run: "click" },
        { trigger: ".o_field_widget[name=approval_state]:contains('Approved')" },
    ],
});

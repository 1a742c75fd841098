import { registry } from "@web/core/registry";

// Front desk registers a walk-in from the rotation board.
registry.category("web_tour.tours").add("leasing_office_frontdesk_tour", {
    steps: () => [
        { trigger: ".o_form_view .o_field_widget[name=next_user_id]" },
        { trigger: ".o_form_statusbar button:contains('Register a Walk-in')", run: "click" },
        { trigger: ".modal .o_field_widget[name=contact_name] input", run: "edit Tour Prospect" },
        { trigger: ".modal .o_field_widget[name=phone] input", run: "edit 13911112222" },
        { trigger: ".modal button[name=action_register]", run: "click" },
        { trigger: ".modal .o_field_widget[name=explanation]:contains('next in turn')" },
    ],
});

// An agent fills a follow-up plan, then a field-visit plan, and submits both.
registry.category("web_tour.tours").add("leasing_office_agent_tour", {
    steps: () => [
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_x2many_list_row_add a", run: "click" },
        { trigger: ".o_data_row .o_field_widget[name=lead_id] input", run: "edit Tour Tea" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Tour Tea House')", run: "click" },
        { trigger: ".o_data_row .o_field_widget[name=planned_date] input", run: "edit 12/30/2099" },
        { trigger: ".o_data_row .o_field_widget[name=purpose] input", run: "edit Send the rent standard" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_statusbar button[name=action_submit]", run: "click" },
        { trigger: ".o_statusbar_status button.o_arrow_button_current:not(:contains('Not Submitted'))" },
        { trigger: ".o_menu_sections button:contains('Forms')", run: "click" },
        { trigger: ".o-dropdown--menu .dropdown-item:contains('Field-visit Plans')", run: "click" },
        { trigger: ".o_list_view .o_list_button_add" },
        { trigger: ".o_list_button_add", run: "click" },
        { trigger: ".o_field_x2many_list_row_add a", run: "click" },
        { trigger: ".o_data_row .o_field_widget[name=lead_id] input", run: "edit Tour Tea" },
        { trigger: ".o-autocomplete--dropdown-item a:contains('Tour Tea House')", run: "click" },
        { trigger: ".o_data_row .o_field_widget[name=purpose] input", run: "edit Measure the shop" },
        { trigger: ".o_form_button_save", run: "click" },
        { trigger: ".o_form_statusbar button[name=action_submit]", run: "click" },
        { trigger: ".o_form_statusbar button[name=action_submit]:not(:visible), .o_field_widget[name=approval_state]:contains('Waiting')" },
    ],
});

// The manager signs the agent's field-visit plan.
registry.category("web_tour.tours").add("leasing_office_manager_tour", {
    steps: () => [
        { trigger: ".o_searchview_facet .o_facet_remove", run: "click" },
        { trigger: ".o_data_row td:contains('Waiting for the Manager')", run: "click" },
        { trigger: ".o_form_statusbar button[name=action_approve]", run: "click" },
        { trigger: ".o_field_widget[name=approval_state]:contains('Approved')" },
    ],
});

// Front desk works the day from the live board: a status click, then a walk-in.
registry.category("web_tour.tours").add("leasing_office_live_board_tour", {
    steps: () => [
        { trigger: ".o_leasing_board_next_name:contains('Tour Agent')" },
        { trigger: ".o_leasing_board_no_visits" },
        {
            trigger: ".o_leasing_tile[data-agent='Tour Agent'] .o_leasing_tile_set_leave",
            run: "click",
        },
        { trigger: ".o_leasing_board_nobody .o_leasing_board_next_reason:contains('public pool')" },
        {
            trigger: ".o_leasing_tile[data-agent='Tour Agent'] .o_leasing_tile_set_available",
            run: "click",
        },
        { trigger: ".o_leasing_board_next:not(.o_leasing_board_nobody)" },
        { trigger: ".o_leasing_board_register", run: "click" },
        { trigger: ".modal .o_field_widget[name=contact_name] input", run: "edit Board Walk-in" },
        { trigger: ".modal .o_field_widget[name=phone] input", run: "edit 13911114444" },
        { trigger: ".modal button[name=action_register]", run: "click" },
        { trigger: ".modal .o_field_widget[name=explanation]:contains('next in turn')" },
        { trigger: ".modal .modal-footer button.btn-primary", run: "click" },
        { trigger: ".o_leasing_board_visits td:contains('Board Walk-in')" },
        { trigger: ".o_leasing_board_visits .o_leasing_board_undo" },
    ],
});

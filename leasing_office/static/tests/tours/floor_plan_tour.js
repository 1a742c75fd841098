import { registry } from "@web/core/registry";

// Anyone opens the floor plan, filters a zone and opens a unit from its cell.
registry.category("web_tour.tours").add("leasing_office_floor_plan_tour", {
    steps: () => [
        { trigger: ".o_leasing_plan_grid .o_leasing_unit_available[data-code='0-101']" },
        { trigger: ".o_leasing_plan_grid .o_leasing_unit_reserved[data-code='0-102']" },
        { trigger: ".o_leasing_plan_zone", run: "select 西区" },
        { trigger: ".o_leasing_plan_grid:not(:has([data-code='0-101']))" },
        { trigger: ".o_leasing_plan_unit[data-code='0-102']", run: "click" },
        { trigger: ".o_form_view .o_field_widget[name=code]:contains('0-102')" },
    ],
});

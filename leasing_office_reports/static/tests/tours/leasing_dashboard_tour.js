import { registry } from "@web/core/registry";

// Leadership opens the office's spreadsheet dashboard in the Dashboards app: it loads and
// draws its scorecards and charts (a broken data file fails the tour with a console error).
registry.category("web_tour.tours").add("leasing_office_reports_dashboard_tour", {
    steps: () => [
        {
            trigger: ".o_search_panel_category_value[data-name='Leasing Office']",
            run: "click",
        },
        { trigger: ".o_search_panel_category_value.active[data-name='Leasing Office']" },
        { trigger: ".o-spreadsheet .o-figure canvas" },
    ],
});

import { registry } from "@web/core/registry";

// Whatever the screen (the pipeline, a prospect, a form of the office), nothing is wider than
// a phone: no horizontal scroll of the page, of a form's sheet or of a kanban card.
function checkFitsThePhone() {
    const width = window.innerWidth;
    if (width > 400) {
        throw new Error(`not a phone-sized window: ${width}px`);
    }
    const page = document.scrollingElement;
    const boxes = [
        ["page", page],
        ...[...document.querySelectorAll(".o_form_sheet")].map((el) => ["form sheet", el]),
        ...[...document.querySelectorAll(".o_kanban_record")].map((el) => ["kanban card", el]),
    ];
    for (const [what, el] of boxes) {
        if (el.scrollWidth > el.clientWidth + 1) {
            throw new Error(`${what} overflows: ${el.scrollWidth}px in ${el.clientWidth}px`);
        }
    }
    for (const badge of document.querySelectorAll(".o_leasing_badges")) {
        if (badge.getBoundingClientRect().right > width + 1) {
            throw new Error("the pipeline's badges run off the screen");
        }
    }
}

registry.category("web_tour.tours").add("leasing_office_phone_fit", {
    steps: () => [
        {
            trigger:
                ".o_action_manager .o_kanban_view .o_kanban_record .o_leasing_badges, " +
                ".o_action_manager .o_form_view .o_form_sheet",
        },
        { trigger: "body", run: checkFitsThePhone },
    ],
});

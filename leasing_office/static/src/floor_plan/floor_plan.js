import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * The floor plan: the units of one building and floor on their grid (row and column kept
 * on the unit), coloured by status, with area and rent; a click opens the unit.
 */
export class FloorPlan extends Component {
    static template = "leasing_office.FloorPlan";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ plan: null, building: false, floor: false, zone: false, businessType: false });
        onWillStart(() => this.load());
    }

    get plan() {
        return this.state.plan;
    }

    async load() {
        const plan = await this.orm.call("leasing.unit", "get_floor_plan", [], {
            building: this.state.building,
            floor: this.state.floor,
            zone: this.state.zone,
            business_type: this.state.businessType,
        });
        this.state.building = plan.building;
        this.state.floor = plan.floor;
        this.state.plan = plan;
    }

    async select(key, value) {
        this.state[key] = value || false;
        if (key === "building") {
            this.state.floor = false;
        }
        await this.load();
    }

    gridStyle() {
        return `grid-template-columns: repeat(${this.plan.cols}, minmax(8rem, 1fr));`;
    }

    cellStyle(unit) {
        return `grid-row: ${unit.row}; grid-column: ${unit.col} / span ${unit.width};`;
    }

    openUnit(unit) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "leasing.unit",
            res_id: unit.id,
            views: [[false, "form"]],
            target: "current",
        });
    }
}

registry.category("actions").add("leasing_office.floor_plan", FloorPlan);

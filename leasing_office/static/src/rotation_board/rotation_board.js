import { Component, onWillStart, onWillUnmount, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

const BOARD_CHANGED = "leasing_office/board_changed";
// Several changes in one burst (a registration moves the ledger and the visit list) read once.
const RELOAD_DELAY_MS = 150;

/**
 * The front desk's live board: who is up next and why, a tile per agent on duty with
 * one-click status buttons, and today's visits. Every open board reads itself again as
 * soon as any clerk registers, undoes or changes a status (Odoo's bus).
 */
export class RotationBoard extends Component {
    static template = "leasing_office.RotationBoard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.busService = this.env.services.bus_service;
        this.state = useState({ board: null });
        this.onBoardChanged = ({ company_id }) => {
            if (this.state.board && company_id === this.state.board.company_id) {
                clearTimeout(this.reloadTimer);
                this.reloadTimer = setTimeout(() => this.load(), RELOAD_DELAY_MS);
            }
        };
        this.busService.subscribe(BOARD_CHANGED, this.onBoardChanged);
        this.busService.start();
        onWillStart(() => this.load());
        onWillUnmount(() => {
            clearTimeout(this.reloadTimer);
            this.busService.unsubscribe(BOARD_CHANGED, this.onBoardChanged);
        });
    }

    get board() {
        return this.state.board;
    }

    get isTv() {
        return this.props.action?.target === "fullscreen";
    }

    async load() {
        this.state.board = await this.orm.call("leasing.rotation.board", "get_board", []);
    }

    async setStatus(tile, status) {
        if (tile.status !== status) {
            await this.orm.call("leasing.rotation.board", "set_status", [tile.id, status]);
            await this.load();
        }
    }

    async undo(visit) {
        await this.orm.call("leasing.rotation.board", "undo_visit", [visit.id]);
        await this.load();
    }

    async newTable() {
        await this.orm.call("leasing.rotation", "action_new_for_today", []);
        await this.load();
    }

    register() {
        this.action.doAction("leasing_office.leasing_walkin_register_action", {
            onClose: () => this.load(),
        });
    }

    openTable() {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "leasing.rotation",
            res_id: this.board.rotation_id,
            views: [[false, "form"]],
        });
    }

    openTv() {
        this.action.doAction("leasing_office.leasing_rotation_board_tv_action");
    }

    exitTv() {
        this.action.doAction("leasing_office.leasing_rotation_board_action", {
            clearBreadcrumbs: true,
        });
    }
}

registry.category("actions").add("leasing_office.rotation_board", RotationBoard);

from odoo import models


class IrWebsocket(models.AbstractModel):
    _inherit = "ir.websocket"

    def _build_bus_channel_list(self, channels):
        # Office staff hear their malls' live boards; nobody else subscribes to them.
        channels = super()._build_bus_channel_list(channels)
        if self.env.uid:
            channels.extend(self.env["leasing.rotation.board"]._board_channels(self.env.user))
        return channels

from werkzeug.exceptions import BadRequest

from odoo import fields, http
from odoo.http import content_disposition, request

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class LeasingWorkbookController(http.Controller):
    @http.route("/leasing_office_reports/workbook", type="http", auth="user", readonly=True)
    def workbook(self, kind, date_from, date_to):
        """A workbook streamed as it is written, with nothing stored: a read-only request,
        which a deployment with a database replica serves from the replica."""
        Export = request.env["leasing.report.export"]
        Export.check_access("create")
        try:
            export = Export.new(
                {
                    "kind": kind,
                    "date_from": fields.Date.to_date(date_from),
                    "date_to": fields.Date.to_date(date_to),
                }
            )
        except ValueError as error:
            raise BadRequest(str(error)) from error
        export._check_request()
        data, name = export._build()
        return request.make_response(
            data,
            headers=[
                ("Content-Type", XLSX),
                ("Content-Length", len(data)),
                ("Content-Disposition", content_disposition(name)),
            ],
        )

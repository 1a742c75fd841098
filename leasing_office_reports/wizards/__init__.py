from . import leasing_report_export

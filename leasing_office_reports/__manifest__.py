{
    "name": "Leasing Office Reports",
    "summary": "Analyses of the leasing office for the manager and leadership",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/leasing-office/leasing-office",
    "author": "Leasing Office Developers",
    "license": "LGPL-3",
    "depends": ["leasing_office"],
    "data": [
        "security/ir.model.access.csv",
        "security/leasing_office_reports_rules.xml",
        "report/leasing_visit_report_views.xml",
        "views/leasing_office_reports_menus.xml",
    ],
}

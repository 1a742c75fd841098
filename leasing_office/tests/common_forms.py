from odoo.orm.model_classes import add_to_registry

from .common import LeasingOfficeCase


class LeasingFakeModelsCase(LeasingOfficeCase):
    """Registers the test-only models of fake_models.py for one test class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        from .fake_models import LeasingFakeForm, LeasingFakePlan

        names = []
        for model_class in (LeasingFakeForm, LeasingFakePlan):
            add_to_registry(cls.registry, model_class)
            names.append(model_class._name)
        cls.registry._setup_models__(cls.env.cr, names)
        cls.registry.init_models(cls.env.cr, names, {"models_to_check": True})
        for name in names:
            cls.addClassCleanup(cls.registry.__delitem__, name)
        cls.env.registry.clear_cache()
        for name in names:
            model = cls.env["ir.model"]._get(name)
            for group, unlink in (("group_leasing_agent", False), ("group_leasing_manager", True)):
                cls.env["ir.model.access"].create(
                    {
                        "name": f"{name} {group}",
                        "model_id": model.id,
                        "group_id": cls.env.ref(f"leasing_office.{group}").id,
                        "perm_read": True,
                        "perm_write": True,
                        "perm_create": True,
                        "perm_unlink": unlink,
                    }
                )

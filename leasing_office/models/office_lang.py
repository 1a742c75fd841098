"""The office's language.

Texts the office stores (explanations, chatter lines, activity titles) are written in the
company's language (its partner's), not in the language of whoever's session or scheduled
action writes them: everyone in the office reads the same words.
"""


def office_lang(env, company=None):
    """The company's language if installed, else the current one."""
    lang = (company or env.company).sudo().partner_id.lang
    if lang and lang in dict(env["res.lang"].get_installed()):
        return lang
    return env.lang or "en_US"


def office_env(env, company=None):
    """``env`` speaking the office's language: ``office_env(env)._("...")``."""
    return env(context=dict(env.context, lang=office_lang(env, company)))


def model_label(env, model_name):
    """The translated name of a model, in the office's language."""
    return office_env(env)["ir.model"]._get(model_name).name

import { _t } from "@web/core/l10n/translation";

/**
 * Terms of the stock web client that Odoo ships without a Chinese translation. Listed here so
 * that the office's .po files carry them: the web client looks a term up in every module's
 * translations, so the office's Chinese applies to the stock toast too.
 */
export const stockTermsTranslatedByTheOffice = () => [_t("Missing required fields")];

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { supportedLocales, type Locale } from "../../common/locales.ts";
import { currentLocale, rememberLocale, showLocale } from "../lib/i18n.ts";
import { meKeys, sessionApi, useMe } from "../lib/session.ts";

/** Switches the UI language; for a signed-in person the choice is saved to their profile. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => sessionApi.updateMe({ locale }),
    onSuccess: () => client.invalidateQueries({ queryKey: meKeys.all }),
  });
  const choose = (locale: Locale) => {
    rememberLocale(locale);
    void showLocale(locale, me.data?.organisation.country);
    if (me.data) save.mutate(locale);
  };
  return (
    <div className="language-switch" role="group" aria-label={t("ui.language.label")}>
      {supportedLocales.map((locale) => (
        <button
          key={locale}
          type="button"
          className="link-button"
          aria-pressed={currentLocale() === locale}
          lang={locale}
          onClick={() => choose(locale)}
        >
          {t(`ui.language.${locale}`)}
        </button>
      ))}
    </div>
  );
}

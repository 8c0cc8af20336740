import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { MutationButton } from "../../components/buttons.tsx";
import { ErrorMessage } from "../../components/feedback.tsx";
import { currentLocale, formatDateTime } from "../../lib/i18n.ts";
import { useSaveThenRefresh } from "../../lib/mutations.ts";
import { ssoApi, ssoKeys, type SsoConfigurationView } from "./sso-api.ts";

type Saved = NonNullable<SsoConfigurationView["configuration"]>;

/**
 * Whether sign-in is on, what the last test found (in plain words), and the buttons: test, switch on
 * or off, remove. Coming back from a test (`?sso-test=done`), the result takes the focus, so a screen
 * reader hears it first.
 */
export function SsoStatus({ view }: { view: SsoConfigurationView }) {
  const { t } = useTranslation();
  const saved = view.configuration;
  return (
    <div className="sso-status">
      <h3>{t("ui.sso.settings.testTitle")}</h3>
      {saved ? <SavedStatus saved={saved} /> : <p className="hint">{t("ui.sso.settings.notSaved")}</p>}
    </div>
  );
}

function SavedStatus({ saved }: { saved: Saved }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={saved.enabled ? "alert alert-success" : "alert"}>
        {saved.enabled ? t("ui.sso.settings.statusOn") : t("ui.sso.settings.statusOff")}
      </p>
      <LastTest saved={saved} />
      <SsoActions saved={saved} />
    </>
  );
}

function LastTest({ saved }: { saved: Saved }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const result = useRef<HTMLDivElement>(null);
  const justTested = params.get("sso-test") === "done";
  useEffect(() => {
    if (justTested) result.current?.focus();
  }, [justTested]);
  const test = saved.lastTest;
  if (!test) return <p className="hint">{t("ui.sso.settings.untested")}</p>;
  const passed = test.outcome === "ok" && test.code === "trusted";
  return (
    <div
      ref={result}
      tabIndex={-1}
      role="status"
      className={passed ? "alert alert-success" : "alert alert-error"}
      data-testid="sso-last-test"
    >
      <p className="alert-title">
        {t("ui.sso.settings.lastTest", { when: formatDateTime(test.testedAt, currentLocale()) })}
      </p>
      <p>
        {t(`ui.sso.settings.results.${test.code}`, {
          email: test.email ?? "—",
          detail: test.detail ?? "—",
          defaultValue: test.detail ?? test.code,
        })}
      </p>
    </div>
  );
}

function SsoActions({ saved }: { saved: Saved }) {
  const { t } = useTranslation();
  const stale = [ssoKeys.configuration];
  const test = useSaveThenRefresh(async () => {
    const { redirectTo } = await ssoApi.startTest();
    // To the provider's page; the test comes back to this page with its result.
    if (redirectTo) window.location.assign(redirectTo);
  }, stale);
  const toggle = useSaveThenRefresh(() => ssoApi.setEnabled(!saved.enabled), stale);
  const remove = useSaveThenRefresh(() => ssoApi.remove(), stale);
  const passed = saved.lastTest?.outcome === "ok";
  return (
    <>
      <ErrorMessage error={test.error ?? toggle.error ?? remove.error} />
      <p className="hint">{t("ui.sso.settings.testHint")}</p>
      <div className="button-row">
        <MutationButton mutation={test} className="button-secondary">
          {test.isPending ? t("ui.sso.settings.testing") : t("ui.sso.settings.test")}
        </MutationButton>
        <MutationButton
          mutation={toggle}
          className={saved.enabled ? "button-secondary" : "button-primary"}
          disabled={!saved.enabled && !passed}
        >
          {saved.enabled ? t("ui.sso.settings.switchOff") : t("ui.sso.settings.switchOn")}
        </MutationButton>
        <MutationButton
          mutation={remove}
          className="button-danger"
          confirm={t("ui.sso.settings.removeConfirm")}
        >
          {t("ui.sso.settings.remove")}
        </MutationButton>
      </div>
    </>
  );
}

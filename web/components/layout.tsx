import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useNavigate } from "react-router";
import { hasRole, sessionApi, useMe } from "../lib/session.ts";
import { LanguageSwitch } from "./language-switch.tsx";

/** The frame of every signed-in screen: skip link, header, navigation for the person's roles. */
export function SignedInLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const signOut = useMutation({
    mutationFn: sessionApi.signOut,
    onSettled: async () => {
      client.clear();
      await navigate("/sign-in");
    },
  });
  const personLocale = me.data?.person.locale;
  useEffect(() => {
    if (personLocale && personLocale !== i18n.language) void i18n.changeLanguage(personLocale);
  }, [personLocale, i18n]);
  useEffect(() => {
    if (me.data === null) void navigate("/sign-in", { replace: true });
  }, [me.data, navigate]);
  if (!me.data) return null;
  const isCoordinator = hasRole(me.data, "coordinator");
  const designs = isCoordinator || hasRole(me.data, "designer");
  return (
    <>
      <a className="skip-link" href="#main">
        {t("ui.nav.skip")}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t("ui.app.name")}</span>
          <span className="org-name">{me.data.organisation.name}</span>
        </div>
        <nav aria-label={t("ui.nav.label")}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t("ui.nav.home")}
              </NavLink>
            </li>
            {me.data.roles.includes("learner") ? (
              <>
                <li>
                  <NavLink to="/today">{t("ui.nav.today")}</NavLink>
                </li>
                <li>
                  <NavLink to="/plans">{t("ui.nav.plans")}</NavLink>
                </li>
                <li>
                  <NavLink to="/feedback">{t("ui.nav.feedback")}</NavLink>
                </li>
                <li>
                  <NavLink to="/passport">{t("ui.nav.passport")}</NavLink>
                </li>
              </>
            ) : null}
            {me.data.roles.includes("manager") ? (
              <li>
                <NavLink to="/team">{t("ui.nav.team")}</NavLink>
              </li>
            ) : null}
            {me.data.roles.includes("coach") ? (
              <li>
                <NavLink to="/coaching">{t("ui.nav.coaching")}</NavLink>
              </li>
            ) : null}
            {designs ? (
              <>
                <li>
                  <NavLink to="/trajectories">{t("ui.nav.trajectories")}</NavLink>
                </li>
                <li>
                  <NavLink to="/cohorts">{t("ui.nav.cohorts")}</NavLink>
                </li>
              </>
            ) : null}
            <li>
              <NavLink to="/evidence">{t("ui.nav.evidence")}</NavLink>
            </li>
            {isCoordinator ? (
              <>
                <li>
                  <NavLink to="/people">{t("ui.nav.people")}</NavLink>
                </li>
                <li>
                  <NavLink to="/teams">{t("ui.nav.teams")}</NavLink>
                </li>
                <li>
                  <NavLink to="/culture-scans">{t("ui.nav.scans")}</NavLink>
                </li>
                <li>
                  <NavLink to="/organisation">{t("ui.nav.organisation")}</NavLink>
                </li>
                {me.data.features.devMailbox ? (
                  <li>
                    <NavLink to="/mailbox">{t("ui.nav.mailbox")}</NavLink>
                  </li>
                ) : null}
              </>
            ) : null}
            <li>
              <NavLink to="/profile">{t("ui.nav.profile")}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitch />
          <button type="button" className="button-secondary" onClick={() => signOut.mutate()}>
            {t("ui.nav.signOut")}
          </button>
        </div>
      </header>
      <main id="main" className="content">
        <Outlet />
      </main>
    </>
  );
}

/** The frame of the screens before sign-in. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <header className="app-header public">
        <div className="brand">
          <span className="brand-name">{t("ui.app.name")}</span>
          <span className="org-name">{t("ui.app.tagline")}</span>
        </div>
        <div className="header-tools">
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="content narrow">
        <Outlet />
      </main>
    </>
  );
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useNavigate } from "react-router";
import type { MeResponse } from "../../common/schemas/me.ts";
import { hasRole, sessionApi, useMe } from "../lib/session.ts";
import { LanguageSwitch } from "./language-switch.tsx";

/** A navigation link: its path, its label under ui.nav, and whether this person sees it. */
type NavLinkSpec = readonly [to: string, label: string, shown: boolean];

/** The navigation links this person sees, in the order of the menu. */
function navLinks(me: MeResponse): NavLinkSpec[] {
  const learns = hasRole(me, "learner");
  const coordinates = hasRole(me, "coordinator");
  const designs = coordinates || hasRole(me, "designer");
  const links: NavLinkSpec[] = [
    ["/", "home", true],
    ["/today", "today", learns],
    ["/plans", "plans", learns],
    ["/feedback", "feedback", learns],
    ["/passport", "passport", learns],
    ["/team", "team", hasRole(me, "manager")],
    ["/coaching", "coaching", hasRole(me, "coach")],
    ["/trajectories", "trajectories", designs],
    ["/cohorts", "cohorts", designs],
    ["/evidence", "evidence", true],
    ["/people", "people", coordinates],
    ["/teams", "teams", coordinates],
    ["/culture-scans", "scans", coordinates],
    ["/organisation", "organisation", coordinates],
    ["/mailbox", "mailbox", coordinates && me.features.devMailbox],
    ["/profile", "profile", true],
  ];
  return links.filter(([, , shown]) => shown);
}

/** The product's name and, under it, the organisation's (or the tagline before sign-in). */
function Brand({ subtitle }: { subtitle: string }) {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <span className="brand-name">{t("ui.app.name")}</span>
      <span className="org-name">{subtitle}</span>
    </div>
  );
}

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
  return (
    <>
      <a className="skip-link" href="#main">
        {t("ui.nav.skip")}
      </a>
      <header className="app-header">
        <Brand subtitle={me.data.organisation.name} />
        <nav aria-label={t("ui.nav.label")}>
          <ul>
            {navLinks(me.data).map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === "/"}>
                  {t(`ui.nav.${label}`)}
                </NavLink>
              </li>
            ))}
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
        <Brand subtitle={t("ui.app.tagline")} />
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

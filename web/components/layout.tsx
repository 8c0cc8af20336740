import type { TFunction } from "i18next";
import { lazy, Suspense, useDeferredValue, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useNavigate } from "react-router";
import type { MeResponse } from "../../common/schemas/me.ts";
import { currentLocale, loadAllTexts, showLocale } from "../lib/i18n.ts";
import { hasRole, useMe } from "../lib/session.ts";
import { useSignOut } from "../lib/sign-out.ts";
import { NoticesLink } from "../features/notices/notices-link.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { loadOrReload } from "../lib/load-or-reload.ts";
import { Loading } from "./feedback.tsx";

// Few sessions owe a second factor: that step (and the passkey library) loads only for them, not with
// every phone's first screen (decision 0031).
const SecondFactorStep = lazy(async () => {
  const [{ SecondFactorStep }] = await Promise.all([
    loadOrReload(() => import("../features/second-factor/second-factor-step.tsx")),
    loadAllTexts(),
  ]);
  return { default: SecondFactorStep };
});

/** A navigation link: its path, its label, and whether this person sees it. */
type NavLinkSpec = readonly [to: string, label: string, shown: boolean];

/** The navigation links this person sees, in the order of the menu. */
function navLinks(me: MeResponse, t: TFunction): NavLinkSpec[] {
  const learns = hasRole(me, "learner");
  const coordinates = hasRole(me, "coordinator");
  const designs = coordinates || hasRole(me, "designer");
  const links: NavLinkSpec[] = [
    ["/", t("ui.nav.home"), true],
    ["/today", t("ui.nav.today"), learns],
    ["/plans", t("ui.nav.plans"), learns],
    ["/feedback", t("ui.nav.feedback"), learns],
    ["/passport", t("ui.nav.passport"), learns],
    ["/team", t("ui.nav.team"), hasRole(me, "manager")],
    ["/coaching", t("ui.nav.coaching"), hasRole(me, "coach")],
    ["/assess", t("ui.nav.assess"), me.assesses === true],
    ["/trajectories", t("ui.nav.trajectories"), designs],
    ["/cohorts", t("ui.nav.cohorts"), designs],
    ["/evidence", t("ui.nav.evidence"), true],
    ["/people", t("ui.nav.people"), coordinates],
    ["/teams", t("ui.nav.teams"), coordinates],
    ["/culture-scans", t("ui.nav.scans"), coordinates],
    ["/organisation", t("ui.nav.organisation"), coordinates],
    ["/mailbox", t("ui.nav.mailbox"), coordinates && me.features.devMailbox],
    ["/profile", t("ui.nav.profile"), true],
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
  const { t } = useTranslation();
  // Who is signed in arrives as one update that draws the shell and the screen in it. Deferred, React
  // draws that in slices between which the phone stays responsive, not as one long task (0031).
  const me = useDeferredValue(useMe().data);
  const navigate = useNavigate();
  const signOut = useSignOut();
  // The person's own language, else the one this device shows (the browser's or the one picked here).
  const language = me ? (me.person.locale ?? currentLocale()) : null;
  const country = me?.organisation.country;
  useEffect(() => {
    if (language) void showLocale(language, country);
  }, [language, country]);
  useEffect(() => {
    if (me === null) void navigate("/sign-in", { replace: true });
  }, [me, navigate]);
  if (!me) return null;
  // A session that still owes a second factor sees only that step (decision 0026).
  if (me.secondFactor)
    return (
      <>
        <header className="app-header public">
          <Brand subtitle={me.organisation.name} />
          <div className="header-tools">
            <LanguageSwitch />
          </div>
        </header>
        <main id="main" className="content narrow">
          <Suspense fallback={<Loading />}>
            <SecondFactorStep step={me.secondFactor} onSignOut={signOut} />
          </Suspense>
        </main>
      </>
    );
  return (
    <>
      <a className="skip-link" href="#main">
        {t("ui.nav.skip")}
      </a>
      <header className="app-header">
        <Brand subtitle={me.organisation.name} />
        <nav aria-label={t("ui.nav.label")}>
          <ul>
            {navLinks(me, t).map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === "/"}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <NoticesLink />
          <LanguageSwitch />
          <button type="button" className="button-secondary" onClick={signOut}>
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

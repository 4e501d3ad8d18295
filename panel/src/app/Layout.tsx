import { NavLink, Outlet } from "react-router-dom";
import { ImpersonationBanner } from "../auth/ImpersonationBanner";
import { useSession } from "../auth/session";
import { useI18n, languages, type Language } from "../i18n/i18n";
import { AccountSwitcher } from "../features/me/AccountSwitcher";
import { useCurrentAccount } from "../features/me/currentAccount";
import { MyMessages } from "../features/me/MyMessages";
import { Options } from "../components/Options";

export function Layout() {
  const { t, language, setLanguage } = useI18n();
  const { token, impersonation, signOut } = useSession();
  const { partnerId, isOperator } = useCurrentAccount();
  const signedIn = Boolean(token ?? impersonation);
  return (
    <>
      <ImpersonationBanner />
      <header className="topbar">
        <strong>{t("app.title")}</strong>
        {signedIn && !impersonation ? (
          <nav>
            <NavLink to="/" end>
              {t("nav.customers")}
            </NavLink>
            {partnerId ? <NavLink to="/partner/invitation-links">{t("nav.invitationLinks")}</NavLink> : null}
            {partnerId ? <NavLink to="/partner/message">{t("nav.partnerMessage")}</NavLink> : null}
            {partnerId ? <NavLink to="/partner/settings">{t("nav.settings")}</NavLink> : null}
            {partnerId || isOperator ? <NavLink to="/partner/registrations">{t("nav.registrations")}</NavLink> : null}
            {isOperator ? <NavLink to="/operator/settings">{t("nav.operatorSettings")}</NavLink> : null}
          </nav>
        ) : null}
        <span className="spacer" />
        {signedIn && !impersonation ? <AccountSwitcher /> : null}
        <select aria-label={t("nav.language")} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          <Options values={languages} label={(l) => l.toUpperCase()} />
        </select>
        {signedIn ? (
          <button type="button" className="secondary" onClick={signOut}>
            {t("nav.signOut")}
          </button>
        ) : null}
      </header>
      <main>
        {signedIn ? <MyMessages /> : null}
        <Outlet />
      </main>
    </>
  );
}

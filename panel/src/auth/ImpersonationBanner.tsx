import { useNavigate } from "react-router-dom";
import { useI18n } from "../i18n/i18n";
import { useMe } from "../features/me/api";
import { useSession } from "./session";

/** Shown on every screen while "Log in as" runs; it ends on its own when the token expires. */
export function ImpersonationBanner() {
  const { t, formatDate } = useI18n();
  const { impersonation, endImpersonation } = useSession();
  const { data: me } = useMe();
  const navigate = useNavigate();
  if (!impersonation) return null;
  const end = () => {
    endImpersonation();
    navigate(`/customers/${impersonation.accountId}`);
  };
  return (
    <div className="impersonation-banner" role="status" data-testid="impersonation-banner">
      {t("loginAs.banner", {
        id: impersonation.accountId,
        by: me?.impersonation?.impersonatedBy ?? "",
        until: formatDate(impersonation.expiresAt),
      })}
      <button type="button" onClick={end}>
        {t("loginAs.end")}
      </button>
    </div>
  );
}

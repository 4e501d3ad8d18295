import { Link, useLocation } from "react-router-dom";
import { useI18n } from "../i18n/i18n";

/** For a page an email links to: a signed-out reader signs in first and comes back to this very address. */
export function SignInFirst({ message }: { message: string }) {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  return (
    <p>
      {message} <Link to={`/signin?returnTo=${encodeURIComponent(pathname + search)}`}>{t("signIn.title")}</Link>
    </p>
  );
}

import { useEffect, useRef, useState, type FormEvent } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { useI18n } from "../i18n/i18n";
import { useSession } from "./session";

/**
 * Sign-in. With an OpenID Connect authority configured: a redirect with PKCE. Without one (Development): paste a
 * development token, or open the link scripts/run-local.sh prints (/signin#token=...).
 */
export function SignInPage() {
  const { t } = useI18n();
  const { config, token, signInWithToken, signInWithOidc } = useSession();
  const [params] = useSearchParams();
  const [pasted, setPasted] = useState("");
  const returnTo = params.get("returnTo") ?? "/";

  useEffect(() => {
    const fromLink = new URLSearchParams(location.hash.slice(1)).get("token");
    if (fromLink) {
      history.replaceState(null, "", location.pathname + location.search);
      signInWithToken(fromLink);
    }
  }, [signInWithToken]);

  if (token) return <Navigate to={returnTo} replace />;
  if (config.auth.authority) {
    return (
      <section className="card narrow">
        <h1>{t("signIn.title")}</h1>
        <button type="button" onClick={() => signInWithOidc()}>
          {t("signIn.oidc")}
        </button>
      </section>
    );
  }
  const submit = (event: FormEvent) => (event.preventDefault(), pasted.trim() && signInWithToken(pasted.trim()));
  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>{t("signIn.title")}</h1>
      <label>
        {t("signIn.devToken")}
        <textarea rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />
      </label>
      <p className="muted">{t("signIn.devTokenHelp")}</p>
      <button type="submit">{t("signIn.submit")}</button>
    </form>
  );
}

/** Where the identity provider sends the browser back with the authorization code. */
export function SignInCallback() {
  const { t } = useI18n();
  const { completeOidcSignIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false); // an authorization code works once
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    completeOidcSignIn().then(
      (returnTo) => navigate(returnTo, { replace: true }),
      (e: unknown) => setError(String(e)),
    );
  }, [completeOidcSignIn, navigate]);
  return <p className={error ? "problem" : "muted"}>{error ?? t("signIn.signingIn")}</p>;
}

// Who is signed in, with which token: a development token, an OpenID Connect access token, or (while "Log in as"
// runs) an impersonation token that is dropped when it ends or expires.
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { User } from "oidc-client-ts";
import { setTokenSource } from "../api/client";
import type { PanelConfig } from "../app/config";
import { oidcManager } from "./oidc";

export type Impersonation = { token: string; accountId: string; expiresAt: string };

type Session = {
  config: PanelConfig;
  token: string | null;
  impersonation: Impersonation | null;
  signInWithToken: (token: string) => void;
  signInWithOidc: () => Promise<void>;
  /** Completes the redirect back from the identity provider; answers where the user was going. */
  completeOidcSignIn: () => Promise<string>;
  signOut: () => void;
  startImpersonation: (impersonation: Impersonation) => void;
  endImpersonation: () => void;
};

const SessionContext = createContext<Session | null>(null);
const tokenKey = "panel.token";
const impersonationKey = "panel.impersonation";

function storedImpersonation(): Impersonation | null {
  const stored = sessionStorage.getItem(impersonationKey);
  const value = stored ? (JSON.parse(stored) as Impersonation) : null;
  return value && new Date(value.expiresAt) > new Date() ? value : null;
}

export function SessionProvider({ config, children }: { config: PanelConfig; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(tokenKey));
  const [impersonation, setImpersonation] = useState<Impersonation | null>(storedImpersonation);

  // Another identity sees other data: nothing cached for the previous one may show.
  const changeIdentity = useCallback(() => queryClient.clear(), [queryClient]);

  const keepToken = useCallback((next: string) => (sessionStorage.setItem(tokenKey, next), setToken(next)), []);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(tokenKey);
    sessionStorage.removeItem(impersonationKey);
    setToken(null);
    setImpersonation(null);
    changeIdentity();
    if (config.auth.authority) void oidcManager(config).removeUser();
  }, [config, changeIdentity]);

  const endImpersonation = useCallback(() => {
    sessionStorage.removeItem(impersonationKey);
    setImpersonation(null);
    changeIdentity();
  }, [changeIdentity]);

  // A 401 ends an impersonation (expired, or its account disabled) and otherwise the session (the token expired).
  // A layout effect: it runs after the render commits and before any screen's queries start (in passive effects), so
  // the first request after a sign-in already carries the new token.
  useLayoutEffect(
    () => setTokenSource(() => impersonation?.token ?? token, impersonation ? endImpersonation : signOut),
    [token, impersonation, endImpersonation, signOut],
  );

  // OpenID Connect: the access token the library renews replaces the one in use.
  useEffect(() => {
    if (!config.auth.authority) return;
    const manager = oidcManager(config);
    const loaded = (user: User) => keepToken(user.access_token);
    manager.events.addUserLoaded(loaded);
    return () => manager.events.removeUserLoaded(loaded);
  }, [config, keepToken]);

  // An impersonation ends by itself when its token expires (15 minutes at most).
  useEffect(() => {
    if (!impersonation) return;
    const timer = setTimeout(endImpersonation, new Date(impersonation.expiresAt).getTime() - Date.now());
    return () => clearTimeout(timer);
  }, [impersonation, endImpersonation]);

  const value = useMemo<Session>(
    () => ({
      config,
      token,
      impersonation,
      signInWithToken: (next) => (keepToken(next), changeIdentity()),
      signInWithOidc: () => oidcManager(config).signinRedirect({ state: location.pathname + location.search }),
      completeOidcSignIn: async () => {
        const user = await oidcManager(config).signinRedirectCallback();
        keepToken(user.access_token);
        return typeof user.state === "string" ? user.state : "/";
      },
      signOut,
      startImpersonation: (next) => {
        sessionStorage.setItem(impersonationKey, JSON.stringify(next));
        setImpersonation(next);
        changeIdentity();
      },
      endImpersonation,
    }),
    [config, token, impersonation, keepToken, changeIdentity, endImpersonation, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

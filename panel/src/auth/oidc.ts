// Production sign-in: OpenID Connect, authorization code with PKCE (oidc-client-ts does both).
import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { PanelConfig } from "../app/config";

let manager: UserManager | null = null;

export function oidcManager(config: PanelConfig): UserManager {
  manager ??= new UserManager({
    authority: config.auth.authority,
    client_id: config.auth.clientId,
    scope: config.auth.scope,
    redirect_uri: `${location.origin}/signin/callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: "code",
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: true,
  });
  return manager;
}

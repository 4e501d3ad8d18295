import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import type { ReactElement } from "react";
import { SignInCallback, SignInPage } from "../auth/SignInPage";
import { useSession } from "../auth/session";
import { CustomerPage } from "../features/customer/CustomerPage";
import { CustomerListPage } from "../features/customers/CustomerListPage";
import { useMe } from "../features/me/api";
import { useCurrentAccount } from "../features/me/currentAccount";
import { OperatorSettingsPage } from "../features/operator/OperatorSettingsPage";
import { InvitationLinksPage } from "../features/partner/InvitationLinksPage";
import { PartnerSettingsPage } from "../features/partner/PartnerSettingsPage";
import { PartnerMessagePage } from "../features/partner/PartnerMessagePage";
import { RegistrationsPage } from "../features/partner/RegistrationsPage";
import { AcceptInvitationPage } from "../features/public/AcceptInvitationPage";
import { ConfirmRegistrationPage } from "../features/public/ConfirmRegistrationPage";
import { RegisterPage } from "../features/public/RegisterPage";
import { Layout } from "./Layout";

function RequireSignIn({ children }: { children: ReactElement }) {
  const { token, impersonation } = useSession();
  const location = useLocation();
  if (token || impersonation) return children;
  return <Navigate to={`/signin?returnTo=${encodeURIComponent(location.pathname + location.search)}`} replace />;
}

/** "/" is the customer list for partners and operators, and a customer member's own account. */
function Home() {
  const { membership, isOperator } = useCurrentAccount();
  const { impersonation } = useSession();
  if (impersonation) return <Navigate to={`/customers/${impersonation.accountId}`} replace />;
  if (!isOperator && membership?.kind === "customer") return <Navigate to={`/customers/${membership.customerId}`} replace />;
  return <CustomerListPage />;
}

/** A partner screen; it waits for /api/me (a reload) before sending a user without a partner account home. */
function PartnerOnly({ render }: { render: (partnerId: string) => ReactElement }) {
  const { partnerId } = useCurrentAccount();
  if (useMe().isPending) return null;
  return partnerId ? render(partnerId) : <Navigate to="/" replace />;
}

export function App() {
  const { partnerId } = useCurrentAccount();
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/signin/callback" element={<SignInCallback />} />
        <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
        <Route path="/registrations/confirm" element={<ConfirmRegistrationPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/" element={<RequireSignIn children={<Home />} />} />
        <Route path="/customers/:id/:tab?" element={<RequireSignIn children={<CustomerPage />} />} />
        <Route
          path="/partner/invitation-links"
          element={<RequireSignIn children={<PartnerOnly render={(id) => <InvitationLinksPage partnerId={id} />} />} />}
        />
        <Route
          path="/partner/settings"
          element={<RequireSignIn children={<PartnerOnly render={(id) => <PartnerSettingsPage partnerId={id} />} />} />}
        />
        <Route
          path="/partner/message"
          element={<RequireSignIn children={<PartnerOnly render={(id) => <PartnerMessagePage partnerId={id} />} />} />}
        />
        <Route path="/partner/registrations" element={<RequireSignIn children={<RegistrationsPage partnerId={partnerId} />} />} />
        <Route path="/operator/settings" element={<RequireSignIn children={<OperatorSettingsPage />} />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

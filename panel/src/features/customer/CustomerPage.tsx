import { NavLink, useParams } from "react-router-dom";
import { ProblemMessage } from "../../components/ProblemMessage";
import { useI18n } from "../../i18n/i18n";
import type { MessageKey } from "../../i18n/messages";
import { StatusBadge } from "../customers/StatusBadge";
import { useCustomer, type Customer } from "./api";
import { DeletionSection } from "./DeletionSection";
import { DetailsSection } from "./DetailsSection";
import { HistorySection } from "./HistorySection";
import { InvitationsSection } from "./InvitationsSection";
import { LoginAsSection } from "./LoginAsSection";
import { MembersSection } from "./MembersSection";
import { MessagesSection } from "./MessagesSection";
import { ProductsSection } from "./ProductsSection";
import { ProjectsSection } from "./ProjectsSection";
import { UsageSection } from "./UsageSection";

const tabs: { path: string; label: MessageKey; Section: (props: { customer: Customer; etag: string | null }) => JSX.Element }[] = [
  { path: "details", label: "customer.tabs.details", Section: DetailsSection },
  { path: "users", label: "customer.tabs.users", Section: MembersSection },
  { path: "invitations", label: "customer.tabs.invitations", Section: InvitationsSection },
  { path: "projects", label: "customer.tabs.projects", Section: ProjectsSection },
  { path: "products", label: "customer.tabs.products", Section: ProductsSection },
  { path: "history", label: "customer.tabs.history", Section: HistorySection },
  { path: "deletion", label: "customer.tabs.deletion", Section: DeletionSection },
  { path: "messages", label: "customer.tabs.messages", Section: MessagesSection },
  { path: "login-as", label: "customer.tabs.loginAs", Section: LoginAsSection },
  { path: "usage", label: "customer.tabs.usage", Section: UsageSection },
];

/** One customer: a header with its state and a tab per area of the reference panel. */
export function CustomerPage() {
  const { t } = useI18n();
  const { id = "", tab = "details" } = useParams();
  const customer = useCustomer(id);
  if (customer.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (customer.error) return <ProblemMessage error={customer.error} />;
  const { data, etag } = customer.data;
  const current = tabs.find((candidate) => candidate.path === tab) ?? tabs[0];
  return (
    <section>
      <header className="page-header">
        <h1>
          {data.name} <small>{data.id}</small>
        </h1>
        <StatusBadge status={data.status} />
        <span className="badge">{data.stage}</span>
      </header>
      <nav className="tabs">
        {tabs.map(({ path, label }) => (
          <NavLink key={path} to={`/customers/${id}/${path}`} className={() => (path === current.path ? "active" : "")}>
            {t(label)}
          </NavLink>
        ))}
      </nav>
      <current.Section customer={data} etag={etag} />
    </section>
  );
}

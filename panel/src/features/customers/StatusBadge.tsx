import { useI18n } from "../../i18n/i18n";
import type { AccountStatus } from "../../i18n/enums";

export function StatusBadge({ status }: { status: AccountStatus | null | undefined }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status ?? "none"}`}>{status ? t(`status.${status}`) : null}</span>;
}

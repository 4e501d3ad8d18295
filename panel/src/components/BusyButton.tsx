import type { ButtonHTMLAttributes } from "react";
import { useI18n } from "../i18n/i18n";

/**
 * A button whose action waits for the API: while `busy` it is disabled, marked aria-busy and shows a spinner with
 * "Working…" next to its label, so a slow call never looks like a click that did nothing.
 */
export function BusyButton({
  busy,
  disabled,
  children,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { busy: boolean }) {
  const { t } = useI18n();
  return (
    <button type={type} {...props} disabled={busy || disabled} aria-busy={busy}>
      {children}
      {busy ? (
        <span className="busy">
          <span className="spinner" aria-hidden="true" /> {t("common.working")}
        </span>
      ) : null}
    </button>
  );
}

import { ApiProblem } from "../api/client";
import { useI18n } from "../i18n/i18n";

/** A failed call as a readable message: the problem's title and detail (field errors show next to their fields). */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  if (error instanceof ApiProblem) {
    if (error.status === 412) {
      return (
        <p role="alert" className="problem">
          {t("problem.412")}
        </p>
      );
    }
    const { title, detail } = error.problem;
    return (
      <p role="alert" className="problem">
        {title && detail ? <strong>{title} </strong> : null}
        {detail ?? title ?? error.message}
      </p>
    );
  }
  return (
    <p role="alert" className="problem">
      {error instanceof TypeError ? t("problem.network") : String(error)}
    </p>
  );
}

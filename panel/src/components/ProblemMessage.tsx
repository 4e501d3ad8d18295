import { ApiProblem } from "../api/client";
import { useI18n } from "../i18n/i18n";

/** A failed call as a readable message: the problem's title and detail (field errors show next to their fields). */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  if (error instanceof ApiProblem) {
    const text = error.status === 412 ? t("problem.412") : (error.problem.detail ?? error.problem.title ?? error.message);
    return (
      <p role="alert" className="problem">
        {error.problem.title && error.problem.detail ? <strong>{error.problem.title}: </strong> : null}
        {text}
      </p>
    );
  }
  return (
    <p role="alert" className="problem">
      {error instanceof TypeError ? t("problem.network") : String(error)}
    </p>
  );
}

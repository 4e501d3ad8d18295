import { useId, type ReactElement, cloneElement } from "react";
import { ApiProblem } from "../api/client";

/** A labelled form control with the API's validation errors for `name` shown beneath it. */
export function Field({ label, name, error, children }: { label: string; name: string; error?: unknown; children: ReactElement }) {
  const id = useId();
  const messages = error instanceof ApiProblem ? error.fieldErrors(name) : [];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, name, "aria-invalid": messages.length > 0 || undefined })}
      {messages.map((message) => (
        <span key={message} className="field-error">
          {message}
        </span>
      ))}
    </div>
  );
}

import { useState } from "react";
import { BusyButton } from "./BusyButton";

/** A destructive button that only arms once the user typed `expected` (the customer id). */
export function TypedConfirm({
  expected,
  prompt,
  action,
  onConfirm,
  busy,
}: {
  expected: string;
  prompt: string;
  action: string;
  onConfirm: () => void;
  busy?: boolean;
}) {
  const [typed, setTyped] = useState("");
  return (
    <div className="typed-confirm">
      <label>
        {prompt}
        <input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </label>
      <BusyButton className="danger" busy={busy ?? false} disabled={typed !== expected} onClick={onConfirm}>
        {action}
      </BusyButton>
    </div>
  );
}

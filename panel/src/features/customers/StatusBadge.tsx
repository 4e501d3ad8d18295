export function StatusBadge({ status }: { status: string | null | undefined }) {
  return <span className={`badge badge-${status ?? "none"}`}>{status}</span>;
}

// Every list of the API pages with a continuation token; this is the one place that follows it.
import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { present } from "../api/client";
import { useI18n } from "../i18n/i18n";
import { BusyButton } from "./BusyButton";
import { ProblemMessage } from "./ProblemMessage";

export type Page<T> = { items: (T | null)[]; continuationToken?: string | null };

export function usePaged<T>(queryKey: QueryKey, fetchPage: (continuationToken: string | undefined) => Promise<Page<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.continuationToken ?? undefined,
  });
  const items = query.data?.pages.flatMap((page) => present(page.items)) ?? [];
  return { ...query, items };
}

/** The list's state around its rows: loading, the problem, "nothing here", and "Load more" while pages remain. */
export function PagedFooter({ query }: { query: ReturnType<typeof usePaged<unknown>> }) {
  const { t } = useI18n();
  return (
    <>
      {query.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      <ProblemMessage error={query.error} />
      {!query.isPending && !query.error && query.items.length === 0 ? <p className="muted">{t("common.noItems")}</p> : null}
      {query.hasNextPage ? (
        <BusyButton busy={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
          {t("common.loadMore")}
        </BusyButton>
      ) : null}
    </>
  );
}

export function Table({ head, children }: { head: ReactNode; children: ReactNode }) {
  return (
    <table>
      <thead>
        <tr>{head}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

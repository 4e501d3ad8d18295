import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../auth/session";

export function useMe() {
  const { token, impersonation } = useSession();
  return useQuery({
    queryKey: ["me"],
    queryFn: () => unwrap(api.GET("/api/me")),
    enabled: Boolean(token ?? impersonation),
    staleTime: 60_000,
  });
}

export type Me = NonNullable<ReturnType<typeof useMe>["data"]>;
export type Membership = NonNullable<Me["memberships"][number]>;

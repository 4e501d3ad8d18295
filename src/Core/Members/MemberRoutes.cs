using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Members;

/// <summary>Members and /api/me.</summary>
public static class MemberRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.Legacy<MemberEndpoints>("ListMembers", "GET", "customers/{id}/members", Access.Reads(Allowed.Everyone), (e, r) => e.List(r))
            with { Summary = "List the account's members (paged)", ResponseType = typeof(MemberList), Query = ["pageSize", "continuationToken"] },
        ApiRoute.Legacy<MemberEndpoints>("AddMyself", "POST", "customers/{id}/members/me", Access.Reads(Allowed.Everyone), (e, r) => e.AddMyself(r))
            with { Summary = "Add myself: the caller becomes an admin of the account (409 already-member when they belong to it)", ResponseType = typeof(MemberView) },
        ApiRoute.Legacy<MemberEndpoints>("ChangeMemberRole", "PUT", "customers/{id}/members/{userId}/role", Access.Writes(Allowed.Admins), (e, r) => e.ChangeRole(r))
            with { Summary = "Change a member's role (409 last-admin when it would leave the account without an admin)", BodyType = typeof(ChangeRoleBody), ResponseType = typeof(MemberView) },
        ApiRoute.Legacy<MemberEndpoints>("RemoveMember", "DELETE", "customers/{id}/members/{userId}", Access.Writes(Allowed.Admins), (e, r) => e.Remove(r))
            with { Summary = "Remove a member and all their project access (409 last-admin for the last admin)" },
        ApiRoute.Legacy<MeEndpoints>("GetMe", "GET", "me", Access.SignedIn, (e, r) => e.Get(r))
            with { Summary = "The caller and the accounts they belong to", ResponseType = typeof(MeView) },
    ];
}

using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Members;

/// <summary>Members and /api/me.</summary>
public static class MemberRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        ApiRoute.For<MemberEndpoints>("ListMembers", "GET", "customers/{id}/members", (e, r) => e.List(r))
            with { Summary = "List the account's members (paged)", Who = "operator; its partner; its members", ResponseType = typeof(MemberList), Query = ["pageSize", "continuationToken"] },
        ApiRoute.For<MemberEndpoints>("AddMyself", "POST", "customers/{id}/members/me", (e, r) => e.AddMyself(r))
            with { Summary = "Add myself: the caller becomes an admin of the account (409 already-member when they belong to it)", Who = "operator; its partner (partner accounts: operators)", ResponseType = typeof(MemberView) },
        ApiRoute.For<MemberEndpoints>("ChangeMemberRole", "PUT", "customers/{id}/members/{userId}/role", (e, r) => e.ChangeRole(r))
            with { Summary = "Change a member's role (409 last-admin when it would leave the account without an admin)", Who = "operator; its partner; its customer admins", BodyType = typeof(ChangeRoleBody), ResponseType = typeof(MemberView) },
        ApiRoute.For<MemberEndpoints>("RemoveMember", "DELETE", "customers/{id}/members/{userId}", (e, r) => e.Remove(r))
            with { Summary = "Remove a member and all their project access (409 last-admin for the last admin)", Who = "operator; its partner; its customer admins" },
        ApiRoute.For<MeEndpoints>("GetMe", "GET", "me", (e, r) => e.Get(r))
            with { Summary = "The caller and the accounts they belong to", Who = "any signed-in user", ResponseType = typeof(MeView) },
    ];
}

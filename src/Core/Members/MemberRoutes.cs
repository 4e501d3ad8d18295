using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Api;

namespace CustomerFunctions.Core.Members;

/// <summary>Members and /api/me.</summary>
public static class MemberRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        Route<MemberEndpoints>.For("ListMembers", "GET", "customers/{id}/members", Access.Reads(Allowed.Everyone), (e, s, r) => e.List(s, r))
            with { Summary = "List the account's members (paged)", ResponseType = typeof(MemberList), Query = ["pageSize", "continuationToken"] },
        Route<MemberEndpoints>.For("AddMyself", "POST", "customers/{id}/members/me", Access.Reads(Allowed.Everyone), (e, s, r) => e.AddMyself(s, r))
            with { Summary = "Add myself: the caller becomes an admin of the account (409 already-member when they belong to it)", ResponseType = typeof(MemberView), Success = [201] },
        Route<MemberEndpoints>.For("ChangeMemberRole", "PUT", "customers/{id}/members/{userId}/role", Access.Writes(Allowed.Admins), (e, s, r) => e.ChangeRole(s, r))
            with { Summary = "Change a member's role (409 last-admin when it would leave the account without an admin)", BodyType = typeof(ChangeRoleBody), ResponseType = typeof(MemberView) },
        Route<MemberUpdateEndpoints>.For("UpdateMember", "PATCH", "customers/{id}/members/{userId}", Access.Writes(Allowed.Everyone), (e, s, r) => e.Update(s, r))
            with
            {
                Summary = "Change a member's name, email or language (merge patch; null clears name and language). A member who is no admin changes only their own name and language (else 403). Event USER_UPDATED",
                BodyType = typeof(UpdateMemberBody),
                ResponseType = typeof(MemberView),
            },
        Route<MemberEndpoints>.For("RemoveMember", "DELETE", "customers/{id}/members/{userId}", Access.Writes(Allowed.Admins), (e, s, r) => e.Remove(s, r))
            with { Summary = "Remove a member and all their project access (409 last-admin for the last admin)" },
        Route<MeEndpoints>.For("GetMe", "GET", "me", Access.SignedIn, (e, r) => e.Get(r))
            with { Summary = "The caller, the accounts they belong to (with each account's status and partner) and the features the panel may show them", ResponseType = typeof(MeView) },
    ];
}

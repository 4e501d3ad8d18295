using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Invitations;

/// <summary>Invitations (issue 2).</summary>
public static class InvitationRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
    ];
}

using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Hosting;

namespace CustomerFunctions.Tests.Authorization;

/// <summary>
/// Ties the authorization matrix (what HTTP answers) to the access each route declares (what the dispatcher enforces):
/// the cells of every account or operator route follow from its declaration alone, so a declaration changed without
/// the matrix, or the other way round, fails here before any request is sent.
/// </summary>
public sealed class MatrixFollowsDeclaredAccess
{
    /// <summary>Routes whose handler decides more than the declaration says, and why.</summary>
    private static readonly Dictionary<string, string> DecidedByTheHandler = new()
    {
        ["AddMyself"] = "the account's own members are told they already belong (409); only managers may then join",
        ["GetProject"] = "an employee sees only the projects they were given",
        ["CreateCustomer"] = "any signed-in user may try; partners create only for their own partner, customers not at all",
        ["ListCustomers"] = "any signed-in user may try; the list is scoped to what the caller manages",
        ["CountCustomers"] = "any signed-in user may try; the counts are scoped to what the caller manages",
        ["GetMe"] = "the caller's own data",
        ["AcceptInvitation"] = "the token names the account",
        ["Register"] = "anonymous",
        ["GetPublicSettings"] = "anonymous: what the sign-up page needs",
        ["ConfirmRegistration"] = "the token names the account",
        ["GetMyMessages"] = "the caller's own inbox",
        ["ListProducts"] = "the catalog is public to signed-in users",
        ["GetProduct"] = "the catalog is public to signed-in users",
    };

    /// <summary>Cells of declared routes that the handler's own rule decides (column, outcome), and why.</summary>
    private static readonly Dictionary<string, (Role Column, string Outcome)[]> RuleCells = new()
    {
        // Only an active customer asks (409 account-not-active); a partner never asks for itself (403 only-customers-request-deletion).
        ["RequestDeletion"] = [(Role.DisabledCustomerAdmin, "409"), (Role.PartnerAdminOnPartner, "403")],
        // Projects belong to customers (409 not-a-customer); a partner has none to find (404).
        ["CreateProject"] = [(Role.PartnerAdminOnPartner, "409")],
        ["DeleteProject"] = [(Role.PartnerAdminOnPartner, "404")],
        ["GrantProjectAccess"] = [(Role.PartnerAdminOnPartner, "404")],
        ["RevokeProjectAccess"] = [(Role.PartnerAdminOnPartner, "404")],
        // The world's customer has a managing partner: it cannot become a partner (409 managed-by-partner).
        ["SetAccountKind"] = [(Role.Operator, "409")],
        // The impersonator is not one of the message's recipients.
        ["AcknowledgeMessage"] = [(Role.Impersonation, "404")],
    };

    [Fact]
    public void EveryRouteWithAnAccountOrOperatorAudience_HasTheMatrixRowItsAccessImplies()
    {
        var mismatches = new List<string>();
        foreach (var route in ApiRoutes.All.Where(r => !DecidedByTheHandler.ContainsKey(r.Name)))
        {
            var implied = Implied(route.Access);
            foreach (var (column, outcome) in RuleCells.GetValueOrDefault(route.Name, []))
            {
                implied[(int)column] = outcome;
            }
            var table = AuthorizationMatrix.Table.Single(t => t.Route == route.Name).Expected;
            if (!implied.SequenceEqual(table))
            {
                mismatches.Add($"{route.Name}: declared {route.Access.Who} implies [{string.Join(", ", implied)}], the matrix says [{string.Join(", ", table)}]");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void OnlyRoutesWithoutAnAccountInTheirPath_OrWithAReasonGiven_AreLeftToTheirHandler()
    {
        var unknown = DecidedByTheHandler.Keys.Where(name => ApiRoutes.All.All(r => r.Name != name));
        Assert.Empty(unknown);
        Assert.All(ApiRoutes.All.Where(r => r.Access.Audience is Audience.SignedIn or Audience.Anyone), r => Assert.True(DecidedByTheHandler.ContainsKey(r.Name), r.Name));
    }

    /// <summary>The matrix row an access declaration implies against the world's customer (or, for partner routes, its partner).</summary>
    private static string[] Implied(Access access)
    {
        if (access.Audience == Audience.Operators)
        {
            return ["ok", "403", "403", "403", "403", "403", "403", "401", "403", "403", "403", "403"];
        }
        Assert.Equal(Audience.Account, access.Audience);
        string Cell(Relation relation) => access.Relations.Contains(relation) ? "ok" : "403";
        // A disabled account's own members, and a disabled partner's members on its customers, may only read.
        string ReadOnly(Relation relation) => access.IsWrite ? "403" : Cell(relation);
        return access.AccountRouteValue == "partnerId"
            // The world's partner account: its admin and employee are its own members; customers' people (and tokens) do not know it.
            ? [Cell(Relation.Operator), Cell(Relation.Admin), Cell(Relation.Member), "404", "404", "404", "404", "401", "404", ReadOnly(Relation.Admin), "404", Cell(Relation.Admin)]
            : [Cell(Relation.Operator), Cell(Relation.Partner), Cell(Relation.Partner), "404", Cell(Relation.Admin), Cell(Relation.Member), "404", "401",
                access.ImpersonationRefused is null ? Cell(Relation.Admin) : "403", ReadOnly(Relation.Partner), ReadOnly(Relation.Admin), Cell(Relation.Admin)];
    }
}

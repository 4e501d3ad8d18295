using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>An operator turns a customer nobody manages into a partner: the kind and every member's role change in one transaction.</summary>
public sealed class AccountKindEndpoints
{
    /// <summary>
    /// Members whose roles one transaction can change beside the profile, the event, the outbox and the idempotency
    /// rows (Azure's limit is 100 operations).
    /// </summary>
    public const int MaxMembers = 90;

    public async Task<Answer<ApiResponse, Invalid, ManagedByPartner, CannotBecomePartner>> Set(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<SetAccountKindBody>();
        var check = new Validator();
        if (body.Kind is null)
        {
            check.Error("kind", "Required: partner.");
        }
        else if (body.Kind != AccountKind.Partner)
        {
            check.Error("kind", "Only partner: a customer becomes a partner, never the other way round.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        var account = session.Existing;
        if (account.Kind == AccountKind.Partner)
        {
            return ApiResponse.Ok(AccountView.From(account));
        }
        if (account.PartnerId is { } partnerId)
        {
            return new ManagedByPartner(partnerId);
        }
        if (account.Status is not (AccountStatus.Active or AccountStatus.Disabled))
        {
            return CannotBecomePartner.NotSettled(account.Status);
        }
        if (account.ProjectCount > 0)
        {
            return CannotBecomePartner.HasProjects(account.ProjectCount);
        }
        var members = new List<Stored<Member>>();
        await foreach (var member in session.QueryAsync(AccountPartition.Members))
        {
            members.Add(member);
        }
        if (members.Count > MaxMembers)
        {
            return CannotBecomePartner.TooManyMembers(members.Count);
        }

        account.BecomePartner(session.Now);
        foreach (var stored in members)
        {
            session.Replace(AccountPartition.Members, stored.Value.WithRole(Member.SameRankIn(stored.Value.Role, AccountKind.Partner)), stored.ETag);
        }
        session.Record(EventTypes.AccountKindChanged, new { kind = AccountKind.Partner, membersConverted = members.Count },
            [new FieldChange("kind", AccountKind.Customer, AccountKind.Partner)]);
        // The listing and every member's index row carry the kind (and the role): partner members then find the account as their partner.
        session.Effect(new SyncAccountListing());
        session.Effect(new SyncAllMemberships());
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(account)));
    }
}

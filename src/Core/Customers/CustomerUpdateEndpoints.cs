using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

/// <summary>Changing an account: its fields, its status, its project quota. Each change is one history event with its field changes.</summary>
public sealed class CustomerUpdateEndpoints
{
    public const int MaxProjectQuota = 10_000;

    /// <summary>Fields only the operator and the managing partner set (the reference: customers see a custom id but cannot edit it).</summary>
    private static readonly string[] ManagedFields = ["customId", "seller", "isTestAccount"];

    public async Task<Answer<ApiResponse, Invalid, PreconditionFailed, ManagedField>> Update(AccountSession session, ApiRequest request)
    {
        var present = MergePatch.PresentFields(request.Body);
        if (present.Contains("id"))
        {
            return Invalid.Field("id", "An account's identifier never changes; create a new account instead.");
        }
        var body = request.ReadBody<UpdateCustomerBody>();
        var check = new Validator()
            .Text("name", body.Name, 200, required: present.Contains("name"))
            .Email("companyEmail", body.CompanyEmail)
            .Text("firstName", body.FirstName, 100)
            .Text("lastName", body.LastName, 100)
            .Text("customId", body.CustomId, 100)
            .Text("seller", body.Seller, 100)
            .OneOf("language", body.Language, Email.EmailTemplates.Languages, required: present.Contains("language"));
        if (present.Contains("isTestAccount") && body.IsTestAccount is null)
        {
            check.Error("isTestAccount", "Must be true or false.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        if (session.IfMatchFails() is { } stale)
        {
            return stale;
        }
        var account = session.Existing;
        var changes = new Changes(present, account.Details);
        changes.Track("name", account.Name, body.Name?.Trim(), (d, v) => d with { Name = v! });
        changes.Track("companyEmail", account.CompanyEmail, body.CompanyEmail, (d, v) => d with { CompanyEmail = v });
        changes.Track("firstName", account.FirstName, body.FirstName, (d, v) => d with { FirstName = v });
        changes.Track("lastName", account.LastName, body.LastName, (d, v) => d with { LastName = v });
        changes.Track("customId", account.CustomId, body.CustomId, (d, v) => d with { CustomId = v });
        changes.Track("seller", account.Seller, body.Seller, (d, v) => d with { Seller = v });
        changes.Track("language", account.Language, body.Language, (d, v) => d with { Language = v! });
        changes.Track("isTestAccount", account.IsTestAccount, body.IsTestAccount ?? account.IsTestAccount, (d, v) => d with { IsTestAccount = v });

        if (session.Relation == Relation.Admin && changes.List.FirstOrDefault(c => ManagedFields.Contains(c.Field)) is { } managed)
        {
            return new ManagedField(managed.Field);
        }
        if (changes.List.Count == 0)
        {
            // Nothing changes: nothing is written and no event recorded; the ETag stays valid.
            return Unchanged(session);
        }
        account.Edit(changes.Next, session.Now);
        session.Record(EventTypes.CustomerUpdated, null, changes.List);
        session.Effect(new SyncAccountListing());
        if (changes.List.Any(c => c.Field is "name" or "language"))
        {
            // Membership index rows carry the account's name, and its language for members without their own.
            session.Effect(new SyncAllMemberships());
        }
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(account)));
    }

    public async Task<Answer<ApiResponse, Invalid, PreconditionFailed, StatusChangeNotAllowed>> SetStatus(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<SetCustomerStatusBody>();
        var check = new Validator();
        if (body.Status is null)
        {
            check.Error("status", "Required.");
        }
        else if (body.Status is not (AccountStatus.Active or AccountStatus.Disabled))
        {
            check.Error("status", "Must be active or disabled; the other statuses follow from registration and deletion.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }
        if (session.IfMatchFails() is { } stale)
        {
            return stale;
        }
        var account = session.Existing;
        var target = body.Status!.Value;
        if (account.Status == target)
        {
            return Unchanged(session);
        }
        if (!account.CanChangeStatusTo(target))
        {
            return new StatusChangeNotAllowed(account.Status, target);
        }
        var from = account.Status;
        account.ChangeStatus(target, session.Now);
        session.Record(EventTypes.CustomerStatusChanged, new { status = target }, [new FieldChange("status", from, target)]);
        session.Effect(new SyncAccountListing());
        // Membership index rows carry the account's status (/api/me).
        session.Effect(new SyncAllMemberships());
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(account)));
    }

    public async Task<Answer<ApiResponse, Invalid, PreconditionFailed>> SetQuota(AccountSession session, ApiRequest request)
    {
        var body = request.ReadBody<SetCustomerQuotaBody>();
        if (new Validator().Range("projects", body.Projects, 0, MaxProjectQuota, required: true).Failure is { } invalid)
        {
            return invalid;
        }
        if (session.IfMatchFails() is { } stale)
        {
            return stale;
        }
        var account = session.Existing;
        var target = body.Projects!.Value;
        if (account.ProjectQuota == target)
        {
            return Unchanged(session);
        }
        var from = account.ProjectQuota;
        account.SetProjectQuota(target, session.Now);
        session.Record(EventTypes.CustomerQuotaEdited, new { projects = target, projectCount = account.ProjectCount }, [new FieldChange("projectQuota", from, target)]);
        session.Effect(new SyncAccountListing());
        return await session.CommitAsync(ApiResponse.Ok(AccountView.From(account)));
    }

    private static ApiResponse Unchanged(AccountSession session) =>
        ApiResponse.Ok(AccountView.From(session.Existing)) with { ETag = session.ProfileETag?.ToString() };

    /// <summary>Collects the fields a patch really changes into the next details; the account takes them once every check passed.</summary>
    private sealed class Changes(HashSet<string> present, AccountDetails current)
    {
        public List<FieldChange> List { get; } = [];

        public AccountDetails Next { get; private set; } = current;

        public void Track<T>(string field, T now, T next, Func<AccountDetails, T, AccountDetails> set)
        {
            if (present.Contains(field) && !EqualityComparer<T>.Default.Equals(now, next))
            {
                List.Add(new FieldChange(field, now, next));
                Next = set(Next, next);
            }
        }
    }
}

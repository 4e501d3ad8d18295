using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>Creating and reading accounts.</summary>
public sealed class CustomerEndpoints(AccountStore accounts, CallerPartners partners)
{
    /// <summary>The account named in the body is opened here: the route names none, so the dispatcher cannot.</summary>
    public async Task<Answer<ApiResponse, Invalid, Forbidden, IdentifierTaken>> Create(ApiRequest request)
    {
        var body = request.ReadBody<CreateCustomerBody>();
        var kind = body.Kind ?? AccountKind.Customer;
        var check = new Validator()
            .Identifier("id", body.Id)
            .Text("name", body.Name, 200, required: true)
            .Identifier("partnerId", body.PartnerId, required: false)
            .Email("companyEmail", body.CompanyEmail)
            .Text("firstName", body.FirstName, 100)
            .Text("lastName", body.LastName, 100)
            .Text("customId", body.CustomId, 100)
            .Text("seller", body.Seller, 100)
            .OneOf("language", body.Language, Email.EmailTemplates.Languages)
            .Range("projectQuota", body.ProjectQuota, 0, 10_000);
        if (kind == AccountKind.Partner && body.PartnerId is not null)
        {
            check.Error("partnerId", "A partner account is not managed by another partner.");
        }
        if (check.Failure is { } invalid)
        {
            return invalid;
        }

        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            return new ImpersonationConfined();
        }
        if (kind == AccountKind.Partner && !caller.IsOperator)
        {
            return new Forbidden("Only platform operators create partner accounts.");
        }
        var partnerId = body.PartnerId;
        if (!caller.IsOperator)
        {
            var choice = await partners.ResolveAsync(request, body.PartnerId, "Only operators and members of the partner create its customer accounts.", writes: true);
            if (choice.Refused is { } refused)
            {
                return refused;
            }
            if (choice.Ambiguous is { } ambiguous)
            {
                return ambiguous;
            }
            partnerId = choice.Id;
        }
        else if (partnerId is not null && await accounts.ReadAccountAsync(partnerId, request.Aborted) is not { Account.Kind: AccountKind.Partner, Account.IsDeleted: false })
        {
            return Invalid.Field("partnerId", "No partner account has this identifier.");
        }

        var session = await accounts.OpenForRouteAsync(body.Id!, request);
        if (session.Replay is { } replay)
        {
            return replay;
        }
        if (session.Account is not null)
        {
            return new IdentifierTaken(body.Id!);
        }
        var now = session.Now;
        var account = session.Account = new Account
        {
            Id = body.Id!,
            Name = body.Name!.Trim(),
            Kind = kind,
            PartnerId = partnerId,
            CompanyEmail = body.CompanyEmail,
            FirstName = body.FirstName,
            LastName = body.LastName,
            CustomId = body.CustomId,
            Seller = body.Seller,
            Language = body.Language ?? "en",
            IsTestAccount = body.IsTestAccount ?? false,
            ProjectQuota = body.ProjectQuota ?? Account.DefaultProjectQuota,
            CreatedAt = now,
            UpdatedAt = now,
        };
        session.Record(EventTypes.CustomerCreated, new { kind, partnerId, name = account.Name });
        session.Effect(new SyncAccountListing());
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{account.Id}", AccountView.From(account)));
    }

    public Task<ApiResponse> Get(AccountSession session, ApiRequest request) =>
        Task.FromResult(ApiResponse.Ok(AccountView.From(session.Existing)) with { ETag = session.ProfileETag?.ToString() });
}

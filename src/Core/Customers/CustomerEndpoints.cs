using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Customers;

public sealed record CreateCustomerBody(
    string? Id, string? Name, AccountKind? Kind, string? PartnerId, string? CompanyEmail, string? FirstName, string? LastName,
    string? CustomId, string? Seller, string? Language, bool? IsTestAccount, int? ProjectQuota);

/// <summary>Creating and reading accounts.</summary>
public sealed class CustomerEndpoints(AccountStore accounts, CallerPartners partners)
{
    public async Task<Microsoft.AspNetCore.Http.IResult> Create(ApiRequest request)
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
        check.ThrowIfInvalid();

        var caller = request.Caller;
        if (caller.IsImpersonation)
        {
            throw new ApiErrorException(ApiError.Forbidden("An impersonation token acts only inside its customer account."));
        }
        if (kind == AccountKind.Partner && !caller.IsOperator)
        {
            throw new ApiErrorException(ApiError.Forbidden("Only platform operators create partner accounts."));
        }
        var partnerId = caller.IsOperator ? body.PartnerId : await partners.ResolveAsync(request, body.PartnerId, "Only operators and members of the partner create its customer accounts.");
        if (partnerId is not null && caller.IsOperator)
        {
            var partner = await accounts.ReadAccountAsync(partnerId, request.Aborted);
            if (partner is not { Account.Kind: AccountKind.Partner, Account.IsDeleted: false })
            {
                throw new ApiErrorException(ApiError.Validation("partnerId", "No partner account has this identifier."));
            }
        }

        var session = await accounts.OpenAsync(body.Id!, request);
        if (session.Account is not null)
        {
            throw new ApiErrorException(ApiError.Conflict("identifier-taken", $"The identifier '{body.Id}' is already taken."));
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

    public async Task<Microsoft.AspNetCore.Http.IResult> Get(ApiRequest request)
    {
        var session = (await accounts.OpenAsync(request.RouteValue("id"), request)).Authorize(Allowed.Everyone, writes: false);
        return ApiResponse.Ok(AccountView.From(session.Existing)) with { ETag = session.ProfileETag?.ToString() };
    }
}

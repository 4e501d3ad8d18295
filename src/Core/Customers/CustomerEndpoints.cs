using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.History;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Products;

namespace CustomerFunctions.Core.Customers;

/// <summary>Creating and reading accounts.</summary>
public sealed class CustomerEndpoints(AccountStore accounts, CallerPartners partners, InvitationIssuer invitations, InvitationLimits limits, ProductCatalog catalog)
{
    /// <summary>Each product set at creation writes a row and an event; this keeps the creating transaction within Azure's 100 rows.</summary>
    public const int MaxInitialProducts = 40;

    /// <summary>The account named in the body is opened here: the route names none, so the dispatcher cannot.</summary>
    public async Task<Answer<ApiResponse, Invalid, Forbidden, IdentifierTaken, InvitationsRateLimited>> Create(ApiRequest request)
    {
        var body = request.ReadBody<CreateCustomerBody>();
        var kind = body.Kind ?? AccountKind.Customer;
        var check = new Validator()
            .AccountId("id", body.Id)
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
        CheckAdmin(check, body.Admin);
        CheckProducts(check, body.Products, kind);
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
        if (await UnknownProductAsync(body.Products, request.Aborted) is { } unknownProduct)
        {
            return unknownProduct;
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
        // The first admin's invitation counts like any other: creating many customers cannot flood one address.
        if (body.Admin is { } invited && await limits.TakeAsync(session, invited.Email!) is { } limited)
        {
            return limited;
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
        var adminInvitation = body.Admin is { } admin
            ? invitations.Stage(session, admin.Email!, admin.FullName!.Trim(), Member.AdminRoleFor(kind), admin.Language)
            : null;
        StageProducts(session, body.Products);
        session.Effect(new SyncAccountListing());
        var view = AccountView.From(account) with { AdminInvitationId = adminInvitation?.Id };
        return await session.CommitAsync(ApiResponse.Created($"/api/customers/{account.Id}", view));
    }

    public Task<ApiResponse> Get(AccountSession session, ApiRequest request) =>
        Task.FromResult(ApiResponse.Ok(AccountView.From(session.Existing)) with { ETag = session.ProfileETag?.ToString() });

    private static void CheckAdmin(Validator check, FirstAdminBody? admin)
    {
        if (admin is not null)
        {
            check.Email("admin.email", admin.Email, required: true)
                .Text("admin.fullName", admin.FullName, 200, required: true)
                .OneOf("admin.language", admin.Language, Email.EmailTemplates.Languages);
        }
    }

    private static void CheckProducts(Validator check, IReadOnlyList<InitialProductBody?>? products, AccountKind kind)
    {
        if (products is null)
        {
            return;
        }
        if (kind == AccountKind.Partner && products.Count > 0)
        {
            check.Error("products", "A partner account has no products of its own; set its global visibility instead.");
        }
        if (products.Count > MaxInitialProducts)
        {
            check.Error("products", $"At most {MaxInitialProducts} products.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < products.Count; i++)
        {
            var field = $"products[{i}].productId";
            if (products[i] is not { } product)
            {
                check.Error($"products[{i}]", "Required: { productId, visible?, status? }.");
            }
            else
            {
                check.Identifier(field, product.ProductId);
                if (product.ProductId is { } id && !seen.Add(id))
                {
                    check.Error(field, "Listed twice.");
                }
            }
        }
    }

    /// <summary>The first product the catalog does not know, as a field error (the catalog is read only when products are given).</summary>
    private async Task<Invalid?> UnknownProductAsync(IReadOnlyList<InitialProductBody?>? products, CancellationToken cancellationToken)
    {
        if (products is not { Count: > 0 })
        {
            return null;
        }
        var known = (await catalog.AllAsync(cancellationToken)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < products.Count; i++)
        {
            if (!known.Contains(products[i]!.ProductId!))
            {
                return Invalid.Field($"products[{i}].productId", "No catalog product has this identifier.");
            }
        }
        return null;
    }

    /// <summary>Sets the new customer's products, one PRODUCT_CHANGED event each, the stage following their statuses.</summary>
    private static void StageProducts(AccountSession session, IReadOnlyList<InitialProductBody?>? products)
    {
        var statuses = new List<ProductStatus>();
        foreach (var product in products ?? [])
        {
            var before = CustomerProduct.Unset(product!.ProductId!);
            var after = before with { Visible = product.Visible, Status = product.Status ?? before.Status };
            if (after != before)
            {
                CustomerProductChange.Stage(session, before, after, statuses);
                statuses.Add(after.Status);
            }
        }
    }
}

using CustomerFunctions.Core.Hosting;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Authorization;

/// <summary>
/// Every route x every role, against the customer the partner manages. Expected outcome of each cell:
/// "ok" = 2xx, else the status. 404 where the caller may not know the account exists, 403 for a known account and the
/// wrong role (or a write by a disabled partner's member or a disabled account's admin), 401 without a token.
/// </summary>
public sealed class AuthorizationMatrix(MatrixFixture f) : IClassFixture<MatrixFixture>
{
    // ok = 2xx. Columns:     Operator PartnerAdmin PartnerEmployee ForeignPartner CustomerAdmin CustomerEmployee OtherCustomerMember Anonymous
    //                        Impersonation DisabledPartnerAdmin DisabledCustomerAdmin PartnerAdminOnPartner (see Role)
    private static readonly string[] Everyone = ["ok", "ok", "ok", "404", "ok", "ok", "404", "401", "ok", "ok", "ok", "ok"];
    private static readonly string[] AdminsRead = ["ok", "ok", "ok", "404", "ok", "403", "404", "401", "ok", "ok", "ok", "ok"];
    private static readonly string[] AdminsWrite = ["ok", "ok", "ok", "404", "ok", "403", "404", "401", "ok", "403", "403", "ok"];
    private static readonly string[] ManagersRead = ["ok", "ok", "ok", "404", "403", "403", "404", "401", "403", "ok", "403", "403"];
    private static readonly string[] ManagersWrite = ["ok", "ok", "ok", "404", "403", "403", "404", "401", "403", "403", "403", "403"];
    private static readonly string[] OperatorOnly = ["ok", "403", "403", "403", "403", "403", "403", "401", "403", "403", "403", "403"];
    private static readonly string[] SignedIn = ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "401", "ok", "ok", "ok", "ok"];
    private static readonly string[] PartnerMembersRead = ["ok", "ok", "ok", "404", "404", "404", "404", "401", "404", "ok", "404", "ok"];
    private static readonly string[] PartnerMembersWrite = ["ok", "ok", "ok", "404", "404", "404", "404", "401", "404", "403", "404", "ok"];
    private static readonly string[] PartnerAdminsWrite = ["ok", "ok", "403", "404", "404", "404", "404", "401", "404", "403", "404", "ok"];

    /// <summary>A project row aimed at a partner: creating one is refused (409 not-a-customer), and none exists to find (404).</summary>
    private static string[] CustomersOnly(string[] row, string onPartner = "404") => [.. row[..^1], onPartner];

    public static readonly (string Route, string[] Expected)[] Table =
    [
        // Accounts. An impersonation token acts inside its account only; a disabled partner's members only read.
        ("CreateCustomer", ["ok", "ok", "ok", "ok", "403", "403", "403", "401", "403", "403", "403", "ok"]),
        ("ListCustomers", ["ok", "ok", "ok", "ok", "403", "403", "403", "401", "403", "ok", "403", "ok"]),
        ("CountCustomers", ["ok", "ok", "ok", "ok", "403", "403", "403", "401", "403", "ok", "403", "ok"]),
        ("ListPartnerSellers", PartnerMembersRead),
        ("GetCustomer", Everyone),
        ("UpdateCustomer", AdminsWrite),
        ("SetCustomerStatus", ManagersWrite),
        ("SetCustomerQuota", ManagersWrite),
        // Operators only; the world's customer has a managing partner, so even the operator meets 409 managed-by-partner.
        ("SetAccountKind", ["409", "403", "403", "404", "403", "403", "404", "401", "403", "403", "403", "403"]),
        ("GetCustomerHistory", AdminsRead),
        ("ApproveCustomer", ManagersWrite),
        ("RejectCustomer", ManagersWrite),
        // Members and invitations
        ("ListMembers", Everyone),
        // The account's own members are told they already belong (409) rather than that the role is wrong.
        ("AddMyself", ["ok", "ok", "ok", "404", "409", "409", "404", "401", "403", "403", "409", "409"]),
        ("ChangeMemberRole", AdminsWrite),
        // The cell edits the customer employee's own name: they may (their email or another member's name they may not).
        ("UpdateMember", ["ok", "ok", "ok", "404", "ok", "ok", "404", "401", "ok", "403", "403", "ok"]),
        ("RemoveMember", AdminsWrite),
        ("GetMe", SignedIn),
        ("ListInvitations", AdminsRead),
        ("CreateInvitation", AdminsWrite),
        ("GetInvitation", AdminsRead),
        ("ResendInvitation", AdminsWrite),
        ("CancelInvitation", AdminsWrite),
        // Nobody joins a disabled account (the invitation is to the disabled customer in that column).
        ("AcceptInvitation", ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "401", "403", "ok", "409", "ok"]),
        // Projects and usage
        ("ListProjects", Everyone),
        ("CreateProject", CustomersOnly(AdminsWrite, "409")),
        // An employee sees only projects they were given; this one was not given to them.
        ("GetProject", ["ok", "ok", "ok", "404", "ok", "404", "404", "401", "ok", "ok", "ok", "404"]),
        ("DeleteProject", CustomersOnly(AdminsWrite)),
        ("GrantProjectAccess", CustomersOnly(AdminsWrite)),
        ("RevokeProjectAccess", CustomersOnly(AdminsWrite)),
        ("RecordUsage", ManagersWrite),
        ("GetUsageReport", AdminsRead),
        // Deletion: only an active customer's own admins ask; a partner never asks for itself.
        ("RequestDeletion", ["403", "403", "403", "404", "ok", "403", "404", "401", "ok", "403", "409", "403"]),
        ("CancelDeletionRequest", ManagersWrite),
        ("ListDeletionRequests", AdminsRead),
        ("DeleteCustomer", ManagersWrite),
        ("GetPartnerSettings", PartnerMembersRead),
        ("SetPartnerSettings", PartnerAdminsWrite),
        // Settings, registration, links
        ("GetSettings", OperatorOnly),
        ("UpdateSettings", OperatorOnly),
        ("ListSettingsAudit", OperatorOnly),
        ("ListFailedEmails", OperatorOnly),
        ("GetPublicSettings", ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("Register", ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"]),
        ("ConfirmRegistration", ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "401", "403", "ok", "ok", "ok"]),
        ("CreateInvitationLink", PartnerMembersWrite),
        ("ListInvitationLinks", PartnerMembersRead),
        ("RevokeInvitationLink", PartnerMembersWrite),
        // Messages, products, impersonation
        ("SendMessage", ManagersWrite),
        ("SendPartnerMessage", PartnerMembersWrite),
        ("ListMessages", ManagersRead),
        ("GetMessage", ManagersRead),
        ("GetMyMessages", SignedIn),
        // The impersonator is not one of the message's recipients.
        ("AcknowledgeMessage", ["403", "403", "403", "404", "ok", "ok", "404", "401", "404", "403", "ok", "ok"]),
        ("ListProducts", SignedIn),
        ("GetProduct", SignedIn),
        ("UpsertProduct", OperatorOnly),
        ("ListPartnerProducts", PartnerMembersRead),
        ("SetPartnerProductVisibility", PartnerMembersWrite),
        ("ListCustomerProducts", Everyone),
        ("SetCustomerProduct", ManagersWrite),
        ("StartImpersonation", ManagersWrite),
        // Operations
        ("ListParkedEffects", OperatorOnly),
        ("ReplayParkedEffect", OperatorOnly),
    ];

    /// <summary>How to call each route against the world's customer (set-up runs as the operator, through the API where it can).</summary>
    private static async Task<CellRequest> RequestFor(string route, World w)
    {
        var f = w.Fixture;
        var op = f.As(w.Operator);
        var c = w.Customer;
        var p = w.Partner;
        var employee = w.CustomerEmployee;
        async Task<string> Created(string path, object body) => (await op.Post(path, body)).Is(201).Str("id");
        async Task<string> Invitation() => await Created($"/api/customers/{c}/invitations", new { email = $"{Guid.NewGuid():N}@invitee.test", fullName = "Invitee" });
        async Task<string> Product()
        {
            var id = Ids.Account("prod");
            (await op.Put($"/api/products/{id}", new { name = "Product " + id })).Is(201);
            return id;
        }
        async Task<string> Project()
        {
            var id = Ids.Account("proj");
            // A partner has no projects: its cells ask about one that cannot exist.
            if (c != p)
            {
                (await op.Post($"/api/customers/{c}/projects", new { id, name = "Project" })).Is(201);
            }
            return id;
        }
        async Task Settings(object body) => (await op.Put("/api/settings", body)).Is(200);
        return route switch
        {
            "CreateCustomer" => new(HttpMethod.Post, "/api/customers", new { id = Ids.Account(), name = "Matrix" }),
            "ListCustomers" => new(HttpMethod.Get, "/api/customers"),
            "CountCustomers" => new(HttpMethod.Get, "/api/customers/counts"),
            "ListPartnerSellers" => new(HttpMethod.Get, $"/api/partners/{p}/sellers"),
            "GetCustomer" => new(HttpMethod.Get, $"/api/customers/{c}"),
            "UpdateCustomer" => new(HttpMethod.Patch, $"/api/customers/{c}", new { name = "Renamed" }),
            "SetCustomerStatus" => new(HttpMethod.Put, $"/api/customers/{c}/status", new { status = "disabled" }),
            "SetCustomerQuota" => new(HttpMethod.Put, $"/api/customers/{c}/quota", new { projects = 7 }),
            "SetAccountKind" => new(HttpMethod.Put, $"/api/customers/{c}/kind", new { kind = "partner" }),
            "GetCustomerHistory" => new(HttpMethod.Get, $"/api/customers/{c}/history"),
            "ApproveCustomer" => await Pending(w, new(HttpMethod.Post, $"/api/customers/{c}/approval")),
            "RejectCustomer" => await Pending(w, new(HttpMethod.Post, $"/api/customers/{c}/rejection", new { reason = "Not a real company" })),
            "ListMembers" => new(HttpMethod.Get, $"/api/customers/{c}/members"),
            "AddMyself" => new(HttpMethod.Post, $"/api/customers/{c}/members/me"),
            "ChangeMemberRole" => new(HttpMethod.Put, $"/api/customers/{c}/members/{employee.Id}/role", new { role = c == p ? "partnerAdmin" : "customerAdmin" }),
            "RemoveMember" => new(HttpMethod.Delete, $"/api/customers/{c}/members/{employee.Id}"),
            "UpdateMember" => new(HttpMethod.Patch, $"/api/customers/{c}/members/{employee.Id}", new { name = "Renamed Employee" }),
            "GetMe" => new(HttpMethod.Get, "/api/me"),
            "ListInvitations" => new(HttpMethod.Get, $"/api/customers/{c}/invitations"),
            "CreateInvitation" => new(HttpMethod.Post, $"/api/customers/{c}/invitations", new { email = $"{Guid.NewGuid():N}@invitee.test", fullName = "Invitee" }),
            "GetInvitation" => new(HttpMethod.Get, $"/api/customers/{c}/invitations/{await Invitation()}"),
            "ResendInvitation" => new(HttpMethod.Post, $"/api/customers/{c}/invitations/{await Invitation()}/resend"),
            "CancelInvitation" => new(HttpMethod.Delete, $"/api/customers/{c}/invitations/{await Invitation()}"),
            "AcceptInvitation" => await Accept(w),
            "ListProjects" => new(HttpMethod.Get, $"/api/customers/{c}/projects"),
            "CreateProject" => new(HttpMethod.Post, $"/api/customers/{c}/projects", new { id = Ids.Account("proj"), name = "Project" }),
            "GetProject" => new(HttpMethod.Get, $"/api/customers/{c}/projects/{await Project()}"),
            "DeleteProject" => new(HttpMethod.Delete, $"/api/customers/{c}/projects/{await Project()}"),
            "GrantProjectAccess" => new(HttpMethod.Put, $"/api/customers/{c}/projects/{await Project()}/members/{employee.Id}"),
            "RevokeProjectAccess" => await Revoke(w, await Project()),
            "RecordUsage" => new(HttpMethod.Post, $"/api/customers/{c}/usage", new
            {
                records = new[] { new { id = Guid.NewGuid().ToString("N"), projectId = "web-shop", product = "cdn", metric = "traffic", quantity = 1.5, unit = "GB", from = "2026-11-01T00:00:00Z", to = "2026-11-01T01:00:00Z" } },
            }),
            "GetUsageReport" => new(HttpMethod.Get, $"/api/customers/{c}/usage-report?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=project"),
            "RequestDeletion" => new(HttpMethod.Post, $"/api/customers/{c}/deletion-request", new { reason = "Leaving" }),
            "CancelDeletionRequest" => await DeletionRequested(w, new(HttpMethod.Post, $"/api/customers/{c}/deletion-request/cancel", new { note = "Stays with us" })),
            "ListDeletionRequests" => new(HttpMethod.Get, $"/api/customers/{c}/deletion-requests"),
            "DeleteCustomer" => new(HttpMethod.Delete, $"/api/customers/{c}?confirm={c}"),
            "GetPartnerSettings" => new(HttpMethod.Get, $"/api/partners/{p}/settings"),
            "SetPartnerSettings" => new(HttpMethod.Put, $"/api/partners/{p}/settings", new { deletionNotices = "allMembers" }),
            "GetSettings" => new(HttpMethod.Get, "/api/settings"),
            "UpdateSettings" => new(HttpMethod.Put, "/api/settings", new { deletionGraceDays = 10 }),
            "ListSettingsAudit" => new(HttpMethod.Get, "/api/settings/audit"),
            "ListFailedEmails" => new(HttpMethod.Get, "/api/operator/failed-emails"),
            "GetPublicSettings" => new(HttpMethod.Get, "/api/public/settings"),
            "Register" => await Then(Settings(new { selfRegistration = "open" }), new CellRequest(HttpMethod.Post, "/api/registrations",
                new { companyName = "Newco", id = Ids.Account("reg"), email = $"{Guid.NewGuid():N}@newco.test", fullName = "New Person" })),
            "ConfirmRegistration" => await Confirm(w),
            "CreateInvitationLink" => await Then(Settings(new { invitationLinks = true }), new CellRequest(HttpMethod.Post, $"/api/partners/{p}/invitation-links",
                new { expiresAt = f.Time.GetUtcNow().AddDays(7) })),
            "ListInvitationLinks" => await Then(Settings(new { invitationLinks = true }), new CellRequest(HttpMethod.Get, $"/api/partners/{p}/invitation-links")),
            "RevokeInvitationLink" => await RevokeLink(w),
            "SendMessage" => new(HttpMethod.Post, $"/api/customers/{c}/messages", new { subject = "Maintenance", body = "Tonight", mode = "allMustRead" }),
            "SendPartnerMessage" => new(HttpMethod.Post, $"/api/partners/{p}/messages", new { subject = "Maintenance", body = "Tonight", mode = "singleRead" }),
            "ListMessages" => new(HttpMethod.Get, $"/api/customers/{c}/messages"),
            "GetMessage" => new(HttpMethod.Get, $"/api/customers/{c}/messages/{await Created($"/api/customers/{c}/messages", new { subject = "S", body = "B", mode = "allMustRead" })}"),
            "GetMyMessages" => new(HttpMethod.Get, "/api/me/messages"),
            "AcknowledgeMessage" => new(HttpMethod.Post, $"/api/customers/{c}/messages/{await Created($"/api/customers/{c}/messages", new { subject = "S", body = "B", mode = "allMustRead" })}/acknowledgement"),
            "ListProducts" => new(HttpMethod.Get, "/api/products"),
            "GetProduct" => new(HttpMethod.Get, $"/api/products/{await Product()}"),
            "UpsertProduct" => new(HttpMethod.Put, $"/api/products/{Ids.Account("prod")}", new { name = "Storage" }),
            "ListPartnerProducts" => new(HttpMethod.Get, $"/api/partners/{p}/products"),
            "SetPartnerProductVisibility" => new(HttpMethod.Put, $"/api/partners/{p}/products/{await Product()}", new { visible = true }),
            "ListCustomerProducts" => new(HttpMethod.Get, $"/api/customers/{c}/products"),
            "SetCustomerProduct" => new(HttpMethod.Put, $"/api/customers/{c}/products/{await Product()}", new { visible = true, status = "trial" }),
            "StartImpersonation" => new(HttpMethod.Post, $"/api/customers/{c}/impersonation", new { reason = "Support ticket 42" }),
            "ListParkedEffects" => new(HttpMethod.Get, "/api/operator/outbox/parked"),
            "ReplayParkedEffect" => new(HttpMethod.Post, $"/api/operator/outbox/parked/{c}/{await ParkedEffect(w)}/replay"),
            _ => throw new InvalidOperationException($"The matrix has no request for route {route}."),
        };
    }

    private static async Task<CellRequest> Then(Task setUp, CellRequest request)
    {
        await setUp;
        return request;
    }

    private static async Task<CellRequest> Pending(World w, CellRequest request)
    {
        await Seed.Status(w.Fixture, w.Customer, Core.Customers.AccountStatus.PendingApproval);
        return request;
    }

    private static async Task<CellRequest> DeletionRequested(World w, CellRequest request)
    {
        // A partner never stands requested, nor does a disabled customer (its column): their cells meet the access check alone.
        if (w.Customer != w.Partner)
        {
            var requested = await w.As(Role.CustomerAdmin).Post($"/api/customers/{w.Customer}/deletion-request", new { reason = "Leaving" });
            Assert.True(requested.Status is 201 or 409, requested.Text);
        }
        return request;
    }

    private static async Task<CellRequest> Accept(World w)
    {
        var invitee = TestUser.New("invitee");
        var (_, token) = await Seed.Invite(w.Fixture, w.Customer, w.Operator, invitee);
        return new(HttpMethod.Post, "/api/invitations/accept", new { token });
    }

    private static async Task<CellRequest> Revoke(World w, string project)
    {
        if (w.Customer != w.Partner)
        {
            (await w.Fixture.As(w.Operator).Put($"/api/customers/{w.Customer}/projects/{project}/members/{w.CustomerEmployee.Id}")).Is(200);
        }
        return new(HttpMethod.Delete, $"/api/customers/{w.Customer}/projects/{project}/members/{w.CustomerEmployee.Id}");
    }

    private static async Task<CellRequest> Confirm(World w)
    {
        var f = w.Fixture;
        (await f.As(w.Operator).Put("/api/settings", new { selfRegistration = "open" })).Is(200);
        var email = $"{Guid.NewGuid():N}@newco.test";
        (await f.Anonymous.Post("/api/registrations", new { companyName = "Newco", id = Ids.Account("reg"), email, fullName = "New Person" })).Is(202);
        var token = Mailbox.TokenIn((await f.Mail.WaitFor(email))[0]);
        return new(HttpMethod.Post, "/api/registrations/confirm", new { token });
    }

    /// <summary>A parked outbox row of the world's customer, whose effect runs fine when replayed.</summary>
    private static async Task<string> ParkedEffect(World w)
    {
        var row = Assert.Single(Core.Storage.Outbox.Rows(w.Customer, Guid.CreateVersion7().ToString("N"), [new Core.Customers.SyncAccountListing()]));
        row["Parked"] = true;
        await w.Fixture.StorageClients.Accounts.AddEntityAsync(row);
        return Core.Storage.ParkedEffects.EffectId(row.RowKey);
    }

    private static async Task<CellRequest> RevokeLink(World w)
    {
        var f = w.Fixture;
        (await f.As(w.Operator).Put("/api/settings", new { invitationLinks = true })).Is(200);
        var link = (await f.As(w.Operator).Post($"/api/partners/{w.Partner}/invitation-links", new { expiresAt = f.Time.GetUtcNow().AddDays(7) })).Is(201).Str("id");
        return new(HttpMethod.Delete, $"/api/partners/{w.Partner}/invitation-links/{link}");
    }

    [Fact]
    public void TheTable_CoversEveryRoute_Once()
    {
        Assert.Equal(ApiRoutes.All.Select(r => r.Name).Order(), Table.Select(t => t.Route).Order());
        Assert.All(Table, row => Assert.Equal(Enum.GetValues<Role>().Length, row.Expected.Length));
    }

    public static IEnumerable<object[]> Routes() => Table.Select(t => new object[] { t.Route });

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRoleGetsItsExpectedOutcome(string route)
    {
        var expected = Table.Single(t => t.Route == route).Expected;
        var readOnly = ApiRoutes.All.Single(r => r.Name == route).Verb == "GET";
        var shared = readOnly ? await World.CreateAsync(f) : null;
        // Writes get a fresh world per cell (built in parallel): a successful write in one cell must not change what the next sees.
        var results = await Task.WhenAll(Enum.GetValues<Role>().Select(async role =>
        {
            // The last columns change the world's state (or aim elsewhere): always a world of their own.
            var world = role < Role.Impersonation ? shared ?? await World.CreateAsync(f) : await World.CreateAsync(f);
            var client = await world.ClientFor(role);
            var request = await RequestFor(route, role == Role.PartnerAdminOnPartner ? world.AimedAtPartner() : world);
            var reply = await client.Send(request.Method, request.Path, request.Body);
            var want = expected[(int)role];
            var ok = want == "ok" ? reply.Status is >= 200 and < 300 : reply.Status.ToString() == want;
            return ok ? null : $"{role}: expected {want}, got {reply.Status} {reply.Text[..Math.Min(160, reply.Text.Length)]}";
        }));
        var mismatches = results.OfType<string>().ToList();
        Assert.True(mismatches.Count == 0, $"{route}:\n" + string.Join('\n', mismatches));
    }
}

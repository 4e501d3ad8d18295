using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Authorization;

/// <summary>
/// The roles of the authorization matrix, in its column order. The last four: the partner admin's impersonation token on
/// the customer; the partner admin once the partner is disabled; the customer admin once the customer is disabled; and
/// the partner admin aiming the route at the partner's own account instead of the customer.
/// </summary>
public enum Role
{
    Operator, PartnerAdmin, PartnerEmployee, ForeignPartner, CustomerAdmin, CustomerEmployee, OtherCustomerMember, Anonymous,
    Impersonation, DisabledPartnerAdmin, DisabledCustomerAdmin, PartnerAdminOnPartner,
}

/// <summary>
/// A fresh little world for one matrix cell: a partner with an admin and an employee, the customer it manages with an
/// admin and an employee, a foreign partner and another customer, each with a member.
/// </summary>
public sealed class World
{
    public required ServiceFixture Fixture { get; init; }
    public required TestUser Operator { get; init; }
    public required string Partner { get; init; }
    public required string ForeignPartner { get; init; }
    public required string Customer { get; init; }
    public required string OtherCustomer { get; init; }
    public required IReadOnlyDictionary<Role, TestUser?> Users { get; init; }

    /// <summary>The employee of the target account (the customer's, or the partner's when a route aims at the partner).</summary>
    public TestUser CustomerEmployee => Users[Customer == Partner ? Role.PartnerEmployee : Role.CustomerEmployee]!;
    public TestUser CustomerAdmin => Users[Role.CustomerAdmin]!;

    public ApiClient As(Role role) => Fixture.As(Users[role]);

    /// <summary>The same world with its partner as the target account.</summary>
    public World AimedAtPartner() => new() { Fixture = Fixture, Operator = Operator, Partner = Partner, ForeignPartner = ForeignPartner, Customer = Partner, OtherCustomer = OtherCustomer, Users = Users };

    /// <summary>The client of a column, putting the world in the state the column needs first (before the cell's own set-up).</summary>
    public async Task<ApiClient> ClientFor(Role role)
    {
        var op = Fixture.As(Operator);
        switch (role)
        {
            case Role.Impersonation:
                var token = (await As(Role.PartnerAdmin).Post($"/api/customers/{Customer}/impersonation", new { reason = "Matrix" })).Is(200).Str("token");
                return new ApiClient(Fixture.Http, Fixture.BaseAddress, token);
            case Role.DisabledPartnerAdmin:
                (await op.Put($"/api/customers/{Partner}/status", new { status = "disabled" })).Is(200);
                return As(Role.PartnerAdmin);
            case Role.DisabledCustomerAdmin:
                (await op.Put($"/api/customers/{Customer}/status", new { status = "disabled" })).Is(200);
                return As(Role.CustomerAdmin);
            case Role.PartnerAdminOnPartner:
                return As(Role.PartnerAdmin);
            default:
                return As(role);
        }
    }

    public static async Task<World> CreateAsync(ServiceFixture f)
    {
        var op = TestUser.Operator();
        var partner = await Seed.Partner(f, op);
        var foreign = await Seed.Partner(f, op);
        var customer = await Seed.Customer(f, op, partner);
        var other = await Seed.Customer(f, op, foreign);
        var users = new Dictionary<Role, TestUser?>
        {
            [Role.Operator] = op,
            [Role.PartnerAdmin] = TestUser.New("pa"),
            [Role.PartnerEmployee] = TestUser.New("pe"),
            [Role.ForeignPartner] = TestUser.New("fp"),
            [Role.CustomerAdmin] = TestUser.New("ca"),
            [Role.CustomerEmployee] = TestUser.New("ce"),
            [Role.OtherCustomerMember] = TestUser.New("oc"),
            [Role.Anonymous] = null,
            [Role.Impersonation] = null,
            [Role.DisabledPartnerAdmin] = null,
            [Role.DisabledCustomerAdmin] = null,
            [Role.PartnerAdminOnPartner] = null,
        };
        await Task.WhenAll(
            Seed.Member(f, partner, users[Role.PartnerAdmin]!, MemberRole.PartnerAdmin),
            Seed.Member(f, partner, users[Role.PartnerEmployee]!, MemberRole.PartnerEmployee),
            Seed.Member(f, foreign, users[Role.ForeignPartner]!, MemberRole.PartnerAdmin),
            Seed.Member(f, customer, users[Role.CustomerAdmin]!, MemberRole.CustomerAdmin),
            Seed.Member(f, customer, users[Role.CustomerEmployee]!, MemberRole.CustomerEmployee),
            Seed.Member(f, other, users[Role.OtherCustomerMember]!, MemberRole.CustomerAdmin));
        return new World { Fixture = f, Operator = op, Partner = partner, ForeignPartner = foreign, Customer = customer, OtherCustomer = other, Users = users };
    }
}

/// <summary>A request one route needs to succeed for an allowed caller (set-up may create what it needs first).</summary>
public sealed record CellRequest(HttpMethod Method, string Path, object? Body = null);

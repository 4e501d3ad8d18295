using CustomerFunctions.Core.Members;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Authorization;

/// <summary>The roles of the authorization matrix, in its column order.</summary>
public enum Role { Operator, PartnerAdmin, PartnerEmployee, ForeignPartner, CustomerAdmin, CustomerEmployee, OtherCustomerMember, Anonymous }

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

    public TestUser CustomerEmployee => Users[Role.CustomerEmployee]!;
    public TestUser CustomerAdmin => Users[Role.CustomerAdmin]!;

    public ApiClient As(Role role) => Fixture.As(Users[role]);

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

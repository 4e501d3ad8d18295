using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerFunctions.Core.Customers;
using CustomerFunctions.Core.Invitations;
using CustomerFunctions.Core.Members;
using CustomerFunctions.Core.Projects;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// Examples of the bodies: the main ones made of the API's own types and serialized as the API serializes them, the
/// rest written as JSON (<see cref="OpenApiJsonExamples"/>). A contract test validates every example against its schema.
/// </summary>
internal static class OpenApiExamples
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 9, 30, 0, TimeSpan.Zero);

    private static readonly AccountView Acme = new(
        "acme", "Acme GmbH", AccountKind.Customer, "northwind", "office@acme.example", "Ada", "Lovelace", "C-1042", "Sam Seller", "de",
        false, AccountStatus.Active, AccountStage.Preparation, 10, 2, null, Created, Created.AddDays(3));

    private static readonly MemberView Admin = new("user-7f3a", "ada@acme.example", "Ada Lovelace", "de", MemberRole.CustomerAdmin, Created);

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(CreateCustomerBody)] = new CreateCustomerBody(
            "acme", "Acme GmbH", AccountKind.Customer, "northwind", "office@acme.example", "Ada", "Lovelace", "C-1042", "Sam Seller", "de", false, 10,
            new FirstAdminBody("ada@acme.example", "Ada Lovelace", "de")),
        [typeof(UpdateCustomerBody)] = JsonNode.Parse("""{ "name": "Acme Group GmbH", "seller": null }""")!,
        [typeof(AccountView)] = Acme,
        [typeof(AccountPage)] = new AccountPage([Acme], "eyJwayI6Im5vcnRod2luZCJ9.c2lnbmF0dXJl"),
        [typeof(MemberView)] = Admin,
        [typeof(MemberList)] = new MemberList([Admin], null),
        [typeof(CreateInvitationBody)] = new CreateInvitationBody("grace@acme.example", "Grace Hopper", MemberRole.CustomerEmployee),
        [typeof(InvitationView)] = new InvitationView(
            "inv-01HZX3", InvitationState.Pending, "grace@acme.example", "Grace Hopper", MemberRole.CustomerEmployee, Created.AddDays(7), Created, 0,
            new InviterView("user-7f3a", "Ada Lovelace"), Created, null, null),
        [typeof(CreateProjectBody)] = new CreateProjectBody("web-shop", "Web shop"),
        [typeof(ProjectView)] = new ProjectView("web-shop", "Web shop", Created, "user-7f3a", []),
    };

    public static JsonNode? For(Type type) =>
        Examples.TryGetValue(type, out var example) ? (example as JsonNode)?.DeepClone() ?? JsonSerializer.SerializeToNode(example, type, Http.Json.Options)
        : OpenApiJsonExamples.Bodies.TryGetValue(type, out var json) ? JsonNode.Parse(json)
        : null;
}

using Azure.Data.Tables;
using CustomerFunctions.Tests.Infrastructure;

namespace CustomerFunctions.Tests.Registration;

/// <summary>A fixture whose per-address limit is out of the way, for classes that register a lot from one address.</summary>
public sealed class RegistrationFixture : ServiceFixture
{
    protected override IEnumerable<(string Key, string Value)> Settings() => [("Registration:PerAddressPerHour", "1000")];
}

/// <summary>The steps registration tests repeat.</summary>
public static class RegistrationSteps
{
    public static async Task Configure(ServiceFixture f, TestUser op, string selfRegistration, bool invitationLinks = false) =>
        (await f.As(op).Put("/api/settings", new { selfRegistration, invitationLinks })).Is(200);

    public static Task<Reply> Register(ServiceFixture f, string id, string email, string? linkToken = null) =>
        f.Anonymous.Post("/api/registrations", linkToken is null
            ? new { companyName = "Company " + id, id, email, fullName = "Reg Istrant" }
            : (object)new { companyName = "Company " + id, id, email, fullName = "Reg Istrant", invitationLinkToken = linkToken });

    /// <summary>Registers and returns the token of the confirmation email.</summary>
    public static async Task<string> RegisterAndReadToken(ServiceFixture f, string id, string email, string? linkToken = null)
    {
        (await Register(f, id, email, linkToken)).Is(202);
        var mail = await f.Mail.WaitFor(email);
        return Mailbox.TokenIn(mail[^1]);
    }

    public static Task<Reply> Confirm(ServiceFixture f, TestUser user, string token) =>
        f.As(user).Post("/api/registrations/confirm", new { token });

    public static string Email(string label = "reg") => $"{label}-{Guid.NewGuid():N}@example.test";

    public static string TokenOfUrl(string url)
    {
        var query = new Uri(url).Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        return query["token"];
    }

    /// <summary>Whether the user's membership index row for the account is live (true), a tombstone (false) or missing (null).</summary>
    public static async Task<bool?> MembershipIndexed(ServiceFixture f, TestUser user, string accountId)
    {
        var row = await f.StorageClients.Index.GetEntityIfExistsAsync<TableEntity>(Core.Storage.IndexTable.UserMemberships(user.Id), accountId);
        return row.HasValue ? row.Value!.GetBoolean("Removed") == false : null;
    }

    /// <summary>The account's history event types, newest first, read from its partition.</summary>
    public static async Task<List<string>> EventTypes(ServiceFixture f, string accountId)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {"event|"} and RowKey lt {"event}"}");
        var types = new List<string>();
        await foreach (var row in f.StorageClients.Accounts.QueryAsync<TableEntity>(filter))
        {
            types.Add(row.GetString("Type")!);
        }
        return types;
    }
}

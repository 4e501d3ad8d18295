using CustomerFunctions.Core.Accounts;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>Members made the way users become members: invited by email, accepted with the emailed token.</summary>
public static partial class Seed
{
    /// <summary>
    /// <paramref name="inviter"/> invites <paramref name="invitee"/> (role as the API spells it, e.g. "customerAdmin";
    /// null for the default employee role) and the invitee accepts with the token from the email. Returns the invitation id.
    /// </summary>
    public static async Task<string> InviteAndAccept(ServiceFixture f, string accountId, TestUser inviter, TestUser invitee, string? role = null)
    {
        var (invitationId, token) = await Invite(f, accountId, inviter, invitee, role);
        (await f.As(invitee).Post("/api/invitations/accept", new { token })).Is(200);
        return invitationId;
    }

    /// <summary>Creates an invitation for the user's email and returns its id and the token its email carries.</summary>
    public static async Task<(string InvitationId, string Token)> Invite(ServiceFixture f, string accountId, TestUser inviter, TestUser invitee, string? role = null)
    {
        object body = role is null ? new { email = invitee.Email, fullName = invitee.Name } : new { email = invitee.Email, fullName = invitee.Name, role };
        var created = (await f.As(inviter).Post($"/api/customers/{accountId}/invitations", body)).Is(201);
        var invitationId = created.Str("id");
        return (invitationId, await CurrentToken(f, accountId, invitationId, invitee.Email));
    }

    /// <summary>Waits for the email that carries the invitation's current token (the one whose hash the row holds) and returns that token.</summary>
    public static async Task<string> CurrentToken(ServiceFixture f, string accountId, string invitationId, string address)
    {
        var row = await f.StorageClients.Accounts.GetEntityAsync<Azure.Data.Tables.TableEntity>(accountId, AccountPartition.Invitations.Key(invitationId));
        var hash = row.Value.GetString("TokenHash");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var token = f.Mail.To(address).Select(Mailbox.TokenIn).FirstOrDefault(t => IdGenerator.Hash(t) == hash);
            if (token is not null)
            {
                return token;
            }
            Assert.True(DateTime.UtcNow < deadline, $"No email to {address} carries the current token of invitation {invitationId}.");
            await Task.Delay(100);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Registration;

/// <summary>
/// A link's token is derived, not drawn: HMAC-SHA256 of the partner and link id under a key held in configuration
/// (<see cref="ServiceKeys.InvitationLinkKeys"/>). The table keeps only the token's SHA-256 hash, as before, yet the
/// list can show the url again ("Copy the link"): whoever reads the table without the key cannot rebuild a token.
/// </summary>
public sealed class InvitationLinkTokens(ServiceKeys keys)
{
    /// <summary>The token of a new link, under the newest key.</summary>
    public string For(string partnerId, string linkId) => Derive(keys.InvitationLinkKeys[0], partnerId, linkId);

    /// <summary>
    /// The token of a stored link, or null when no listed key derives the token whose hash the row keeps (links made
    /// before tokens were derived, or under a key since retired). The hash check means a wrong url is never shown.
    /// </summary>
    public string? Recover(string partnerId, InvitationLink link)
    {
        foreach (var key in keys.InvitationLinkKeys)
        {
            var token = Derive(key, partnerId, link.Id);
            if (IdGenerator.Hash(token) == link.TokenHash)
            {
                return token;
            }
        }
        return null;
    }

    private static string Derive(byte[] key, string partnerId, string linkId) =>
        IdGenerator.Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("link|" + partnerId + "|" + linkId)));
}

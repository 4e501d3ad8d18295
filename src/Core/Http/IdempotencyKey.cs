using System.Security.Cryptography;
using System.Text;

namespace CustomerFunctions.Core.Http;

/// <summary>
/// An <c>Idempotency-Key</c> header, bound to the body it came with and scoped to the caller (an impersonation token is
/// not its impersonator) and the route (verb and template); the account is the partition its record lives in. So two
/// different commands sent with the same key never answer for each other.
/// </summary>
public sealed record IdempotencyKey(string Scope, string Key, string BodyHash)
{
    /// <summary>How long an answer is kept: a retry within this window replays it, a later one runs the command anew.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static string ScopeOf(string userId, string? impersonatedAccountId, string verb, string routeTemplate) =>
        string.Join('\n', userId, impersonatedAccountId ?? "", verb, routeTemplate);

    public string RowKey => "idem|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Scope + "\n" + Key)));
}

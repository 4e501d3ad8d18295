using System.Security.Cryptography;

namespace CustomerFunctions.Core.Http;

/// <summary>An <c>Idempotency-Key</c> header, scoped to the caller and bound to the body it came with.</summary>
public sealed record IdempotencyKey(string UserId, string Key, string BodyHash)
{
    public string RowKey => "idem|" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(UserId + "\n" + Key)));
}

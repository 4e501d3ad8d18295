using System.Security.Cryptography;

namespace CustomerFunctions.Core.Storage;

/// <summary>The one source of ids and secret tokens.</summary>
public sealed class IdGenerator(TimeProvider time)
{
    /// <summary>Time-ordered, URL- and key-safe ids (UUID v7, 32 hex characters).</summary>
    public string New() => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    /// <summary>A secret token: 256 random bits, base64url.</summary>
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only this hash of a token is ever stored.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

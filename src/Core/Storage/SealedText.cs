using System.Security.Cryptography;
using System.Text;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Text kept in storage encrypted (AES-256-GCM) so that table read access reveals nothing of it: base64 of nonce, tag
/// and ciphertext. The associated data binds a sealed value to the row it was written for, so it cannot be moved to
/// another row and opened there. Sealed with the first key; opened with whichever listed key fits, so a rotation keeps
/// the previous key readable while it is still listed.
/// </summary>
public static class SealedText
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static string Seal(string text, string boundTo, IReadOnlyList<byte[]> keys)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[0], TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(boundTo));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The text, or null when no listed key opens it (its key was retired, or the value was tampered with or moved).</summary>
    public static string? Open(string sealedText, string boundTo, IReadOnlyList<byte[]> keys)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(sealedText);
        }
        catch (FormatException)
        {
            return null;
        }
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            return null;
        }
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        var associated = Encoding.UTF8.GetBytes(boundTo);
        foreach (var key in keys)
        {
            using var aes = new AesGcm(key, TagBytes);
            try
            {
                aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, associated);
                return Encoding.UTF8.GetString(plain);
            }
            catch (AuthenticationTagMismatchException)
            {
            }
        }
        return null;
    }
}

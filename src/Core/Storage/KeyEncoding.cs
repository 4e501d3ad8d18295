namespace CustomerFunctions.Core.Storage;

/// <summary>Outside values made safe for use inside keys.</summary>
public static partial class KeyEncoding
{
    /// <summary>Makes an outside value (a user id from a token) safe inside a key by percent-encoding what storage forbids.</summary>
    public static string Encode(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '|' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}

using System.Text;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// A string longer than one property may hold (<see cref="AzureTableLimits.MaxStringLength"/>), stored in parts as
/// <c>Name</c>, <c>Name1</c>, <c>Name2</c>, ... and read back whole. A value that fits is stored exactly as before, so rows
/// written before parts existed read the same.
/// </summary>
public static class LargeText
{
    /// <summary>Below the 32,767-character limit with room to spare: the service is reported to refuse some values just under 64 KiB.</summary>
    public const int PartLength = 30_000;

    /// <summary>The size Azure counts for the parts of <paramref name="length"/> characters under a name of <paramref name="nameLength"/>.</summary>
    public static long StoredBytes(int nameLength, int length)
    {
        var parts = Math.Max(1, (length + PartLength - 1) / PartLength);
        // Per part: 8 bytes, the name (2 bytes a character, plus up to 3 digits) and the string's 4-byte length.
        return parts * (8 + 2L * (nameLength + 3) + 4) + 2L * length;
    }

    public static void Write(TableEntity entity, string name, string? value)
    {
        var part = 0;
        for (var start = 0; value is not null && (start < value.Length || part == 0); part++)
        {
            var length = Math.Min(PartLength, value.Length - start);
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                // Never split a surrogate pair: half a character is not valid UTF-16 on the wire.
                length--;
            }
            entity[PartName(name, part)] = value.Substring(start, length);
            start += length;
        }
        if (value is null)
        {
            entity[name] = null;
            part = 1;
        }
        // A shorter value than the one read must not leave old parts behind.
        for (; entity.ContainsKey(PartName(name, part)); part++)
        {
            entity.Remove(PartName(name, part));
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || !entity.ContainsKey(PartName(name, 1)))
        {
            return first;
        }
        var text = new StringBuilder(first);
        for (var part = 1; entity.GetString(PartName(name, part)) is { } next; part++)
        {
            text.Append(next);
        }
        return text.ToString();
    }

    private static string PartName(string name, int part) => part == 0 ? name : name + part.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

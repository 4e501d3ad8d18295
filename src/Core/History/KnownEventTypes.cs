using System.Reflection;

namespace CustomerFunctions.Core.History;

/// <summary>The event types the history filter accepts: every constant of the <see cref="EventTypes"/> catalog.</summary>
public static class KnownEventTypes
{
    public static IReadOnlySet<string> All { get; } = typeof(EventTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);
}

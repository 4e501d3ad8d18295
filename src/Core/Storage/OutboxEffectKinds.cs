using System.Text.Json;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Storage;

/// <summary>The effect kinds (their stored discriminators) an operator sees for a parked outbox row.</summary>
public static class OutboxEffectKinds
{
    public const string Unreadable = "unreadable";

    public static string Of(SideEffect effect) =>
        JsonSerializer.SerializeToElement(effect, Json.Effects).TryGetProperty("kind", out var kind) ? kind.GetString() ?? Unreadable : Unreadable;

    /// <summary>The kinds named in a row's JSON that does not deserialize (for instance a discriminator no deployment knows).</summary>
    public static IReadOnlyList<string> In(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                var kinds = document.RootElement.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : Unreadable)
                    .Distinct()
                    .ToList();
                return kinds.Count > 0 ? kinds : [Unreadable];
            }
        }
        catch (JsonException)
        {
        }
        return [Unreadable];
    }
}

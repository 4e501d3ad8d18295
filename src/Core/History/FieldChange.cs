using System.Text.Json.Serialization;

namespace CustomerFunctions.Core.History;

/// <summary>One field a change touched. <c>from</c> and <c>to</c> are always written, null included (a cleared field).</summary>
public sealed record FieldChange(
    string Field,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? To);

namespace CustomerFunctions.Core.Http;

/// <summary>The request is well formed but the current state refuses it; <see cref="Type"/> names the rule.</summary>
public record Conflict(string Type, string Detail) : Failure;

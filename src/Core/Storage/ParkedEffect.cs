namespace CustomerFunctions.Core.Storage;

/// <summary>An outbox row that failed too often and waits for an operator: its effects' kinds, the last error and how often it was tried.</summary>
public sealed record ParkedEffect(string AccountId, string EffectId, IReadOnlyList<string> EffectKinds, string Error, int Attempts, DateTimeOffset ParkedAt);

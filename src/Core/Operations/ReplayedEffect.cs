using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Operations;

/// <summary>The outcome of a replay: <c>done</c>, or <c>failed</c> (counted again, retried by the backstop and parked anew after its tries).</summary>
public sealed record ReplayedEffect(string AccountId, string EffectId, OutboxRowOutcome Outcome);

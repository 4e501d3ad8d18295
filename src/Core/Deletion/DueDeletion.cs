namespace CustomerFunctions.Core.Deletion;

/// <summary>One entry of the due-deletions index: the account whose standing deletion request falls due at <see cref="DueAt"/>.</summary>
public sealed record DueDeletion(string AccountId, DateTimeOffset DueAt);

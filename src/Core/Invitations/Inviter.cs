namespace CustomerFunctions.Core.Invitations;

/// <summary>Who sent an invitation (their name as it was then).</summary>
public sealed record Inviter(string UserId, string? Name);

namespace CustomerFunctions.Core.Invitations;

/// <summary>Who sent an invitation, as the API shows it.</summary>
public sealed record InviterView(string UserId, string? Name);

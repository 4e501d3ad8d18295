namespace CustomerFunctions.Core.Invitations;

/// <summary>One page of an account's invitations.</summary>
public sealed record InvitationList(IReadOnlyList<InvitationView> Items, string? ContinuationToken);

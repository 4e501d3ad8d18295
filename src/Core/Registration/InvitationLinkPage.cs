namespace CustomerFunctions.Core.Registration;

public sealed record InvitationLinkPage(IReadOnlyList<InvitationLinkView> Items, string? ContinuationToken);

using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Invitations;

/// <summary>The answer to accepting: the account the caller now belongs to, and with which role.</summary>
public sealed record AcceptedInvitationView(string CustomerId, string Name, Customers.AccountKind Kind, MemberRole Role, bool AlreadyMember);

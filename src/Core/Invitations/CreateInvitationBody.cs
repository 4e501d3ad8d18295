using CustomerFunctions.Core.Members;

namespace CustomerFunctions.Core.Invitations;

public sealed record CreateInvitationBody(string? Email, string? FullName, MemberRole? Role);

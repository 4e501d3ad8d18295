namespace CustomerFunctions.Core.Registration;

public sealed record RegisterBody(string? CompanyName, string? Id, string? Email, string? FullName, string? InvitationLinkToken, string? Language);

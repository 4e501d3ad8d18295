namespace CustomerFunctions.Core.Impersonation;

public sealed record StartImpersonationBody(string? Reason);

namespace CustomerFunctions.Core.Email;

/// <summary>A rendered email, ready for a sender.</summary>
public sealed record OutgoingEmail(string Id, string To, string? ToName, string Subject, string TextBody);

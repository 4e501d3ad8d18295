namespace CustomerFunctions.Core.Registration;

public sealed record ConfirmRegistrationBody(string? Token);

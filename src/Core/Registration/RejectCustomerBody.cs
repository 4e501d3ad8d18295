namespace CustomerFunctions.Core.Registration;

public sealed record RejectCustomerBody(string? Reason);

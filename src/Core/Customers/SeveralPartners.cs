using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>A member of several partners acted for a partner without naming which.</summary>
public sealed record SeveralPartners() : Invalid(new Dictionary<string, string[]> { ["partnerId"] = [Message] }, Message)
{
    private const string Message = "You belong to several partners: name the one you mean.";
}

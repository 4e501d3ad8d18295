using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Customers;

/// <summary>A customer admin tried to change a field only the operator or the managing partner sets.</summary>
public sealed record ManagedField(string Field) : Forbidden($"Customer admins may not change '{Field}'; the operator or the partner sets it.");

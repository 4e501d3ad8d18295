namespace CustomerFunctions.Core.Http;

/// <summary>The caller knows the resource but their role does not allow this; a named rule sets its own <see cref="Type"/>.</summary>
public record Forbidden(string Detail, string Type = "forbidden") : Failure;

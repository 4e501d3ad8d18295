namespace CustomerFunctions.Core.Http;

/// <summary>The caller knows the resource but their role does not allow this.</summary>
public record Forbidden(string Detail) : Failure;

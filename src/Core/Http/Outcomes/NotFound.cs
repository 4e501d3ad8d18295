namespace CustomerFunctions.Core.Http;

/// <summary>The thing named does not exist, or the caller may not know that it does.</summary>
public record NotFound(string What) : Failure;

namespace CustomerFunctions.Core.Http;

/// <summary>The caller's credentials do not (or no longer) authenticate them for this.</summary>
public record Unauthorized(string Detail) : Failure;

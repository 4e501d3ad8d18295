namespace CustomerFunctions.Core.Http;

/// <summary>The request as a whole is malformed (not one field of it).</summary>
public record BadRequest(string Detail) : Failure;

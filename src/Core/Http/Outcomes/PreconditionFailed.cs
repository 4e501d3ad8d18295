namespace CustomerFunctions.Core.Http;

/// <summary>The caller's If-Match names a version that is no longer current.</summary>
public sealed record PreconditionFailed : Failure;

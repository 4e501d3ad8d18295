namespace CustomerFunctions.Core.Http;

/// <summary>A rate limit refuses the request until <see cref="RetryAfter"/> has passed.</summary>
public record TooManyRequests(string Detail, TimeSpan RetryAfter) : Failure;

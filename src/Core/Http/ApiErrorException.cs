namespace CustomerFunctions.Core.Http;

/// <summary>Thrown only by cross-cutting machinery (idempotency replay checks, body parsing deep in helpers) to end a request with an expected error.</summary>
public sealed class ApiErrorException(ApiError error) : Exception(error.Detail)
{
    public ApiError Error { get; } = error;
}

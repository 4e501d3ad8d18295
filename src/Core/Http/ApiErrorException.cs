namespace CustomerFunctions.Core.Http;

/// <summary>Thrown only by machinery (body parsing, paging tokens) to end a request with an expected error; domain code returns a <see cref="Failure"/>.</summary>
public sealed class ApiErrorException(ApiError error) : Exception(error.Detail)
{
    public ApiError Error { get; } = error;
}

namespace CustomerFunctions.Core.Http;

/// <summary>An expected failure of a request: mapped to a problem details response in <see cref="Problems"/>.</summary>
public sealed record ApiError(int Status, string Type, string Title, string Detail)
{
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Sent as a <c>Retry-After</c> header (429, 503).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ApiError Validation(IReadOnlyDictionary<string, string[]> errors, string detail = "One or more fields are invalid.") =>
        new(400, "validation", "The request is invalid.", detail) { Errors = errors };

    public static ApiError Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    public static ApiError BadRequest(string detail) => new(400, "bad-request", "The request is invalid.", detail);
    public static ApiError Unauthorized(string detail) => new(401, "unauthorized", "Authentication is required.", detail);
    public static ApiError Forbidden(string detail) => new(403, "forbidden", "You may not do this.", detail);
    public static ApiError NotFound(string what) => new(404, "not-found", "Not found.", $"{what} was not found.");
    public static ApiError Conflict(string type, string detail) => new(409, type, "The request conflicts with the current state.", detail);
    public static ApiError PreconditionFailed() =>
        new(412, "precondition-failed", "The resource has changed.", "The If-Match ETag does not match the current version; read the resource again.");
    public static ApiError Gone(string type, string detail) => new(410, type, "No longer available.", detail);
    public static ApiError TooLarge(long limit) => new(413, "payload-too-large", "The request body is too large.", $"Request bodies are limited to {limit} bytes.");
    public static ApiError UnsupportedMediaType() => new(415, "unsupported-media-type", "Unsupported media type.", "Send the body as application/json.");
    public static ApiError Unprocessable(string type, string detail) => new(422, type, "The request cannot be processed.", detail);
    public static ApiError TooManyRequests(string detail) => new(429, "too-many-requests", "Too many requests.", detail);
    public static ApiError Busy() => new(503, "busy", "The service is busy.", "The resource is being changed by many requests at once; try again.");
}

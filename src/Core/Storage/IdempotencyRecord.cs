using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// The stored answer to a POST sent with an Idempotency-Key. It lives in the partition the command wrote to and is
/// written in the command's own transaction, so "the command happened" and "its answer is remembered" are one fact.
/// </summary>
public static class IdempotencyRecord
{
    public static TableEntity ToEntity(string accountId, IdempotencyKey key, ApiResponse response, DateTimeOffset now) => new(accountId, key.RowKey)
    {
        ["BodyHash"] = key.BodyHash,
        ["Status"] = response.Status,
        ["Location"] = response.Location,
        ["ResponseBody"] = response.Body is null ? null : JsonSerializer.Serialize(response.Body, response.Body.GetType(), Json.Options),
        ["CreatedAt"] = now,
    };

    /// <summary>Ends the request when the key was used before: replaying the same body, refusing a different one.</summary>
    public static void ReplayIfKnown(TableEntity? row, IdempotencyKey key)
    {
        if (row is null)
        {
            return;
        }
        if (row.GetString("BodyHash") != key.BodyHash)
        {
            throw new ApiErrorException(ApiError.Unprocessable("idempotency-key-reused", "This Idempotency-Key was already used with a different request body."));
        }
        var body = row.GetString("ResponseBody");
        throw new IdempotentReplayException(new ApiResponse(row.GetInt32("Status") ?? 200, body is null ? null : new RawJson(body), row.GetString("Location")));
    }
}

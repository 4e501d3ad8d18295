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
    public static TableEntity ToEntity(string accountId, IdempotencyKey key, ApiResponse response, DateTimeOffset now)
    {
        var entity = new TableEntity(accountId, key.RowKey)
        {
            ["BodyHash"] = key.BodyHash,
            ["Status"] = response.Status,
            ["Location"] = response.Location,
            ["CreatedAt"] = now,
        };
        // An answer may outgrow one property (a 10,000-character message escapes to ~60,000 characters of JSON).
        LargeText.Write(entity, "ResponseBody", response.Body is null ? null : JsonSerializer.Serialize(response.Body, response.Body.GetType(), Json.Options));
        return entity;
    }

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
        var body = LargeText.Read(row, "ResponseBody");
        throw new IdempotentReplayException(new ApiResponse(row.GetInt32("Status") ?? 200, body is null ? null : new RawJson(body), row.GetString("Location")));
    }
}

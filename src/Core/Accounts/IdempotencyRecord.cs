using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Accounts;

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

    /// <summary>When the key was used before: the same body replays the stored answer, a different one is refused.</summary>
    public static Replayed? ReplayOf(TableEntity? row, IdempotencyKey key)
    {
        if (row is null)
        {
            return null;
        }
        if (row.GetString("BodyHash") != key.BodyHash)
        {
            return new Replayed(new Unprocessable("idempotency-key-reused", "This Idempotency-Key was already used with a different request body."));
        }
        var body = LargeText.Read(row, "ResponseBody");
        return new Replayed(new ApiResponse(row.GetInt32("Status") ?? 200, body is null ? null : new RawJson(body), row.GetString("Location")));
    }
}

using System.Text.Json;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Accounts;

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
        var body = row.GetString("ResponseBody");
        return new Replayed(new ApiResponse(row.GetInt32("Status") ?? 200, body is null ? null : new RawJson(body), row.GetString("Location")));
    }
}

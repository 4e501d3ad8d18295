using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;

namespace CustomerFunctions.Core.Accounts;

/// <summary>
/// The stored answer to a POST sent with an Idempotency-Key. It lives in the partition the command wrote to and is
/// written in the command's own transaction, so "the command happened" and "its answer is remembered" are one fact.
/// The body is sealed (<see cref="SealedText"/>): answers carry tokens (impersonation tokens, invitation-link URLs), and
/// none may sit in storage readable. After <see cref="IdempotencyKey.Lifetime"/> the record counts as gone: the key runs
/// the command anew, whose commit replaces the old row.
/// </summary>
public static class IdempotencyRecord
{
    public static TableEntity ToEntity(string accountId, IdempotencyKey key, ApiResponse response, DateTimeOffset now, IReadOnlyList<byte[]> sealingKeys)
    {
        var entity = new TableEntity(accountId, key.RowKey)
        {
            ["BodyHash"] = key.BodyHash,
            ["Status"] = response.Status,
            ["Location"] = response.Location,
            ["CreatedAt"] = now,
        };
        var body = response.Body is null ? null : JsonSerializer.Serialize(response.Body, response.Body.GetType(), Json.Options);
        // An answer may outgrow one property (a 10,000-character message escapes to ~60,000 characters of JSON).
        LargeText.Write(entity, "SealedBody", body is null ? null : SealedText.Seal(body, BoundTo(accountId, key), sealingKeys));
        return entity;
    }

    /// <summary>
    /// When the key was used before and its record is still live: the same body replays the stored answer, a different
    /// one is refused. An expired record is reported by its ETag, for the new answer to replace it.
    /// </summary>
    public static (Replayed? Replay, ETag? Expired) ReplayOf(TableEntity? row, IdempotencyKey key, DateTimeOffset now, IReadOnlyList<byte[]> sealingKeys)
    {
        if (row is null)
        {
            return (null, null);
        }
        if (row.GetDateTimeOffset("CreatedAt") is not { } createdAt || now - createdAt >= IdempotencyKey.Lifetime)
        {
            return (null, row.ETag);
        }
        if (row.GetString("BodyHash") != key.BodyHash)
        {
            return (new Replayed(new Unprocessable("idempotency-key-reused", "This Idempotency-Key was already used with a different request body.")), null);
        }
        var sealedBody = LargeText.Read(row, "SealedBody");
        var body = sealedBody is null ? null : SealedText.Open(sealedBody, BoundTo(row.PartitionKey, key), sealingKeys);
        if (sealedBody is not null && body is null)
        {
            // Sealed with a key no longer listed: the command ran, but its answer cannot be given again.
            return (new Replayed(new Conflict("idempotency-answer-unavailable", "The answer to this Idempotency-Key can no longer be read; the request was carried out. Use a new key for a new request.")), null);
        }
        return (new Replayed(new ApiResponse(row.GetInt32("Status") ?? 200, body is null ? null : new RawJson(body), row.GetString("Location"))), null);
    }

    private static string BoundTo(string accountId, IdempotencyKey key) => accountId + "/" + key.RowKey;
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Refuses, before they leave the process, the Table requests that Azure would refuse and Azurite accepts (see
/// <see cref="AzureTableLimits"/>), failing them as Azure does: a <see cref="RequestFailedException"/> with Azure's status
/// and error code, and for a batch a <see cref="TableTransactionFailedException"/> naming the failed operation.
/// Always on: what it refuses would fail in Azure anyway, and tests stay honest.
/// </summary>
/// <remarks>
/// It throws rather than making up a response: the SDK reads a response's error code with a parser that only its own
/// transport attaches, so a made-up response would reach the caller without Azure's code.
/// </remarks>
public sealed partial class AzureTableLimitsPolicy : HttpPipelinePolicy
{
    /// <summary>Where <see cref="TableTransactionFailedException"/> reads the failed operation's index from.</summary>
    private const string FailedEntityKey = "FailedEntity";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message, async: false).AsTask().GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await Check(message, async: true);
        await ProcessNextAsync(message, pipeline);
    }

    private static async ValueTask Check(HttpMessage message, bool async)
    {
        var request = message.Request;
        var method = request.Method.Method;
        var path = request.Uri.Path;
        if (request.Content is null || method is not ("POST" or "PUT" or "PATCH" or "MERGE") || path.EndsWith("/Tables", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        using var buffer = new MemoryStream();
        if (async)
        {
            await request.Content.WriteToAsync(buffer, message.CancellationToken);
        }
        else
        {
            request.Content.WriteTo(buffer, message.CancellationToken);
        }
        var body = buffer.ToArray();
        // Send exactly the bytes that were checked, and spare the SDK a second serialization (and retries a third).
        request.Content = RequestContent.Create(body);
        if (path.EndsWith("/$batch", StringComparison.Ordinal))
        {
            CheckBatch(body);
        }
        else if (CheckEntityBody(body) is { } refusal)
        {
            throw Exception(refusal);
        }
    }

    private static TableRefusal? CheckEntityBody(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return AzureTableLimits.CheckEntity(document.RootElement);
        }
        catch (JsonException)
        {
            // Not an entity: let the service judge it.
            return null;
        }
    }

    private static void CheckBatch(byte[] body)
    {
        if (body.Length > AzureTableLimits.MaxBatchBytes)
        {
            // Refused whole, before the service reads it: a plain 413, not a failed change.
            throw Exception(AzureTableLimits.RequestBodyTooLarge(body.Length));
        }
        var text = Encoding.UTF8.GetString(body);
        var changeset = ChangesetBoundary().Match(text);
        if (changeset.Success && CheckOperations(ParseOperations(text, changeset.Groups["b"].Value)) is { } refusal)
        {
            throw new TableTransactionFailedException(Exception(refusal));
        }
    }

    private static TableRefusal? CheckOperations(List<BatchOperation> operations)
    {
        if (operations.Count > AzureTableLimits.MaxBatchOperations)
        {
            return AzureTableLimits.TooManyOperations(operations.Count);
        }
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        string? partition = null;
        for (var i = 0; i < operations.Count; i++)
        {
            var (partitionKey, rowKey, json) = operations[i];
            JsonElement? entity = null;
            using var document = json is null ? null : TryParse(json);
            if (document is not null)
            {
                entity = document.RootElement;
                partitionKey ??= StringProperty(document.RootElement, "PartitionKey");
                rowKey ??= StringProperty(document.RootElement, "RowKey");
            }
            var refusal = AzureTableLimits.CheckKey("PartitionKey", partitionKey) ?? AzureTableLimits.CheckKey("RowKey", rowKey)
                ?? (entity is { } e ? AzureTableLimits.CheckEntity(e) : null);
            if (refusal is not null)
            {
                return refusal with { Operation = i };
            }
            partition ??= partitionKey;
            if (partitionKey is not null && partitionKey != partition)
            {
                return AzureTableLimits.DifferentPartitions(i);
            }
            if (rowKey is not null && !rowKeys.Add(rowKey))
            {
                return AzureTableLimits.DuplicateRow(rowKey, i);
            }
        }
        return null;
    }

    /// <summary>The change set's operations: keys from the request line's URL where it names them, and the JSON body.</summary>
    private static List<BatchOperation> ParseOperations(string body, string changesetBoundary)
    {
        var operations = new List<BatchOperation>();
        foreach (var part in body.Split("--" + changesetBoundary).Skip(1))
        {
            if (part.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }
            var mimeEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (mimeEnd < 0)
            {
                continue;
            }
            var http = part[(mimeEnd + 4)..];
            var requestLine = http[..Math.Max(0, http.IndexOf("\r\n", StringComparison.Ordinal))];
            var headersEnd = http.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var json = headersEnd < 0 ? "" : http[(headersEnd + 4)..].Trim();
            var keys = UrlKeys().Match(requestLine);
            operations.Add(new BatchOperation(
                keys.Success ? UnescapeKey(keys.Groups["pk"].Value) : null,
                keys.Success ? UnescapeKey(keys.Groups["rk"].Value) : null,
                json.Length == 0 ? null : json));
        }
        return operations;
    }

    private static string UnescapeKey(string value) => Uri.UnescapeDataString(value).Replace("''", "'", StringComparison.Ordinal);

    private static JsonDocument? TryParse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringProperty(JsonElement entity, string name) =>
        entity.ValueKind == JsonValueKind.Object && entity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Azure's status and code; a failed change's message starts with its index, as the service's does.</summary>
    private static RequestFailedException Exception(TableRefusal refusal)
    {
        var message = refusal.Operation is { } index ? $"{index}:{refusal.Message}" : refusal.Message;
        var exception = new RequestFailedException(refusal.Status, $"{message}\nStatus: {refusal.Status}\nErrorCode: {refusal.Code}\n(Refused before sending: Azure Table Storage does not accept this.)", refusal.Code, null);
        if (refusal.Operation is { } operation)
        {
            exception.Data[FailedEntityKey] = operation.ToString(CultureInfo.InvariantCulture);
        }
        return exception;
    }

    private sealed record BatchOperation(string? PartitionKey, string? RowKey, string? Json);

    [GeneratedRegex(@"boundary=(?<b>changeset_[^\s;]+)", RegexOptions.CultureInvariant)]
    private static partial Regex ChangesetBoundary();

    [GeneratedRegex(@"\(PartitionKey='(?<pk>(?:[^']|'')*)',RowKey='(?<rk>(?:[^']|'')*)'\)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlKeys();
}

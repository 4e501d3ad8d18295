using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CustomerFunctions.Core.Http;

namespace CustomerFunctions.Core.Storage;

/// <summary>
/// Pages of single-partition queries. Storage continuation tokens are handed out signed with a service key and bound
/// to the query they continue (route, caller, filters), so an edited or transplanted token is refused with a 400.
/// </summary>
public sealed class Paging(ServiceKeys keys)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static int PageSize(ApiRequest request)
    {
        var text = request.Query("pageSize");
        if (text is null)
        {
            return DefaultPageSize;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw new ApiErrorException(ApiError.Validation("pageSize", $"pageSize must be a whole number from 1 to {MaxPageSize}."));
    }

    /// <summary>A scope string that ties a token to one query: the route, the caller and every filter.</summary>
    public static string Scope(ApiRequest request, params string?[] parts) =>
        string.Join('\n', [request.Route.Name, request.CallerOrNull?.UserId ?? "", .. request.RouteValues.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Value), .. parts.Select(p => p ?? "")]);

    public async Task<(List<TableEntity> Rows, string? ContinuationToken)> QueryAsync(TableClient table, string filter, ApiRequest request, string scope, IEnumerable<string>? select = null)
    {
        var pageSize = PageSize(request);
        var storageToken = Open(request.Query("continuationToken"), scope);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, select, request.Aborted).AsPages(storageToken, pageSize))
        {
            return (page.Values.ToList(), Seal(page.ContinuationToken, scope));
        }
        return ([], null);
    }

    public string? Seal(string? storageToken, string scope)
    {
        if (storageToken is null)
        {
            return null;
        }
        var payload = IdGenerator.Base64Url(Encoding.UTF8.GetBytes(storageToken));
        return payload + "." + Sign(keys.ContinuationKey, payload, scope);
    }

    public string? Open(string? clientToken, string scope)
    {
        if (string.IsNullOrEmpty(clientToken))
        {
            return null;
        }
        var dot = clientToken.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || clientToken.Length > 4096)
        {
            throw Invalid();
        }
        var payload = clientToken[..dot];
        var presented = Encoding.ASCII.GetBytes(clientToken[(dot + 1)..]);
        // Any listed key: tokens signed before a key rotation keep working.
        if (!keys.ContinuationKeys.Any(key => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, payload, scope)), presented)))
        {
            throw Invalid();
        }
        try
        {
            var padded = payload.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            throw Invalid();
        }
    }

    private static string Sign(byte[] key, string payload, string scope) =>
        IdGenerator.Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope + "\n" + payload)));

    private static ApiErrorException Invalid() =>
        new(ApiError.Validation("continuationToken", "The continuation token is invalid or belongs to another query."));
}

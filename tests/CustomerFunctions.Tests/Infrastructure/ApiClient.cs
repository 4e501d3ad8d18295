using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CustomerFunctions.Tests.Infrastructure;

/// <summary>Real HTTP to src/Server as one user.</summary>
public sealed class ApiClient(HttpClient http, Uri baseAddress, string? token)
{
    public Task<Reply> Get(string path, string? accept = null) => Send(HttpMethod.Get, path, null, accept: accept);
    public Task<Reply> Post(string path, object? body = null, IDictionary<string, string>? headers = null) => Send(HttpMethod.Post, path, body, headers);
    public Task<Reply> Put(string path, object? body = null, IDictionary<string, string>? headers = null) => Send(HttpMethod.Put, path, body, headers);
    public Task<Reply> Patch(string path, object? body = null, IDictionary<string, string>? headers = null) => Send(HttpMethod.Patch, path, body, headers);
    public Task<Reply> Delete(string path) => Send(HttpMethod.Delete, path, null);

    public Task<Reply> Send(HttpMethod method, string path, object? body, IDictionary<string, string>? headers = null, string? accept = null) =>
        SendRaw(method, path, body is null ? null : body as string ?? JsonSerializer.Serialize(body), headers, accept);

    public async Task<Reply> SendRaw(HttpMethod method, string path, string? json, IDictionary<string, string>? headers = null, string? accept = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            // A big body waits for the server's go-ahead: a 413 then arrives before the body is sent, instead of racing
            // the upload and ending in a broken pipe when the server closes the connection.
            request.Headers.ExpectContinue = json.Length > 64 * 1024;
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply((int)response.StatusCode, text, response.Headers, response.Content.Headers);
    }
}

public sealed record Reply(int Status, string Text, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public string? ETag => Headers.ETag?.ToString();

    public string? Location => Headers.Location?.ToString();

    public string Str(string property) => Json.GetProperty(property).GetString()!;

    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public Reply Is(int status)
    {
        Assert.True(Status == status, $"Expected {status}, got {Status}: {Text}");
        return this;
    }

    /// <summary>Whether a validation problem names <paramref name="field"/> among its field errors.</summary>
    public bool HasFieldError(string field) =>
        Json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty(field, out _);

    /// <summary>Asserts a problem details answer with this status and a problem type ending in <paramref name="typeSuffix"/>.</summary>
    public Reply IsProblem(int status, string? typeSuffix = null)
    {
        Is(status);
        Assert.Equal("application/problem+json", ContentHeaders.ContentType?.MediaType);
        Assert.Equal(status, Json.GetProperty("status").GetInt32());
        if (typeSuffix is not null)
        {
            Assert.EndsWith(typeSuffix, Json.GetProperty("type").GetString());
        }
        return this;
    }
}

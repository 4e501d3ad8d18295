using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CustomerFunctions.Bench;

/// <summary>Real HTTP to src/Server; every call reads the whole answer and checks its status.</summary>
public sealed class Api(HttpClient http, Uri baseAddress)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task<string> SendAsync(HttpMethod method, string path, string token, object? body, int expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, Web), Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{method} {path}: expected {expected}, got {(int)response.StatusCode}: {text}");
        }
        return text;
    }

    public Task<string> GetAsync(string path, string token) => SendAsync(HttpMethod.Get, path, token, null, 200);
}

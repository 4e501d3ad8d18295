namespace CustomerFunctions.Core.Hosting;

/// <summary>Where the panel front end lives (the <c>Panel</c> settings section).</summary>
public sealed class PanelOptions
{
    public const string Section = "Panel";

    /// <summary>The local panel's address: the default in Development, and only there.</summary>
    public const string DevelopmentBaseUrl = "http://localhost:5173";

    /// <summary>The panel front end's address; emailed links point there with their token in a <c>token</c> query parameter.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Emailed links carry single-use tokens: outside Development they must not travel over plain HTTP.</summary>
    public static bool IsAccepted(string baseUrl, bool isDevelopment) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (isDevelopment && uri.Scheme == Uri.UriSchemeHttp));

    public string Link(string path, string token) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/') + "?token=" + Uri.EscapeDataString(token);
}

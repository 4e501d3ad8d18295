namespace CustomerFunctions.Core.Hosting;

/// <summary>Where the panel front end lives (the <c>Panel</c> settings section).</summary>
public sealed class PanelOptions
{
    public const string Section = "Panel";

    /// <summary>The panel front end's address; emailed links point there with their token in a <c>token</c> query parameter.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5173";

    public string Link(string path, string token) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/') + "?token=" + Uri.EscapeDataString(token);
}

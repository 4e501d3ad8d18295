using Microsoft.Extensions.FileProviders;

namespace CustomerFunctions.Server;

/// <summary>
/// In Development, serves the panel's built files (<c>Panel:DistDirectory</c>, else the repository's panel/dist seen
/// from src/Server, the content root of `dotnet run --project src/Server`) at "/", and its index.html for the panel's own routes
/// (/invitations/accept, /customers/acme, ...), never for /api, /openapi, /health or /docs.
/// Elsewhere the panel is deployed as static files of its own (infra/bicep).
/// </summary>
public static class PanelFiles
{
    private static readonly string[] ServerPrefixes = ["/api", "/openapi", "/health", "/docs"];

    /// <summary>Adds the static files middleware when the panel is built; returns index.html's path, or null.</summary>
    public static string? Use(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return null;
        }
        var root = Path.GetFullPath(app.Configuration["Panel:DistDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(app.Environment.ContentRootPath, "..", "..", "panel", "dist"));
        var index = Path.Combine(root, "index.html");
        if (!File.Exists(index))
        {
            return null;
        }
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return index;
    }

    public static bool IsPanelRoute(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !ServerPrefixes.Any(prefix => request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}

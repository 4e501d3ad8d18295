using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace CustomerFunctions.Core.Api;

/// <summary>
/// The interactive API reference at <c>/docs</c>: Scalar's API reference (the script Scalar.AspNetCore ships, served
/// from its assembly, so nothing is fetched from elsewhere) over <c>/openapi/v1.json</c>. Both hosts serve it.
/// </summary>
public static class ApiReferencePage
{
    public const string Path = "/docs";
    public const string ScriptPath = "/docs/scalar.js";

    private const string Html = $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Customer Functions API</title>
        </head>
        <body>
          <div id="app"></div>
          <script src="{{ScriptPath}}"></script>
          <script>
            Scalar.createApiReference('#app', {
              url: '{{OpenApiDocument.Path}}',
              hideClientButton: true,
              authentication: { preferredSecurityScheme: 'bearer' },
            })
          </script>
        </body>
        </html>
        """;

    // Scalar.AspNetCore embeds the script gzip-compressed; it is sent as it is to clients that accept gzip.
    private static readonly Lazy<byte[]> CompressedScript = new(() =>
    {
        using var resource = typeof(Scalar.AspNetCore.ScalarOptions).Assembly.GetManifestResourceStream("ScalarStaticAssets.scalar.js")
            ?? throw new InvalidOperationException("Scalar.AspNetCore no longer embeds ScalarStaticAssets.scalar.js.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Page() => Results.Content(Html, "text/html; charset=utf-8");

    public static IResult Script(HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        if (request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            request.HttpContext.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(CompressedScript.Value, "text/javascript; charset=utf-8");
        }
        using var unzip = new GZipStream(new MemoryStream(CompressedScript.Value), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        unzip.CopyTo(plain);
        return Results.Bytes(plain.ToArray(), "text/javascript; charset=utf-8");
    }
}

using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// The playground page (<c>GET /_emulator/</c>) and its two files, embedded in the assembly so the package and the
/// standalone server carry them; <c>GET /_emulator</c> redirects to the page. Every answer forbids caching, sniffing,
/// framing and any script, style or connection that is not the emulator's own: the page shows what the state holds,
/// which customers and bots wrote, so a script they wrote must never run.
/// </summary>
internal static class PlaygroundFiles
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Map(WebApplication app)
    {
        byte[] page = Load("index.html");
        byte[] css = Load("playground.css");
        byte[] script = Load("playground.js");

        // Routing treats "/_emulator" and "/_emulator/" alike; the page's relative links need the slash.
        app.MapGet("/_emulator", (HttpContext context) =>
        {
            if (context.Request.Path.Value?.EndsWith('/') == true)
            {
                return ServeAsync(context, page, "text/html; charset=utf-8");
            }

            Secure(context.Response);
            context.Response.Redirect(context.Request.PathBase + "/_emulator/");
            return Task.CompletedTask;
        });
        app.MapGet("/_emulator/playground.css", (HttpContext context) => ServeAsync(context, css, "text/css; charset=utf-8"));
        app.MapGet("/_emulator/playground.js", (HttpContext context) => ServeAsync(context, script, "text/javascript; charset=utf-8"));
    }

    private static Task ServeAsync(HttpContext context, byte[] body, string contentType)
    {
        Secure(context.Response);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static void Secure(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static byte[] Load(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Bitrix24.Emulator.Playground." + name)
            ?? throw new InvalidOperationException($"The playground file {name} is not embedded in the emulator assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

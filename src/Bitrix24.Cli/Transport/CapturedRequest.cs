namespace Bitrix24.Cli.Transport;

/// <summary>One HTTP request as it left the client.</summary>
/// <param name="Method">The HTTP method (<c>POST</c>).</param>
/// <param name="Uri">The full URL, webhook code included: print it only through the secret mask.</param>
/// <param name="Body">The body text (the JSON parameters), or empty.</param>
internal sealed record CapturedRequest(string Method, Uri Uri, string Body);

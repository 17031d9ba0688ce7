namespace Bitrix24.Cli.Transport;

/// <summary>One HTTP request as it left the client.</summary>
/// <param name="Method">The HTTP method (<c>POST</c>).</param>
/// <param name="Uri">The full URL, webhook code included: print it only through the secret mask.</param>
/// <param name="Body">The body text (the JSON parameters), or empty.</param>
/// <param name="Attempt">Which attempt of the call this is, from 1: the SDK repeats a call after 503 <c>QUERY_LIMIT_EXCEEDED</c> and the like.</param>
/// <param name="Waited">For a repeat, the time from the previous attempt's answer (or failure) to this attempt: the SDK's back-off and any wait for the rate limiter.</param>
internal sealed record CapturedRequest(string Method, Uri Uri, string Body, int Attempt = 1, TimeSpan? Waited = null);

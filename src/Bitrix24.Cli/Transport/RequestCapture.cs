namespace Bitrix24.Cli.Transport;

/// <summary>
/// Records each request on its way out, so the command line can show exactly what the SDK sent: the
/// real URL and body, not a reconstruction. Works the same against a webhook and the emulator.
/// </summary>
internal sealed class RequestCapture(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<CapturedRequest> _requests = [];

    /// <summary>The requests sent so far, oldest first.</summary>
    public IReadOnlyList<CapturedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The SDK's body is in-memory content, so reading it here leaves it intact for sending.
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        lock (_requests)
        {
            _requests.Add(new CapturedRequest(request.Method.Method, request.RequestUri!, body));
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

namespace Bitrix24.Cli.Transport;

/// <summary>
/// Records each request on its way out, so the command line can show exactly what the SDK sent: the
/// real URL and body, not a reconstruction. Works the same against a webhook and the emulator. The
/// SDK's retries pass through here too, so each request is numbered (the command line makes one call
/// per run, so the n-th request is its n-th attempt) and timed from the previous attempt's end.
/// </summary>
internal sealed class RequestCapture(HttpMessageHandler inner, TimeProvider clock) : DelegatingHandler(inner)
{
    private readonly List<CapturedRequest> _requests = [];
    private long? _lastAttemptEnded;

    /// <summary>Called as each request goes out, before its answer: the command line prints it then.</summary>
    public Action<CapturedRequest>? Sending { get; init; }

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
        CapturedRequest captured;
        lock (_requests)
        {
            long now = clock.GetTimestamp();
            TimeSpan? waited = _lastAttemptEnded is long ended ? clock.GetElapsedTime(ended, now) : null;
            captured = new CapturedRequest(request.Method.Method, request.RequestUri!, body, _requests.Count + 1, waited);
            _requests.Add(captured);
        }

        Sending?.Invoke(captured);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The answer's headers (or the failure): the SDK reads the small body, decides, and backs off from about here.
            lock (_requests)
            {
                _lastAttemptEnded = clock.GetTimestamp();
            }
        }
    }
}

namespace Bitrix24.Generated.Tests.DependencyInjection;

/// <summary>A handler an app adds to the named client (through the builder AddBitrix24 returns): it records the REST method of each request it sees.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<string> _seen = [];

    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.ToArray();
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_seen)
        {
            _seen.Add(request.Method + " " + request.RequestUri!.Segments[^1]);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

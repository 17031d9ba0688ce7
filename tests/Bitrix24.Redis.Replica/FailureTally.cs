namespace Bitrix24.Redis.Replica;

/// <summary>A replica's failed sends by their cause: the portal's error code, or the transport failure.</summary>
public sealed class FailureTally
{
    private readonly Dictionary<string, int> _counts = [];

    /// <summary>How many ended in <c>QUERY_LIMIT_EXCEEDED</c>: the limit error a caller should never see.</summary>
    public int QueryLimitExceeded => Count("QUERY_LIMIT_EXCEEDED");

    public void Add(Bitrix24Exception failure)
    {
        string code = failure switch
        {
            Bitrix24ApiException api => api.Code,
            Bitrix24TransportException transport => transport.Failure.ToString(),
            _ => failure.GetType().Name,
        };
        lock (_counts)
        {
            _counts[code] = _counts.GetValueOrDefault(code) + 1;
        }
    }

    public Dictionary<string, int> ToDictionary()
    {
        lock (_counts)
        {
            return new Dictionary<string, int>(_counts);
        }
    }

    private int Count(string code)
    {
        lock (_counts)
        {
            return _counts.GetValueOrDefault(code);
        }
    }
}

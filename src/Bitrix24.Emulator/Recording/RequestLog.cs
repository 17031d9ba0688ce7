namespace Bitrix24.Emulator.Recording;

/// <summary>Every request the portal received, in arrival order.</summary>
public sealed class RequestLog
{
    private readonly List<ReceivedRequest> _requests = [];
    private int _sequence;

    /// <summary>A copy of the log as it is now.</summary>
    public IReadOnlyList<ReceivedRequest> All
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The requests for one REST method, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> For(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_requests)
        {
            return _requests.Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)).ToArray();
        }
    }

    /// <summary>Forgets the requests received so far (numbering goes on).</summary>
    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    internal int NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(ReceivedRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }
    }
}

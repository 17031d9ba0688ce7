namespace Bitrix24.Emulator.Faults;

/// <summary>
/// The faults queued for coming requests. Each entry applies to the next <c>times</c> requests of one
/// method, or of any call; entries are used in the order they were queued.
/// </summary>
public sealed class FaultScript
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];

    /// <summary>How many faulted responses are still queued.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _entries.Sum(e => e.Remaining);
            }
        }
    }

    /// <summary>Plays <paramref name="fault"/> for the next <paramref name="times"/> requests of <paramref name="method"/> (any call when null).</summary>
    /// <returns>This script, to queue more.</returns>
    public FaultScript Enqueue(EmulatedFault fault, int times = 1, string? method = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            _entries.Add(new Entry(fault, method, times));
        }

        return this;
    }

    /// <summary>Forgets every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Takes the fault for a request to <paramref name="method"/>, if one is queued.</summary>
    internal EmulatedFault? TakeFor(string method)
    {
        lock (_gate)
        {
            int index = _entries.FindIndex(e => e.Method is null || string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            Entry entry = _entries[index];
            if (--entry.Remaining == 0)
            {
                _entries.RemoveAt(index);
            }

            return entry.Fault;
        }
    }

    private sealed class Entry(EmulatedFault fault, string? method, int remaining)
    {
        public EmulatedFault Fault { get; } = fault;

        public string? Method { get; } = method;

        public int Remaining { get; set; } = remaining;
    }
}

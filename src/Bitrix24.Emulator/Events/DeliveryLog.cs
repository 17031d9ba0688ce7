namespace Bitrix24.Emulator.Events;

/// <summary>Every event POST the portal made or is about to make, in order, with its outcome.</summary>
public sealed class DeliveryLog
{
    private readonly List<EmulatedDelivery> _deliveries = [];
    private int _sequence;

    /// <summary>A copy of the log as it is now.</summary>
    public IReadOnlyList<EmulatedDelivery> All
    {
        get
        {
            lock (_deliveries)
            {
                return _deliveries.ToArray();
            }
        }
    }

    /// <summary>The deliveries of one event code (<c>ONIMBOTV2MESSAGEADD</c>, ...), in order.</summary>
    public IReadOnlyList<EmulatedDelivery> For(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        lock (_deliveries)
        {
            return _deliveries.Where(d => string.Equals(d.Event, eventName, StringComparison.OrdinalIgnoreCase)).ToArray();
        }
    }

    /// <summary>The deliveries to one bot, in order.</summary>
    public IReadOnlyList<EmulatedDelivery> ForBot(int botId)
    {
        lock (_deliveries)
        {
            return _deliveries.Where(d => d.BotId == botId).ToArray();
        }
    }

    /// <summary>Forgets the deliveries so far (numbering goes on; pending ones are still sent).</summary>
    public void Clear()
    {
        lock (_deliveries)
        {
            _deliveries.Clear();
        }
    }

    internal int NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(EmulatedDelivery delivery)
    {
        lock (_deliveries)
        {
            _deliveries.Add(delivery);
        }
    }
}

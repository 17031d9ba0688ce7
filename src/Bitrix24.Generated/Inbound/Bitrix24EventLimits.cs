namespace Bitrix24.Inbound;

/// <summary>
/// Bounds on an event delivery, checked before anything else looks at it, so a hostile body costs at most
/// linear time and bounded memory. A delivery over <see cref="MaxBodyBytes"/> is answered 413; any other
/// breach is a malformed delivery (400) naming the limit and the key.
/// </summary>
public sealed class Bitrix24EventLimits
{
    /// <summary>The largest body accepted, in bytes; 1 MiB by default (a message is at most 20,000 characters).</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How many levels a key may nest (<c>data[message][params][ATTACH][0]</c> is 5); 32 by default.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>How many keys (form pairs, or JSON members and items) a delivery may have; 4,096 by default.</summary>
    public int MaxKeys { get; set; } = 4096;

    /// <summary>The longest key, in bytes after percent-decoding; 1,024 by default.</summary>
    public int MaxKeyBytes { get; set; } = 1024;

    /// <summary>The longest value, in bytes after percent-decoding; 256 KiB by default.</summary>
    public int MaxValueBytes { get; set; } = 256 * 1024;
}

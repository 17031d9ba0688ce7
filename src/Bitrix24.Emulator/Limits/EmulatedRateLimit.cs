namespace Bitrix24.Emulator.Limits;

/// <summary>
/// The portal's request-rate limit, a leaky bucket (REST docs: limits): each request adds one, the level drains
/// by <see cref="DrainPerSecond"/> every second, and a request that would overflow
/// <see cref="BucketSize"/> is refused with 503 <c>QUERY_LIMIT_EXCEEDED</c>.
/// </summary>
/// <param name="DrainPerSecond">Requests drained per second.</param>
/// <param name="BucketSize">How many requests fit before refusals start.</param>
public sealed record EmulatedRateLimit(double DrainPerSecond, int BucketSize)
{
    /// <summary>Every plan but Enterprise: 2 per second, bucket of 50.</summary>
    public static EmulatedRateLimit Standard { get; } = new(2, 50);

    /// <summary>Enterprise plans: 5 per second, bucket of 250.</summary>
    public static EmulatedRateLimit Enterprise { get; } = new(5, 250);
}

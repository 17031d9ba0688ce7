namespace Bitrix24;

/// <summary>The portal's plan, which sets its request-rate limit (REST docs: limits).</summary>
public enum Bitrix24Plan
{
    /// <summary>Every plan but Enterprise: 2 requests a second, bursts of up to 50.</summary>
    Standard,

    /// <summary>Enterprise plans: 5 requests a second, bursts of up to 250.</summary>
    Enterprise,
}

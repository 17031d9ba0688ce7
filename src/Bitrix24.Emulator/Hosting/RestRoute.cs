namespace Bitrix24.Emulator.Hosting;

/// <summary>
/// The two URL forms (REST docs: OAuth): webhook <c>/rest/{user}/{code}/{method}</c> and OAuth
/// <c>/rest/{method}</c>, each with an optional <c>.json</c> suffix. Method names are kept as sent; the dispatcher matches them without regard to case.
/// </summary>
/// <param name="Method">The method name as sent, without <c>.json</c>; empty when the URL names none.</param>
/// <param name="UserId">The webhook's user id, or null for the OAuth form.</param>
/// <param name="Code">The webhook's code, or null for the OAuth form.</param>
internal sealed record RestRoute(string Method, string? UserId, string? Code)
{
    public bool IsWebhook => Code is not null;

    /// <param name="path">The part of the path after <c>/rest/</c>.</param>
    public static RestRoute Parse(string path)
    {
        string[] segments = path.Split('/');
        if (segments.Length >= 3 && segments[0].Length > 0 && segments[0].All(char.IsAsciiDigit))
        {
            return new RestRoute(MethodName(string.Join('/', segments[2..])), segments[0], segments[1]);
        }

        return new RestRoute(MethodName(path), null, null);
    }

    private static string MethodName(string segment)
    {
        return segment.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? segment[..^".json".Length] : segment;
    }
}

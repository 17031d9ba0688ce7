namespace Bitrix24.Redis;

/// <summary>The keys of one portal; the portal is the hash tag, so a script touching both keys stays in one cluster slot.</summary>
internal static class RedisLimitKeys
{
    /// <summary><c>{prefix}{{portal}}:rl</c>: the portal's theoretical arrival time in µs since the epoch.</summary>
    public static string Bucket(string prefix, string portal) => $"{prefix}{{{Clean(portal)}}}:rl";

    /// <summary><c>{prefix}{{portal}}:opblk:{credential}:{method}</c>: until when (Unix ms) the method is blocked; the method in lower case.</summary>
    public static string Block(string prefix, string portal, string credential, string method) =>
        $"{prefix}{{{Clean(portal)}}}:opblk:{Clean(credential)}:{Clean(method).ToLowerInvariant()}";

    /// <summary>A brace would move or break the hash tag; none occurs in a member_id, host, client id or method name, so it is replaced.</summary>
    internal static string Clean(string value) =>
        value.AsSpan().IndexOfAny('{', '}') < 0 ? value : value.Replace('{', '_').Replace('}', '_');
}

namespace Bitrix24;

/// <summary>
/// Removes the client's secrets (webhook code, tokens, client secret) from text that came from
/// outside, such as a proxy's error page or a socket error, before it goes into an exception.
/// Tokens issued by a refresh are added as they arrive; old ones stay masked.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private string[] _secrets = [];

    public SecretRedactor(IEnumerable<string> secrets) => Add(secrets);

    /// <summary>Masks these too from now on.</summary>
    public void Add(IEnumerable<string> secrets)
    {
        string[] added = secrets.Where(s => s is { Length: >= 4 }).ToArray();
        string[] current, next;
        do
        {
            current = Volatile.Read(ref _secrets);
            next = current.Concat(added).Distinct(StringComparer.Ordinal).ToArray();
        }
        while (Interlocked.CompareExchange(ref _secrets, next, current) != current);
    }

    public string Redact(string text)
    {
        foreach (string secret in Volatile.Read(ref _secrets))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}

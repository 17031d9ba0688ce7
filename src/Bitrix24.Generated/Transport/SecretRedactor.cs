namespace Bitrix24;

/// <summary>
/// Removes the client's secrets (webhook code, tokens, client secret) from text that came from
/// outside, such as a proxy's error page or a socket error, before it goes into an exception.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets) =>
        _secrets = secrets.Where(s => s.Length >= 4).Distinct(StringComparer.Ordinal).ToArray();

    public string Redact(string text)
    {
        foreach (string secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}

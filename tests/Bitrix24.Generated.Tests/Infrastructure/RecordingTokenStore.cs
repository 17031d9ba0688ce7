namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>A token store that keeps every pair it is given, in order (thread-safe: refreshes may race).</summary>
internal sealed class RecordingTokenStore(params Bitrix24OAuthTokens[] initial) : IBitrix24TokenStore
{
    private readonly List<Bitrix24OAuthTokens> _saved = [.. initial];

    public IReadOnlyList<Bitrix24OAuthTokens> Saved
    {
        get
        {
            lock (_saved)
            {
                return _saved.ToArray();
            }
        }
    }

    public ValueTask SaveAsync(Bitrix24OAuthTokens tokens, CancellationToken cancellationToken)
    {
        lock (_saved)
        {
            _saved.Add(tokens);
        }

        return ValueTask.CompletedTask;
    }
}

namespace Bitrix24;

/// <summary>
/// An <see cref="IBitrix24SharedTokenStore"/> in this process's memory: for several clients of one portal in one process,
/// and the reference for a store of your own (a database row with <c>UPDATE … WHERE version = @expected</c> does the same).
/// Nothing survives a restart; several processes need a shared one (Redis: package <c>Bitrix24.Generated.Redis</c>).
/// </summary>
public sealed class InMemoryBitrix24SharedTokenStore : IBitrix24SharedTokenStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    /// <summary>Creates an empty store.</summary>
    /// <param name="clock">The clock leases run on; <see cref="TimeProvider.System"/> when null.</param>
    public InMemoryBitrix24SharedTokenStore(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <inheritdoc/>
    public ValueTask<Bitrix24StoredTokens?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return new(_entries.TryGetValue(key, out Entry? entry) ? entry.Stored : null);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Bitrix24StoredTokens> SeedAsync(string key, Bitrix24OAuthTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out Entry? entry))
            {
                _entries[key] = entry = new Entry(new Bitrix24StoredTokens(tokens, 1));
            }

            return new(entry.Stored);
        }
    }

    /// <inheritdoc/>
    public ValueTask<Bitrix24RefreshTurn> BeginRefreshAsync(string key, long seenVersion, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Entry entry = _entries.TryGetValue(key, out Entry? known) ? known : throw new InvalidOperationException($"No tokens are stored for {key}: seed them first.");
            if (entry.Stored.Version > seenVersion)
            {
                return new(new Bitrix24RefreshTurn(Bitrix24RefreshTurnKind.Fresh, entry.Stored, TimeSpan.Zero));
            }

            DateTimeOffset now = _clock.GetUtcNow();
            if (entry.LeaseOwner is not null && entry.LeaseOwner != owner && entry.LeaseUntil > now)
            {
                return new(new Bitrix24RefreshTurn(Bitrix24RefreshTurnKind.Wait, null, entry.LeaseUntil - now));
            }

            entry.LeaseOwner = owner;
            entry.LeaseUntil = now + lease;
            return new(new Bitrix24RefreshTurn(Bitrix24RefreshTurnKind.Go, entry.Stored, TimeSpan.Zero));
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> CommitAsync(string key, long expectedVersion, string owner, Bitrix24OAuthTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out Entry? entry))
            {
                return new(false);
            }

            if (entry.Stored.Version != expectedVersion)
            {
                return new(string.Equals(entry.Stored.Tokens.RefreshToken, tokens.RefreshToken, StringComparison.Ordinal));
            }

            entry.Stored = new Bitrix24StoredTokens(tokens, expectedVersion + 1);
            if (entry.LeaseOwner == owner)
            {
                entry.LeaseOwner = null;
            }

            return new(true);
        }
    }

    private sealed class Entry(Bitrix24StoredTokens stored)
    {
        public Bitrix24StoredTokens Stored { get; set; } = stored;

        public string? LeaseOwner { get; set; }

        public DateTimeOffset LeaseUntil { get; set; }
    }
}

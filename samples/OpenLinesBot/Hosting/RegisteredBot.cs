namespace OpenLinesBot.Hosting;

/// <summary>The bot's id on the portal, known once <see cref="BotRegistration"/> has registered it.</summary>
public sealed class RegisteredBot
{
    private int _id;

    public bool IsRegistered => Volatile.Read(ref _id) > 0;

    /// <exception cref="InvalidOperationException">The bot is not registered yet.</exception>
    public int Id => Volatile.Read(ref _id) is > 0 and var id ? id : throw new InvalidOperationException("The bot is not registered yet.");

    internal void Set(int id) => Volatile.Write(ref _id, id);
}

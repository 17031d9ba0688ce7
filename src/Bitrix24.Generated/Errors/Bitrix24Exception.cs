namespace Bitrix24;

/// <summary>The base of every exception the SDK throws for a failed call.</summary>
public abstract class Bitrix24Exception : Exception
{
    /// <summary>Creates the exception.</summary>
    protected Bitrix24Exception(string method, string message, Exception? innerException)
        : base(message, innerException)
    {
        Method = method;
    }

    /// <summary>The REST method that was called, e.g. <c>imopenlines.bot.session.message.send</c>.</summary>
    public string Method { get; }
}

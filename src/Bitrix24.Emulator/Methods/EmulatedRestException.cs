namespace Bitrix24.Emulator.Methods;

/// <summary>Thrown by a method handler to answer with an error envelope, as the portal's <c>RestException</c> does.</summary>
public sealed class EmulatedRestException : Exception
{
    /// <summary>An error answer.</summary>
    /// <param name="status">The HTTP status, e.g. 400.</param>
    /// <param name="code">The <c>error</c> code, e.g. <c>CHAT_ID_EMPTY</c>.</param>
    /// <param name="description">The <c>error_description</c>.</param>
    public EmulatedRestException(int status, string code, string description)
        : base($"{status} {code}: {description}")
    {
        Status = status;
        Code = code;
        Description = description;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The <c>error</c> code.</summary>
    public string Code { get; }

    /// <summary>The <c>error_description</c>.</summary>
    public string Description { get; }
}

namespace Bitrix24;

/// <summary>One parameter of a method as its spec describes it.</summary>
public sealed class Bitrix24ParameterInfo
{
    /// <summary>The name on the wire, sent exactly as written (<c>CHAT_ID</c>).</summary>
    public required string WireName { get; init; }

    /// <summary>The C# property name (<c>ChatId</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The kebab-case form the command line accepts (<c>chat-id</c>).</summary>
    public string KebabName => WireName.Replace('_', '-').ToLowerInvariant();

    /// <summary>The value type.</summary>
    public required Bitrix24ValueType Type { get; init; }

    /// <summary>Whether the method needs it.</summary>
    public bool IsRequired { get; init; }

    /// <summary>What the parameter means.</summary>
    public string? Summary { get; init; }

    /// <summary>What the portal assumes when the parameter is not sent, as the docs say (for display only).</summary>
    public string? Default { get; init; }

    /// <inheritdoc/>
    public override string ToString() => WireName + ": " + Type + (IsRequired ? " (required)" : string.Empty);
}

namespace Bitrix24;

/// <summary>One parameter of a method as its spec describes it.</summary>
public sealed class Bitrix24ParameterInfo
{
    /// <summary>The name on the wire, sent exactly as written (<c>CHAT_ID</c>).</summary>
    public required string WireName { get; init; }

    /// <summary>The C# property name (<c>ChatId</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The kebab-case form the command line accepts (<c>CHAT_ID</c> and <c>chatId</c> both give <c>chat-id</c>).</summary>
    public string KebabName
    {
        get
        {
            var name = new System.Text.StringBuilder(WireName.Length + 4);
            for (int i = 0; i < WireName.Length; i++)
            {
                char c = WireName[i];
                if (c == '_')
                {
                    name.Append('-');
                    continue;
                }

                // A hump of camelCase starts a word: botId -> bot-id (CHAT_ID has no lower-case letter before an upper-case one).
                if (char.IsUpper(c) && i > 0 && (char.IsLower(WireName[i - 1]) || char.IsDigit(WireName[i - 1])))
                {
                    name.Append('-');
                }

                name.Append(char.ToLowerInvariant(c));
            }

            return name.ToString();
        }
    }

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

namespace Bitrix24;

/// <summary>
/// What the spec says about a REST method: name, docs, parameters with wire names and types. The
/// generator creates one per spec file; <see cref="Bitrix24MethodCatalog"/> lists them all, so tools
/// such as the command line work for any method without code of their own.
/// </summary>
public abstract class Bitrix24MethodInfo
{
    /// <summary>The REST method name, e.g. <c>imopenlines.bot.session.message.send</c>.</summary>
    public required string Name { get; init; }

    /// <summary>One line on what the method does.</summary>
    public string? Summary { get; init; }

    /// <summary>The official documentation page.</summary>
    public string? DocsUrl { get; init; }

    /// <summary>The scopes the webhook or application needs.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Whether repeating the call is harmless. When false, the SDK never repeats the call once it
    /// may have reached the portal, so nothing is done twice.
    /// </summary>
    public bool IsIdempotent { get; init; }

    /// <summary>The parameters in spec order.</summary>
    public IReadOnlyList<Bitrix24ParameterInfo> Parameters { get; init; } = Array.Empty<Bitrix24ParameterInfo>();

    /// <summary>The type of <c>result</c>.</summary>
    public required Bitrix24ValueType Result { get; init; }

    /// <summary>Finds a parameter by wire name (<c>CHAT_ID</c>, <c>botId</c>), C# name (<c>ChatId</c>) or kebab-case (<c>chat-id</c>, <c>bot-id</c>), ignoring case.</summary>
    public Bitrix24ParameterInfo? FindParameter(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string wanted = name.Replace('-', '_');
        foreach (Bitrix24ParameterInfo parameter in Parameters)
        {
            if (string.Equals(parameter.WireName, wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(parameter.KebabName, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

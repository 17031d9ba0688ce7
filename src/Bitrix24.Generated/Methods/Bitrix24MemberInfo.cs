namespace Bitrix24;

/// <summary>One member of a spec object type, as its spec describes it.</summary>
/// <param name="WireName">The JSON key, exactly (<c>botId</c>, <c>BUTTONS</c>).</param>
/// <param name="Name">The C# property name (<c>BotId</c>, <c>Buttons</c>).</param>
/// <param name="Type">The value type.</param>
/// <param name="IsRequired">Whether it must be given (in a request) or is always there (in a result).</param>
/// <param name="IsNullable">Whether null is a value of its own: sent as null in a request, kept as null in a result.</param>
/// <param name="Summary">What the member means.</param>
public sealed record Bitrix24MemberInfo(string WireName, string Name, Bitrix24ValueType Type, bool IsRequired, bool IsNullable, string? Summary);

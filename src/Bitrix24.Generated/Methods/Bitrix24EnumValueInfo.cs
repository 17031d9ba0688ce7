namespace Bitrix24;

/// <summary>One allowed value of a spec enum.</summary>
/// <param name="Wire">The string sent to the portal (<c>WELCOME</c>).</param>
/// <param name="Name">The C# member name (<c>Welcome</c>).</param>
/// <param name="Summary">What the value means.</param>
public sealed record Bitrix24EnumValueInfo(string Wire, string Name, string? Summary);

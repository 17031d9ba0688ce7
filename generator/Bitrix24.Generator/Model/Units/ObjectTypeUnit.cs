using Bitrix24.Generator.Collections;

namespace Bitrix24.Generator.Model.Units;

/// <summary>The file of one object type: the class, and the class that reads and writes it as JSON.</summary>
internal sealed record ObjectTypeUnit(string HintName, ObjectModel Type) : EmitUnit(HintName);

/// <param name="JsonType">The class that reads and writes it (<c>BotJson</c>).</param>
/// <param name="IsRead">Some result holds it: it gets a reader.</param>
/// <param name="IsWritten">Some parameter holds it: it gets a writer.</param>
internal sealed record ObjectModel(
    string Namespace,
    string Name,
    string JsonType,
    string Scope,
    string? Summary,
    string? Remarks,
    EquatableArray<MemberModel> Members,
    bool IsRead,
    bool IsWritten)
{
    /// <summary>The event (<c>ONIMBOTV2MESSAGEADD</c>) whose <c>data</c> this type is, or null for a plain object type.</summary>
    public string? EventName { get; init; }

    /// <summary>The event's official page, for its docs.</summary>
    public string? EventDocs { get; init; }
}

/// <summary>A member with its C# property name chosen and its type resolved.</summary>
internal sealed record MemberModel(
    string WireName,
    string PropertyName,
    ValueModel Type,
    bool IsRequired,
    string? Summary,
    string? Remarks,
    string? Default);

using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;

namespace Bitrix24.Generator.Model.Specs;

/// <summary>
/// A named object type declared under <c>types:</c> (in a method spec or a <c>*.types.yaml</c> file);
/// like an enum, it belongs to a scope, and any method or type of the scope can use it.
/// </summary>
internal sealed record ObjectTypeSpec(
    string Name,
    SpecLocation NameLocation,
    string Scope,
    string? Summary,
    string? Remarks,
    EquatableArray<MemberSpec> Members)
{
    /// <summary>Set when the type is an event's <c>data</c> (an <c>*.event.yaml</c> file): the event it is read from.</summary>
    public EventSpec? Event { get; init; }

    /// <summary>True when both declare the same members (names, C# names, types and required flags), docs and positions aside.</summary>
    public bool DeclaresSameMembers(ObjectTypeSpec other)
    {
        if (Members.Count != other.Members.Count)
        {
            return false;
        }

        for (int i = 0; i < Members.Count; i++)
        {
            MemberSpec a = Members[i];
            MemberSpec b = other.Members[i];
            if (a.WireName != b.WireName || a.Property != b.Property || a.Type != b.Type || a.IsRequired != b.IsRequired)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One member of an object type, by its exact wire name (<c>botId</c>, <c>BUTTONS</c>).</summary>
/// <param name="Property">The C# property name when the spec overrides the PascalCase of the wire name.</param>
internal sealed record MemberSpec(
    string WireName,
    SpecLocation NameLocation,
    string? Property,
    TypeSpec Type,
    SpecLocation TypeLocation,
    bool IsRequired,
    string? Summary,
    string? Remarks,
    string? Default);

/// <summary>The event an event file declares: its wire name (<c>ONIMBOTV2MESSAGEADD</c>) and its official page.</summary>
internal sealed record EventSpec(string Name, SpecLocation NameLocation, string? Docs);

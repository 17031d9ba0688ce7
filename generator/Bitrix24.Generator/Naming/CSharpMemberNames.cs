using System;
using System.Collections.Generic;

namespace Bitrix24.Generator.Naming;

/// <summary>
/// Member names C# gives every class or enum, which a generated member must not take: it would hide
/// them (CS0108) or, in an enum, break code that means the inherited one. The generator tests compare
/// both lists with <c>System.Object</c> and <c>System.Enum</c> by reflection.
/// </summary>
internal static class CSharpMemberNames
{
    /// <summary>Members of object, public and protected, instance and static.</summary>
    public static readonly HashSet<string> Object = new(StringComparer.Ordinal)
        { "Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString" };

    /// <summary>
    /// Members of an enum type: <c>value__</c>, the field the compiler declares in every enum (CS0076),
    /// and the members of <c>System.Enum</c> and its bases, public and protected, instance and static.
    /// </summary>
    public static readonly HashSet<string> Enum = new(StringComparer.Ordinal)
    {
        "value__", "CompareTo", "Equals", "Finalize", "Format", "GetHashCode", "GetName", "GetNames", "GetType", "GetTypeCode",
        "GetUnderlyingType", "GetValues", "GetValuesAsUnderlyingType", "HasFlag", "IsDefined", "MemberwiseClone", "Parse",
        "ReferenceEquals", "ToObject", "ToString", "TryFormat", "TryParse",
    };
}

using System;
using System.Collections.Generic;

namespace Bitrix24.Generator.Naming;

/// <summary>Member names C# itself gives every class or enum, which a generated member would hide.</summary>
internal static class CSharpMemberNames
{
    /// <summary>Members of object a generated member would hide.</summary>
    public static readonly HashSet<string> Object = new(StringComparer.Ordinal)
        { "ToString", "Equals", "GetHashCode", "GetType" };
}

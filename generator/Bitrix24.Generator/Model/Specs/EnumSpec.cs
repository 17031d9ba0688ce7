using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;

namespace Bitrix24.Generator.Model.Specs;

/// <summary>An enum declared under <c>enums:</c>; it belongs to the scope of the file's method.</summary>
internal sealed record EnumSpec(
    string Name,
    SpecLocation NameLocation,
    string Scope,
    string? Summary,
    EquatableArray<EnumValueSpec> Values)
{
    /// <summary>True when both declare the same values and names (positions and summaries aside).</summary>
    public bool DeclaresSameValues(EnumSpec other)
    {
        if (Values.Count != other.Values.Count)
        {
            return false;
        }

        for (int i = 0; i < Values.Count; i++)
        {
            if (Values[i].Wire != other.Values[i].Wire || Values[i].Name != other.Values[i].Name)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>One allowed value: the wire string and, optionally, the C# member name to use.</summary>
internal sealed record EnumValueSpec(string Wire, string? Name, SpecLocation Location, string? Summary);

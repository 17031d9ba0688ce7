using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;

namespace Bitrix24.Generator.Parsing;

/// <summary>Reads the required <c>type:</c> of a parameter, member or result.</summary>
internal static class TypeReader
{
    public static TypeSpec? Read(YamlMappingReader reader, SpecReadContext context)
    {
        string? text = reader.RequiredString("type");
        if (text is null)
        {
            return null;
        }

        if (TypeSpec.TryParse(text, out TypeSpec type))
        {
            return type;
        }

        context.Report(DiagnosticDescriptors.UnknownType, reader.LocateValue("type"), text);
        return null;
    }
}

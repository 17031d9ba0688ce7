using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Model.Specs;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>Reads <c>errors.yaml</c>: the system error codes any method can return.</summary>
internal static class ErrorsFileReader
{
    public static SpecFile Read(string path, YamlMappingNode root, SpecReadContext context)
    {
        var reader = new YamlMappingReader(root, context, "errors.yaml");
        reader.WarnUnknownKeys("errors");
        if (!reader.Has("errors"))
        {
            context.Report(Diagnostics.DiagnosticDescriptors.MissingKey, context.LocateStart(root), "errors", " in errors.yaml");
        }

        var errors = ErrorItemReader.ReadList(reader.Sequence("errors"), context);
        return new SpecFile(path, SpecFileKind.Errors, null, EquatableArray<EnumSpec>.Empty, errors.ToEquatableArray(), EquatableArray<NamingWordSpec>.Empty);
    }
}

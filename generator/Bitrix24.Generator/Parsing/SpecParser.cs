using System;
using System.IO;
using System.Threading;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>
/// Reads one spec file into a <see cref="ParseResult"/>. Never throws for bad input: every problem
/// becomes a diagnostic at the YAML position (<see cref="YamlDocumentReader"/> for the YAML itself,
/// the file readers for its content). A failure of the readers themselves, which would be a bug of
/// ours, becomes B24G9001 for this file only, so one file never takes the generator down (CS8785).
/// </summary>
internal static class SpecParser
{
    public static SpecFileKind KindOf(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        return name switch
        {
            "errors" => SpecFileKind.Errors,
            "naming" => SpecFileKind.Naming,
            _ when name.EndsWith(".types", StringComparison.Ordinal) || name == "types" => SpecFileKind.Types,
            _ when name.EndsWith(".event", StringComparison.Ordinal) => SpecFileKind.Event,
            _ => SpecFileKind.Method,
        };
    }

    public static ParseResult Parse(string path, SourceText? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return Failed(path, DiagnosticDescriptors.NotASpecDocument, "The spec file could not be read");
        }

        var context = new SpecReadContext(path, text, cancellationToken);
        YamlMappingNode? root = YamlDocumentReader.ReadRoot(text, context);
        if (root is null)
        {
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }

        try
        {
            SpecFile file = KindOf(path) switch
            {
                SpecFileKind.Errors => ErrorsFileReader.Read(path, root, context),
                SpecFileKind.Naming => NamingFileReader.Read(path, root, context),
                SpecFileKind.Types => TypesFileReader.Read(path, root, context),
                SpecFileKind.Event => EventFileReader.Read(path, root, context),
                _ => MethodFileReader.Read(path, root, context),
            };
            return new ParseResult(file, context.Diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Failed(path, DiagnosticDescriptors.InternalError, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static ParseResult Failed(string path, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string argument) =>
        new(null, new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.Create(descriptor, SpecLocation.File(path), argument) }));
}

using System;
using System.IO;
using System.Threading;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>
/// Reads one spec file into a <see cref="ParseResult"/>. Never throws for bad input: every problem
/// becomes a diagnostic at the YAML position, and an unexpected failure becomes B24G9001 for this
/// file only, so one broken file never takes the whole generator down (CS8785).
/// </summary>
internal static class SpecParser
{
    public static SpecFileKind KindOf(string path) =>
        Path.GetFileNameWithoutExtension(path).ToLowerInvariant() switch
        {
            "errors" => SpecFileKind.Errors,
            "naming" => SpecFileKind.Naming,
            _ => SpecFileKind.Method,
        };

    public static ParseResult Parse(string path, SourceText? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return Failed(path, DiagnosticDescriptors.NotASpecDocument, "The spec file could not be read");
        }

        var context = new SpecReadContext(path, text, cancellationToken);
        try
        {
            SpecFile? file = ReadFile(path, text, context);
            return new ParseResult(file, context.Diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (YamlException ex)
        {
            // Syntax errors, and semantic ones such as a duplicated key, with the parser's position.
            context.Report(DiagnosticDescriptors.InvalidYaml, context.Locate(ex.Start, ex.End), Describe(ex));
            return new ParseResult(null, context.Diagnostics.ToEquatableArray());
        }
        catch (Exception ex)
        {
            return Failed(path, DiagnosticDescriptors.InternalError, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static SpecFile? ReadFile(string path, SourceText text, SpecReadContext context)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text.ToString()));
        context.CancellationToken.ThrowIfCancellationRequested();

        if (stream.Documents.Count == 0 || YamlMappingReader.IsNull(stream.Documents[0].RootNode))
        {
            context.Report(DiagnosticDescriptors.NotASpecDocument, SpecLocation.File(path), "The spec file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            context.Report(DiagnosticDescriptors.NotASpecDocument, context.LocateStart(stream.Documents[1].RootNode),
                "A spec file holds exactly one YAML document; this one has " + stream.Documents.Count);
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            context.Report(DiagnosticDescriptors.NotASpecDocument, context.Locate(stream.Documents[0].RootNode),
                "The top of a spec file must be a mapping of keys to values");
            return null;
        }

        SpecFileKind kind = KindOf(path);
        return kind switch
        {
            SpecFileKind.Errors => ErrorsFileReader.Read(path, root, context),
            SpecFileKind.Naming => NamingFileReader.Read(path, root, context),
            _ => MethodFileReader.Read(path, root, context),
        };
    }

    private static ParseResult Failed(string path, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string argument) =>
        new(null, new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.Create(descriptor, SpecLocation.File(path), argument) }));

    /// <summary>YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the diagnostic already has the position.</summary>
    private static string Describe(YamlException ex)
    {
        string message = ex.Message;
        int marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0)
        {
            message = message.Substring(marker + 3);
        }

        return message.Trim();
    }
}

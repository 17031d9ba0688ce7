using System;
using System.IO;
using Bitrix24.Generator.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>
/// Reads a spec file's text into the root mapping of its one YAML document, within
/// <see cref="SpecLimits"/>. Whatever keeps the file from being that (too large, too deep, an alias,
/// bad YAML, several documents, no mapping on top) is reported at its position, and null returned.
/// </summary>
internal static class YamlDocumentReader
{
    public static YamlMappingNode? ReadRoot(SourceText text, SpecReadContext context)
    {
        if (text.Length > SpecLimits.MaxCharacters)
        {
            context.Report(DiagnosticDescriptors.FileTooLarge, SpecLocation.File(context.Path),
                text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                SpecLimits.MaxCharacters.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }

        YamlStream? stream = Load(text, context);
        if (stream is null)
        {
            return null;
        }

        if (stream.Documents.Count == 0 || YamlMappingReader.IsNull(stream.Documents[0].RootNode))
        {
            context.Report(DiagnosticDescriptors.NotASpecDocument, SpecLocation.File(context.Path), "The spec file is empty");
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

        return root;
    }

    private static YamlStream? Load(SourceText text, SpecReadContext context)
    {
        var parser = new LimitedYamlParser(new Parser(new StringReader(text.ToString())), context.CancellationToken);
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
            return stream;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (SpecLimitException ex) when (ex.Limit == SpecLimitException.Kind.TooDeep)
        {
            context.Report(DiagnosticDescriptors.NestedTooDeep, context.Locate(ex.Start, ex.End),
                SpecLimits.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (SpecLimitException ex)
        {
            context.Report(DiagnosticDescriptors.AliasNotSupported, context.Locate(ex.Start, ex.End), ex.Name ?? string.Empty);
        }
        catch (YamlException ex)
        {
            // Syntax errors, and semantic ones such as a duplicated key, with the parser's position.
            context.Report(DiagnosticDescriptors.InvalidYaml, context.Locate(ex.Start, ex.End), Describe(ex.Message));
        }
        catch (Exception ex)
        {
            // YamlDotNet fails on some broken input with other exceptions (InvalidOperationException for
            // "..." then "---", ArgumentException for a bare ": value"). It is still the file's YAML that is
            // wrong, so it is reported as such, where the parser had got to.
            context.Report(DiagnosticDescriptors.InvalidYaml, context.Locate(parser.LastStart, parser.LastEnd), Describe(ex.Message));
        }

        return null;
    }

    /// <summary>YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (...): "; the diagnostic already has the position.</summary>
    private static string Describe(string message)
    {
        int marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0)
        {
            message = message.Substring(marker + 3);
        }

        message = message.Trim();
        return message.Length == 0 ? "the YAML parser gave up here" : message;
    }
}

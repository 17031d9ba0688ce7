using System.Collections.Generic;
using System.Threading;
using Bitrix24.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>The file being read: its path and text for positions, and the diagnostics found so far.</summary>
internal sealed class SpecReadContext
{
    private readonly SourceText _text;

    public SpecReadContext(string path, SourceText text, CancellationToken cancellationToken)
    {
        Path = path;
        _text = text;
        CancellationToken = cancellationToken;
    }

    public string Path { get; }

    public CancellationToken CancellationToken { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>Errors so far; readers compare it before and after a part to know whether that part is sound.</summary>
    public int ErrorCount { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }

        // Still counted above, so the file stays broken; an IDE need not list a hundred thousand repeats.
        if (Diagnostics.Count < SpecLimits.MaxDiagnostics)
        {
            Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
        }
        else if (Diagnostics.Count == SpecLimits.MaxDiagnostics)
        {
            Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TooManyProblems, SpecLocation.File(Path),
                SpecLimits.MaxDiagnostics.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public SpecLocation Locate(YamlNode node) => Locate(node.Start, node.End);

    /// <summary>
    /// YamlDotNet marks carry a 0-based character offset (and 1-based line and column); Roslyn wants
    /// 0-based positions. Deriving the line span from the text keeps both consistent with CRLF and tabs.
    /// </summary>
    public SpecLocation Locate(Mark start, Mark end)
    {
        int length = _text.Length;
        int from = Clamp(start.Index, length);
        int to = Clamp(end.Index, length);
        if (to < from)
        {
            to = from;
        }

        TextSpan span = TextSpan.FromBounds(from, to);
        return new SpecLocation(Path, span, _text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>A zero-length position at the start of a node, for "missing" diagnostics.</summary>
    public SpecLocation LocateStart(YamlNode node) => Locate(node.Start, node.Start);

    private static int Clamp(long index, int length) => index < 0 ? 0 : index > length ? length : (int)index;
}

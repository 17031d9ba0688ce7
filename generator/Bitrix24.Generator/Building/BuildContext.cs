using System;
using System.Collections.Generic;
using System.Threading;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Naming;
using Bitrix24.Generator.Target;
using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Building;

/// <summary>
/// What every step of the cross-file build shares: where the code goes, what the references already
/// have, the C# names chosen so far, and the diagnostics found (with the files they point at).
/// </summary>
internal sealed class BuildContext
{
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _filesWithErrors = new(StringComparer.Ordinal);

    public BuildContext(GenerationTarget target, ReferencedApi referenced, CancellationToken cancellationToken)
    {
        Target = target;
        Referenced = referenced;
        CancellationToken = cancellationToken;
        Names = new GeneratedNames(target, new CSharpNames(new Dictionary<string, string>()));
    }

    public GenerationTarget Target { get; }

    public ReferencedApi Referenced { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The C# names of the build; replaced once naming.yaml's words are known.</summary>
    public GeneratedNames Names { get; set; }

    public EquatableArray<DiagnosticInfo> Diagnostics => _diagnostics.ToEquatableArray();

    public void Report(DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error && location.Path.Length > 0)
        {
            _filesWithErrors.Add(location.Path);
        }
    }

    public void Report(IEnumerable<DiagnosticInfo> diagnostics) => _diagnostics.AddRange(diagnostics);

    /// <summary>Whether an error of this build points into the file (the file's own errors were reported when it was read).</summary>
    public bool HasErrors(string path) => _filesWithErrors.Contains(path);

    /// <summary>"errors.yaml line 12", for messages that point at another declaration.</summary>
    public static string Where(SpecLocation location) =>
        System.IO.Path.GetFileName(location.Path) + " line " + LineOf(location);

    public static string LineOf(SpecLocation location) =>
        (location.LineSpan.Start.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

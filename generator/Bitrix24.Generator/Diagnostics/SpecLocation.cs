using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Bitrix24.Generator.Diagnostics;

/// <summary>
/// A position in a spec file, kept as plain values so it can live in cached pipeline data.
/// Only diagnostics use it; generated code never depends on where something was written.
/// </summary>
internal readonly record struct SpecLocation(string Path, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The whole file, when no better position is known.</summary>
    public static SpecLocation File(string path) => new(path, default, default);

    /// <summary>No file: the problem is in the project's settings, not in a spec.</summary>
    public static SpecLocation None => new(string.Empty, default, default);

    public Location ToLocation() => Path.Length == 0 ? Location.None : Location.Create(Path, Span, LineSpan);
}

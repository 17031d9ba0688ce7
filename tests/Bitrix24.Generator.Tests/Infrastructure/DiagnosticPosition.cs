using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests.Infrastructure;

/// <summary>Diagnostic positions as the build prints them.</summary>
internal static class DiagnosticPosition
{
    /// <summary><c>path(line,col)</c>, 1-based, like <c>spec/x.yaml(4,11)</c> in build output.</summary>
    public static string FileLineColumn(this Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }
}

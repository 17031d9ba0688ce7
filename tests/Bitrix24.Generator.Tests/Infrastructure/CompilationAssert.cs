using Microsoft.CodeAnalysis;

namespace Bitrix24.Generator.Tests.Infrastructure;

/// <summary>Checks on a compilation after generation, listing every problem when one fails.</summary>
internal static class CompilationAssert
{
    public static void NoWarnings(Compilation output)
    {
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static void NoErrors(Compilation output)
    {
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bitrix24.Generator.Tests.Infrastructure;

/// <summary>
/// Gives AdditionalFiles the item metadata MSBuild would: <c>Bitrix24Spec=true</c> for files under
/// <c>spec/</c>, nothing for others (so tests can show unrelated YAML is ignored); and the global
/// MSBuild properties the generator reads.
/// </summary>
internal sealed class SpecOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Spec = new Options(new() { ["build_metadata.AdditionalFiles.Bitrix24Spec"] = "true" });
    private static readonly AnalyzerConfigOptions None = new Options(new());

    private readonly AnalyzerConfigOptions _global;

    /// <param name="globalOptions">MSBuild properties (<c>build_property.*</c>); by default those of the SDK's own build.</param>
    public SpecOptionsProvider(Dictionary<string, string>? globalOptions = null) =>
        _global = new Options(globalOptions ?? new() { ["build_property.Bitrix24GenerateSdk"] = "true" });

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        textFile.Path.StartsWith("spec/", StringComparison.Ordinal) ? Spec : None;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

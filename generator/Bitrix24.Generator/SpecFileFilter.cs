using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bitrix24.Generator;

/// <summary>
/// Which AdditionalFiles are specs: YAML files whose item carries <c>Bitrix24Spec="true"</c>
/// (made visible to the compiler by <c>CompilerVisibleItemMetadata</c>). Other YAML files in the
/// project, such as CI configs, are never read.
/// </summary>
internal static class SpecFileFilter
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.Bitrix24Spec";

    public static bool IsSpec(AdditionalText text, AnalyzerConfigOptionsProvider options)
    {
        if (!text.Path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !text.Path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return options.GetOptions(text).TryGetValue(MetadataKey, out string? value)
            && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}

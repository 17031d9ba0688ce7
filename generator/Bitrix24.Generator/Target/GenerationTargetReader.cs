using System;
using System.Collections.Generic;

using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Naming;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Bitrix24.Generator.Target;

/// <summary>
/// Reads the generator's MSBuild properties, which reach it as <c>build_property.*</c> global
/// options because the build props list them as <c>CompilerVisibleProperty</c>.
/// </summary>
internal static class GenerationTargetReader
{
    public const string GenerateSdkProperty = "build_property.Bitrix24GenerateSdk";
    public const string AccessorProperty = "build_property.Bitrix24ClientAccessor";

    public static GenerationTarget Read(AnalyzerConfigOptions options)
    {
        bool isSdk = options.TryGetValue(GenerateSdkProperty, out string? sdk)
            && string.Equals(sdk?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        if (isSdk)
        {
            return GenerationTarget.Sdk;
        }

        string accessor = options.TryGetValue(AccessorProperty, out string? configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured!.Trim()
            : GenerationTarget.DefaultAccessorName;
        var diagnostics = new List<DiagnosticInfo>();
        if (!CSharpNames.IsUsableName(accessor) || !char.IsUpper(accessor[0]))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, SpecLocation.None,
                "Bitrix24ClientAccessor", accessor, "a C# name starting with an upper-case letter, such as App or Crm"));
        }
        else if (RuntimeNames.ClientMembers.Contains(accessor) || RuntimeNames.BatchMembers.Contains(accessor))
        {
            // An extension method named like an instance member is never chosen by the compiler.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSetting, SpecLocation.None,
                "Bitrix24ClientAccessor", accessor, "a name that Bitrix24Client and Bitrix24Batch do not already use"));
        }

        return new GenerationTarget(false, accessor, diagnostics.ToEquatableArray());
    }
}

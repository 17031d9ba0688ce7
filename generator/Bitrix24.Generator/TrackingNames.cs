namespace Bitrix24.Generator;

/// <summary>Names of the pipeline steps, so tests can check which of them ran and which were cached.</summary>
public static class TrackingNames
{
    /// <summary>AdditionalFiles marked as specs.</summary>
    public const string SpecFiles = nameof(SpecFiles);

    /// <summary>One file's YAML read into a model and its diagnostics.</summary>
    public const string ParseSpec = nameof(ParseSpec);

    /// <summary>The diagnostics of one file.</summary>
    public const string FileDiagnostics = nameof(FileDiagnostics);

    /// <summary>One file's model without its diagnostics.</summary>
    public const string SpecModel = nameof(SpecModel);

    /// <summary>The generator's MSBuild settings: the SDK itself, or an app and its accessor name.</summary>
    public const string Target = nameof(Target);

    /// <summary>What referenced assemblies already generate (an app only).</summary>
    public const string ReferencedApi = nameof(ReferencedApi);

    /// <summary>All files together: cross-file checks and the units to emit.</summary>
    public const string BuildSdk = nameof(BuildSdk);

    /// <summary>The diagnostics of the cross-file checks.</summary>
    public const string SdkDiagnostics = nameof(SdkDiagnostics);

    /// <summary>One unit per generated file.</summary>
    public const string EmitUnits = nameof(EmitUnits);
}

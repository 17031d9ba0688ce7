using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;

namespace Bitrix24.Generator.Target;

/// <summary>
/// Which assembly the code is generated into, read from MSBuild properties. The SDK itself
/// (<c>Bitrix24GenerateSdk=true</c>) gets the client's scope properties, the error-code enum and
/// the catalog; any other project gets its own methods behind one accessor,
/// <c>client.{AccessorName}()</c>, since it cannot add members to the SDK's classes.
/// </summary>
/// <param name="IsSdk">Generating the Bitrix24.Generated assembly itself.</param>
/// <param name="AccessorName">The accessor of an app's own methods (<c>App</c> → <c>client.App()</c>); unused for the SDK.</param>
/// <param name="Diagnostics">Problems with the settings themselves.</param>
internal sealed record GenerationTarget(bool IsSdk, string AccessorName, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The accessor an app gets when it names none.</summary>
    public const string DefaultAccessorName = "App";

    /// <summary>The SDK build, as the generator tests and the Bitrix24.Generated project use it.</summary>
    public static readonly GenerationTarget Sdk = new(true, DefaultAccessorName, EquatableArray<DiagnosticInfo>.Empty);
}

using Bitrix24.Generator.Collections;

namespace Bitrix24.Generator.Target;

/// <summary>
/// What the assemblies an app references already generate: the Bitrix24.Generated runtime, and
/// every method and public type made from specs there (the SDK's own, or a library's). An app's
/// spec must not declare them again.
/// </summary>
/// <param name="HasRuntime">The compilation can see <c>Bitrix24.Bitrix24Client</c>.</param>
/// <param name="Methods">REST methods already generated, with the assembly that has each.</param>
/// <param name="TypeNames">Full names of public generated types in those assemblies, with their assembly.</param>
/// <param name="DefaultUsingTypes">
/// Public types of the namespaces a .NET app imports by default (implicit usings): a generated type of
/// the same simple name would be ambiguous in code that imports its scope too (<c>File</c>, <c>Task</c>).
/// Simple name, with the full name in <see cref="ReferencedName.Assembly"/>'s place.
/// </param>
internal sealed record ReferencedApi(bool HasRuntime, EquatableArray<ReferencedName> Methods, EquatableArray<ReferencedName> TypeNames)
{
    public static readonly ReferencedApi None = new(false, EquatableArray<ReferencedName>.Empty, EquatableArray<ReferencedName>.Empty);

    public EquatableArray<ReferencedName> DefaultUsingTypes { get; init; } = EquatableArray<ReferencedName>.Empty;
}

/// <summary>A name (REST method or C# type) and the assembly that already generated it.</summary>
internal sealed record ReferencedName(string Name, string Assembly);

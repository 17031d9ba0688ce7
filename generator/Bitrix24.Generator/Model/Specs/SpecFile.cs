using Bitrix24.Generator.Collections;

namespace Bitrix24.Generator.Model.Specs;

/// <summary>What a spec file is, decided by its name.</summary>
internal enum SpecFileKind
{
    /// <summary>One REST method (any file other than the ones below).</summary>
    Method,

    /// <summary><c>errors.yaml</c>: the system error codes every method can return.</summary>
    Errors,

    /// <summary><c>naming.yaml</c>: words that plain PascalCase spells wrong.</summary>
    Naming,

    /// <summary><c>*.types.yaml</c>: object types and enums a scope's methods share.</summary>
    Types,

    /// <summary><c>*.event.yaml</c>: one event, its <c>data</c> as an object type, and the types and enums only it uses.</summary>
    Event,
}

/// <summary>
/// Everything one spec file declares, as read from YAML and before any C# name is chosen.
/// Parts that failed validation are left out, so the rest of the file still counts
/// (an enum that is fine is still known to other files even if a parameter is broken).
/// </summary>
internal sealed record SpecFile(
    string Path,
    SpecFileKind Kind,
    MethodSpec? Method,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<ErrorSpec> Errors,
    EquatableArray<NamingWordSpec> Words)
{
    /// <summary>
    /// Enums this file declares but could not read (already reported). Methods using them are left
    /// out quietly instead of getting a second, misleading "not declared" error.
    /// </summary>
    public EquatableArray<string> BrokenEnums { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The object types this file declares and could read; they belong to <see cref="Scope"/>.</summary>
    public EquatableArray<ObjectTypeSpec> Types { get; init; } = EquatableArray<ObjectTypeSpec>.Empty;

    /// <summary>Object types this file declares but could not read (already reported), as <see cref="BrokenEnums"/>.</summary>
    public EquatableArray<string> BrokenTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// The scope of the file's enums and types: the first segment of its method's name, or a types
    /// file's <c>scope:</c>; empty when unknown.
    /// </summary>
    public string Scope { get; init; } = string.Empty;

    /// <summary>The file name without folders, used in messages that point to another file.</summary>
    public string FileName => System.IO.Path.GetFileName(Path);
}

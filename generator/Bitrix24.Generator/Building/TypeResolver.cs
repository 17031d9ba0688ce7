using System.Collections.Generic;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Building;

/// <summary>
/// Turns the spec's type expressions into <see cref="ValueModel"/>s: built-in kinds as they are, a
/// name into the enum or object type of that name in the same scope. A name no file of the scope
/// declares is B24G2002 where it is used; one whose declaration is broken gives null quietly (that
/// declaration's error is reported), and whatever uses it waits for the fix.
/// </summary>
internal sealed class TypeResolver
{
    private readonly Dictionary<(string Scope, string Name), EnumModel?> _enums;
    private readonly Dictionary<(string Scope, string Name), ObjectTypeDraft?> _objects;
    private readonly BuildContext _context;

    public TypeResolver(Dictionary<(string Scope, string Name), EnumModel?> enums, Dictionary<(string Scope, string Name), ObjectTypeDraft?> objects, BuildContext context)
    {
        _enums = enums;
        _objects = objects;
        _context = context;
    }

    /// <summary>When false, object types are resolved by name alone (while their own members are being resolved).</summary>
    public bool RequireSoundObjects { get; set; } = true;

    public ValueModel? Resolve(TypeSpec type, SpecLocation location, string scope) => Resolve(type, location, scope, out _);

    /// <param name="held">The object type the value holds, if any.</param>
    public ValueModel? Resolve(TypeSpec type, SpecLocation location, string scope, out ObjectTypeDraft? held)
    {
        held = null;
        if (type.Kind != TypeKind.Named)
        {
            return Make(type, type.Kind, null, null);
        }

        if (_enums.TryGetValue((scope, type.Name!), out EnumModel? model))
        {
            return model is null ? null : Make(type, TypeKind.Enum, "global::" + model.Namespace + "." + model.Name, "global::" + model.Namespace + "." + model.WireType);
        }

        if (_objects.TryGetValue((scope, type.Name!), out ObjectTypeDraft? draft))
        {
            held = draft;
            return draft is null || (RequireSoundObjects && !draft.IsSound) ? null : Make(type, TypeKind.Object, draft.FullName, draft.FullJsonType);
        }

        _context.Report(DiagnosticDescriptors.UndeclaredType, location, type.Name!, scope);
        return null;
    }

    private static ValueModel Make(TypeSpec type, TypeKind kind, string? typeName, string? codec) =>
        new(kind, type.Container, type.IsNullable, type.ItemIsNullable, typeName, codec);
}

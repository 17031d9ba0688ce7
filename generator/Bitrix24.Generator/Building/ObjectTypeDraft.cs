using System.Collections.Generic;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Building;

/// <summary>
/// An object type while the build works on it: named and claimed first, its members resolved next,
/// then judged sound or not once every type it holds is judged (<see cref="ObjectTypeCollector"/>).
/// </summary>
internal sealed class ObjectTypeDraft
{
    public ObjectTypeDraft(ObjectTypeSpec spec, string ns)
    {
        Spec = spec;
        Namespace = ns;
    }

    public ObjectTypeSpec Spec { get; }

    public string Namespace { get; }

    public string Name => Spec.Name;

    public string JsonType => Spec.Name + "Json";

    public string FullName => "global::" + Namespace + "." + Name;

    public string FullJsonType => "global::" + Namespace + "." + JsonType;

    /// <summary>The members with names and types, once resolved.</summary>
    public List<MemberModel> Members { get; } = new();

    /// <summary>The object types its members hold (directly, or as list items or map values).</summary>
    public List<ObjectTypeDraft> Holds { get; } = new();

    /// <summary>Its own declaration is sound (members resolved, names free); what it holds may still not be.</summary>
    public bool MembersSound { get; set; }

    /// <summary>It and everything it holds can be generated.</summary>
    public bool IsSound { get; set; }
}

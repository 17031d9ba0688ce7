using System;
using System.Collections.Generic;
using Bitrix24.Generator.Diagnostics;

namespace Bitrix24.Generator.Building;

/// <summary>
/// Generated type names per namespace. Hint names are derived from type names, so a name that is
/// unique ignoring case also keeps generated file names apart on case-insensitive file systems.
/// </summary>
internal sealed class TypeNameRegistry
{
    private readonly BuildContext _context;
    private readonly Dictionary<string, string> _owners = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _batchGroups = new(StringComparer.Ordinal);

    // Group claims are made twice (before enums, then while keeping methods); a refusal is reported once.
    private readonly HashSet<(string Key, string Method)> _refused = new();

    private readonly Dictionary<string, string> _defaultUsingTypes = new(StringComparer.Ordinal);

    public TypeNameRegistry(BuildContext context)
    {
        _context = context;
        foreach (var type in context.Referenced.DefaultUsingTypes)
        {
            _defaultUsingTypes[type.Name] = type.Assembly;
        }
    }

    /// <summary>A name a referenced assembly already has: nothing generated here may take it.</summary>
    public void Reserve(string fullName, string owner) => _owners[fullName] = owner;

    /// <param name="ns">The namespace: <c>Bitrix24.ImOpenLines</c>.</param>
    /// <param name="typeName">The type's name in it.</param>
    /// <param name="what">What claims the name, for the message: "Enum", "Method".</param>
    /// <param name="name">Its spec name: AutoMessageType, imopenlines.bot.session.finish.</param>
    /// <param name="owner">How later claimants will see it: "enum AutoMessageType".</param>
    /// <param name="location">Where the claim is reported if it is refused.</param>
    /// <param name="isPublic">
    /// A public type must also not share its simple name with a type the default usings bring in
    /// (<c>File</c>, <c>Task</c>): code importing both namespaces could name neither (CS0104).
    /// </param>
    public bool TryClaim(string ns, string typeName, string what, string name, string owner, SpecLocation location, bool isPublic = true)
    {
        string key = ns + "." + typeName;
        if (_owners.TryGetValue(key, out string? existing))
        {
            _context.Report(DiagnosticDescriptors.NameCollision, location, what, name, typeName, existing, "");
            return false;
        }

        if (isPublic && _defaultUsingTypes.TryGetValue(typeName, out string? framework))
        {
            _context.Report(DiagnosticDescriptors.NameCollision, location, what, name, typeName, framework + ", which code with the default usings also sees,", "; choose another name");
            return false;
        }

        _owners[key] = owner;
        return true;
    }

    /// <summary>Many methods share a group class; it only must not collide with another kind of type.</summary>
    public bool TryClaimGroup(string ns, string typeName, string method, SpecLocation location) =>
        TryClaimShared(_groups, ns, typeName, method, "the group class of " + method, location);

    /// <summary>The same for the batch's group classes, which must not collide with the client's either.</summary>
    public bool TryClaimBatchGroup(string ns, string typeName, string method, SpecLocation location) =>
        TryClaimShared(_batchGroups, ns, typeName, method, "the batch group class of " + method, location);

    private bool TryClaimShared(HashSet<string> claimed, string ns, string typeName, string method, string owner, SpecLocation location)
    {
        string key = ns + "." + typeName;
        if (claimed.Contains(key))
        {
            return true;
        }

        if (_refused.Contains((key, method)))
        {
            return false;
        }

        if (TryClaim(ns, typeName, "Method", method, owner, location))
        {
            return claimed.Add(key);
        }

        _refused.Add((key, method));
        return false;
    }
}

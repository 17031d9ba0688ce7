using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Naming;
using Bitrix24.Generator.Target;

namespace Bitrix24.Generator.Building;

/// <summary>
/// A scope becomes the namespace <c>Bitrix24.{Scope}</c> and a property of the class holding the
/// scopes (the client and the batch in the SDK, an app's accessor classes). Its C# name must not be
/// that of a member of those classes, a type in namespace <c>Bitrix24</c>, a name the runtime's code
/// looks up from there (<see cref="RuntimeNames"/>), or another scope's, even in another case. This
/// is decided before anything is put in the namespace: a refused scope gets B24G2006 at each of its
/// methods, and none of its methods or enums is generated.
/// </summary>
internal static class ScopeChecks
{
    /// <returns>The refused scopes, by their REST word (<c>uri</c>).</returns>
    public static HashSet<string> RefusedScopes(SpecFile[] files, BuildContext context)
    {
        var verdicts = new Dictionary<string, (string Name, string Owner)?>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (SpecFile file in files)
        {
            // Every file that would put something in the namespace: its method, or enums and types a file keeps
            // even when its method is broken. The error goes where the scope is written, or at an enum or type.
            SpecLocation? where = file.Method?.NameLocation
                ?? (!file.Enums.IsEmpty ? file.Enums[0].NameLocation : !file.Types.IsEmpty ? file.Types[0].NameLocation : null);
            if (file.Scope.Length == 0 || where is not { } location)
            {
                continue;
            }

            if (!verdicts.TryGetValue(file.Scope, out var taken))
            {
                taken = Taken(file.Scope, context, owners);
                verdicts[file.Scope] = taken;
            }

            if (taken is { } clash)
            {
                context.Report(DiagnosticDescriptors.NameCollision, location, "Scope", file.Scope, clash.Name, clash.Owner,
                    "; map the word to another spelling in naming.yaml");
            }
        }

        return new HashSet<string>(verdicts.Where(v => v.Value is not null).Select(v => v.Key), StringComparer.Ordinal);
    }

    /// <summary>What already has the scope's C# name, if anything.</summary>
    private static (string Name, string Owner)? Taken(string scope, BuildContext context, Dictionary<string, string> owners)
    {
        GeneratedNames names = context.Names;
        string name = names.Pascal(scope);
        if (owners.TryGetValue(name, out string? other))
        {
            return ("Bitrix24." + name, "scope " + other);
        }

        owners[name] = scope;
        if (RuntimeNames.Namespaces.Contains(name))
        {
            return ("Bitrix24." + name, "the runtime's namespace Bitrix24." + name);
        }

        string field = "_" + CSharpNames.Camel(name) + "Api";
        if (names.RootMembers.Contains(name) || names.RootMembers.Contains(field))
        {
            return (names.RootType + "." + name, context.Target.IsSdk ? "the hand-written client" : "System.Object");
        }

        if (names.BatchRootMembers.Contains(name) || names.BatchRootMembers.Contains(field))
        {
            return (names.BatchRootType + "." + name, context.Target.IsSdk ? "the hand-written batch" : "System.Object");
        }

        if (context.Target.IsSdk)
        {
            if (RuntimeNames.Types.Contains(name))
            {
                return ("Bitrix24." + name, "the runtime's type Bitrix24." + name);
            }

            return RuntimeNames.ResolvedBySimpleName.Contains(name)
                ? ("Bitrix24." + name, "the runtime's code, naming a framework type or namespace this way,")
                : null;
        }

        if (name == names.RootType || name == names.BatchRootType || name == context.Target.AccessorName + "Bitrix24Extensions")
        {
            return ("Bitrix24." + name, "the accessor's class");
        }

        string fullName = "Bitrix24." + name;
        ReferencedName? type = context.Referenced.TypeNames.FirstOrDefault(t => t.Name == fullName);
        return type is null ? null : (fullName, "type " + fullName + " of the referenced assembly " + type.Assembly);
    }
}

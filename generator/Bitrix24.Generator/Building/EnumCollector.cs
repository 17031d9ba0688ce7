using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;
using Bitrix24.Generator.Naming;

namespace Bitrix24.Generator.Building;

/// <summary>
/// The enums of every scope: one declaration per scope and name (files repeating it must agree), with
/// member names chosen and the enum's and its converter's type names claimed.
/// </summary>
internal static class EnumCollector
{
    /// <summary>The members of the converter class <c>{Enum}Wire</c> every enum gets.</summary>
    private static readonly HashSet<string> ConverterMembers = new(StringComparer.Ordinal) { "ValueType", "ToWire", "TryParse" };

    /// <summary>Enums by scope and name; a null value marks an enum whose declaration is broken (already reported).</summary>
    /// <param name="refusedScopes">Scopes without a namespace (<see cref="ScopeChecks"/>): their enums are left out, and methods using them with them.</param>
    public static Dictionary<(string Scope, string Name), EnumModel?> Collect(SpecFile[] files, HashSet<string> refusedScopes, TypeNameRegistry typeNames, BuildContext context)
    {
        var enums = new Dictionary<(string, string), EnumModel?>();
        var declarations = new Dictionary<(string, string), EnumSpec>();
        foreach (EnumSpec spec in files.SelectMany(f => f.Enums))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var key = (spec.Scope, spec.Name);
            if (declarations.TryGetValue(key, out EnumSpec? first))
            {
                // Several files of a scope may repeat an enum; they must agree.
                if (!first.DeclaresSameValues(spec))
                {
                    context.Report(DiagnosticDescriptors.ConflictingEnum, spec.NameLocation, spec.Name, spec.Scope, BuildContext.Where(first.NameLocation));
                }

                continue;
            }

            declarations[key] = spec;
            enums[key] = refusedScopes.Contains(spec.Scope) ? null : Build(spec, typeNames, context);
        }

        foreach (SpecFile file in files)
        {
            foreach (string name in file.BrokenEnums)
            {
                if (!enums.ContainsKey((file.Scope, name)))
                {
                    enums[(file.Scope, name)] = null;
                }
            }
        }

        return enums;
    }

    private static EnumModel? Build(EnumSpec spec, TypeNameRegistry typeNames, BuildContext context)
    {
        string ns = context.Names.NamespaceOf(spec.Scope);
        var members = new List<EnumMemberModel>();
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        bool sound = true;
        foreach (EnumValueSpec value in spec.Values)
        {
            string member = value.Name ?? context.Names.Pascal(value.Wire);
            if (!CSharpNames.IsUsableName(member))
            {
                context.Report(DiagnosticDescriptors.InvalidIdentifier, value.Location, value.Wire, member, value.Name is null ? "; give the value a 'name:'" : "");
                sound = false;
                continue;
            }

            if (CSharpMemberNames.Enum.Contains(member))
            {
                context.Report(DiagnosticDescriptors.NameCollision, value.Location, "Value", value.Wire, spec.Name + "." + member, "every enum (System.Enum)", "; give the value a 'name:'");
                sound = false;
                continue;
            }

            if (used.TryGetValue(member, out string? other))
            {
                context.Report(DiagnosticDescriptors.NameCollision, value.Location, "Value", value.Wire, spec.Name + "." + member, "value " + other, "; give one of them a 'name:'");
                sound = false;
                continue;
            }

            used[member] = value.Wire;
            members.Add(new EnumMemberModel(member, value.Wire, value.Summary));
        }

        string wireType = spec.Name + "Wire";
        if (ConverterMembers.Contains(wireType))
        {
            // A member may not be named like its class (CS0542): enum To would get the class ToWire with the method ToWire.
            context.Report(DiagnosticDescriptors.NameCollision, spec.NameLocation, "Enum", spec.Name, wireType, "a method of every enum's converter class", "");
            return null;
        }

        if (!sound
            || !typeNames.TryClaim(ns, spec.Name, "Enum", spec.Name, "enum " + spec.Name, spec.NameLocation)
            || !typeNames.TryClaim(ns, wireType, "Enum", spec.Name, "the converter of enum " + spec.Name, spec.NameLocation))
        {
            return null;
        }

        return new EnumModel(ns, spec.Name, wireType, spec.Scope, spec.Summary, members.ToEquatableArray());
    }
}

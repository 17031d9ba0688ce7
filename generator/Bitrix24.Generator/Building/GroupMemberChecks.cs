using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Units;
using Bitrix24.Generator.Naming;

namespace Bitrix24.Generator.Building;

/// <summary>The members of the group classes, checked once every method is known.</summary>
internal static class GroupMemberChecks
{
    /// <summary>
    /// A group class holds child-group properties (<c>Message</c>) and two methods per REST method
    /// (<c>SendAsync</c>, <c>SendWithResponseAsync</c>); two of them must not share a name. Its batch
    /// counterpart holds the same child groups and one method name per REST method (<c>Send</c>):
    /// when that name is taken by a child group, the class itself or an <c>object</c> member, the batch
    /// method becomes <c>SendCommand</c>. Group type names must not collide with other generated types.
    /// </summary>
    public static List<MethodModel> DropClashes(List<MethodModel> methods, Dictionary<string, SpecLocation> declaredIn, TypeNameRegistry typeNames, BuildContext context)
    {
        GeneratedNames names = context.Names;
        var members = new Dictionary<(string Ns, string Group, string Member), string>();
        var batchMembers = new Dictionary<(string Ns, string Group, string Member), string>();
        foreach (var group in GroupTree.Collect(methods, names))
        {
            // A member may not be named like its class (CS0542).
            members[(group.Key.Ns, group.Key.Type, group.Key.Type)] = "the group class itself";
            batchMembers[(group.Key.Ns, group.Value.BatchType, group.Value.BatchType)] = "the group class itself";
            foreach (string objectMember in CSharpMemberNames.Object)
            {
                // A parameterless batch method would hide object.ToString() and the like.
                batchMembers[(group.Key.Ns, group.Value.BatchType, objectMember)] = "System.Object";
            }

            foreach (GroupChildModel child in group.Value.Children)
            {
                members[(group.Key.Ns, group.Key.Type, child.PropertyName)] = "group " + child.RestPrefix;
                batchMembers[(group.Key.Ns, group.Value.BatchType, child.PropertyName)] = "group " + child.RestPrefix;
            }
        }

        var kept = new List<MethodModel>();
        foreach (MethodModel method in methods)
        {
            SpecLocation location = declaredIn[method.RestName];
            string[] clientNames = { method.MethodName + "Async", method.MethodName + "WithResponseAsync" };
            string? clash = clientNames.FirstOrDefault(n => members.ContainsKey((method.Namespace, method.GroupType, n)));
            if (clash is not null)
            {
                context.Report(DiagnosticDescriptors.NameCollision, location, "Method", method.RestName, method.GroupType + "." + clash,
                    members[(method.Namespace, method.GroupType, clash)], "");
                continue;
            }

            // Only names that are not methods push the batch method aside; two methods sharing a name is a clash.
            bool plainNameTaken = batchMembers.TryGetValue((method.Namespace, method.BatchGroupType, method.MethodName), out string? taker)
                && !taker.StartsWith("method ", StringComparison.Ordinal);
            string batchName = plainNameTaken ? method.MethodName + "Command" : method.MethodName;
            if (batchMembers.TryGetValue((method.Namespace, method.BatchGroupType, batchName), out string? batchClash))
            {
                context.Report(DiagnosticDescriptors.NameCollision, location, "Method", method.RestName, method.BatchGroupType + "." + batchName, batchClash, "");
                continue;
            }

            if (!names.GroupTypesOf(method.RestName).All(group => typeNames.TryClaimGroup(method.Namespace, group, method.RestName, location))
                || !names.BatchGroupTypesOf(method.RestName).All(group => typeNames.TryClaimBatchGroup(method.Namespace, group, method.RestName, location)))
            {
                continue;
            }

            foreach (string name in clientNames)
            {
                members[(method.Namespace, method.GroupType, name)] = "method " + method.RestName;
            }

            batchMembers[(method.Namespace, method.BatchGroupType, batchName)] = "method " + method.RestName;
            kept.Add(method with { BatchMethodName = batchName });
        }

        return kept;
    }
}

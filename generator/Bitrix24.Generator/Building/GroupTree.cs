using Bitrix24.Generator.Collections;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Building;

/// <summary>The group classes that lead from the client (or batch) to each method.</summary>
internal static class GroupTree
{
    /// <summary>
    /// Every group class the methods need: one per proper prefix of a method name
    /// (<c>imopenlines</c>, <c>imopenlines.bot</c>, ...), with its batch counterpart and its child
    /// groups sorted by name.
    /// </summary>
    public static Dictionary<(string Ns, string Type), (string BatchType, string RestPrefix, SortedSet<GroupChildModel> Children)> Collect(
        IEnumerable<MethodModel> methods, GeneratedNames names)
    {
        var groups = new Dictionary<(string, string), (string, string, SortedSet<GroupChildModel>)>();
        foreach (MethodModel method in methods)
        {
            string[] rest = method.RestName.Split('.');
            string[] pascal = names.PascalSegments(method.RestName);
            for (int depth = 1; depth < rest.Length; depth++)
            {
                string prefix = string.Concat(pascal.Take(depth));
                var key = (method.Namespace, names.GroupType(prefix));
                if (!groups.TryGetValue(key, out var group))
                {
                    group = (names.BatchGroupType(prefix), string.Join(".", rest.Take(depth)), new SortedSet<GroupChildModel>(GroupChildOrder.Instance));
                    groups[key] = group;
                }

                if (depth + 1 < rest.Length)
                {
                    string child = prefix + pascal[depth];
                    group.Item3.Add(new GroupChildModel(pascal[depth], names.GroupType(child), names.BatchGroupType(child), string.Join(".", rest.Take(depth + 1))));
                }
            }
        }

        return groups;
    }

    /// <summary>Per scope, one file with the client's group classes and one with the batch's.</summary>
    public static IEnumerable<EmitUnit> Units(List<MethodModel> methods, BuildContext context)
    {
        GeneratedNames names = context.Names;
        foreach (var scope in methods.GroupBy(m => m.RestName.Split('.')[0]).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            string scopePascal = names.Pascal(scope.Key);
            var groups = Collect(scope, names)
                .Select(g => new GroupModel(g.Key.Type, g.Value.BatchType, g.Value.RestPrefix, g.Value.Children.ToEquatableArray()))
                .OrderBy(g => g.TypeName, System.StringComparer.Ordinal)
                .ToEquatableArray();
            var model = new ScopeClientModel(names.NamespaceOf(scope.Key), scope.Key, scopePascal, names.GroupType(scopePascal), names.BatchGroupType(scopePascal), groups)
            {
                RootType = names.RootType,
                BatchRootType = names.BatchRootType,
                RootIsRuntime = context.Target.IsSdk,
            };
            yield return new ClientTreeUnit("Clients." + scopePascal + ".g.cs", model);
            yield return new BatchTreeUnit("Batch." + scopePascal + ".g.cs", model);
        }
    }

    private sealed class GroupChildOrder : IComparer<GroupChildModel>
    {
        public static readonly GroupChildOrder Instance = new();

        public int Compare(GroupChildModel? x, GroupChildModel? y) => string.CompareOrdinal(x?.PropertyName, y?.PropertyName);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Diagnostics;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;
using Bitrix24.Generator.Naming;

namespace Bitrix24.Generator.Building;

/// <summary>
/// The object types of every scope: one declaration per scope and name (files repeating it must
/// agree), the type's and its JSON class's names claimed, members named and resolved, and each type
/// judged: a type that holds itself (B24G2009), or holds a type that cannot be generated, is left out,
/// and so is whatever uses it.
/// </summary>
internal static class ObjectTypeCollector
{
    /// <returns>Drafts by scope and name; null marks a declaration that is broken (already reported).</returns>
    public static Dictionary<(string Scope, string Name), ObjectTypeDraft?> Collect(
        SpecFile[] files,
        HashSet<string> refusedScopes,
        Dictionary<(string Scope, string Name), EnumModel?> enums,
        TypeNameRegistry typeNames,
        BuildContext context)
    {
        var drafts = new Dictionary<(string, string), ObjectTypeDraft?>();
        var ordered = new List<ObjectTypeDraft>();
        var declarations = new Dictionary<(string, string), ObjectTypeSpec>();
        var events = new Dictionary<string, EventSpec>(StringComparer.Ordinal);
        foreach (ObjectTypeSpec spec in files.SelectMany(f => f.Types))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var key = (spec.Scope, spec.Name);
            if (declarations.TryGetValue(key, out ObjectTypeSpec? first))
            {
                // Several files of a scope may repeat a type; they must agree. An event's class is its own.
                if (spec.Event is not null || first.Event is not null)
                {
                    context.Report(DiagnosticDescriptors.NameCollision, spec.NameLocation, spec.Event is null ? "Type" : "Event class", spec.Name,
                        spec.Name, "the " + (first.Event is null ? "type" : "event class") + " declared in " + BuildContext.Where(first.NameLocation), "");
                }
                else if (!first.DeclaresSameMembers(spec))
                {
                    context.Report(DiagnosticDescriptors.ConflictingType, spec.NameLocation, spec.Name, spec.Scope, BuildContext.Where(first.NameLocation));
                }

                continue;
            }

            if (spec.Event is { } @event)
            {
                // The receiver picks the class by the event's name, so one name has one class across all scopes.
                if (events.TryGetValue(@event.Name, out EventSpec? earlier))
                {
                    context.Report(DiagnosticDescriptors.DuplicateEvent, @event.NameLocation, @event.Name, BuildContext.Where(earlier.NameLocation));
                    declarations[key] = spec;
                    drafts[key] = null;
                    continue;
                }

                events[@event.Name] = @event;
            }

            declarations[key] = spec;
            string ns = context.Names.NamespaceOf(spec.Scope);
            if (refusedScopes.Contains(spec.Scope)
                || !typeNames.TryClaim(ns, spec.Name, "Type", spec.Name, "type " + spec.Name, spec.NameLocation)
                || !typeNames.TryClaim(ns, spec.Name + "Json", "Type", spec.Name, "the JSON class of type " + spec.Name, spec.NameLocation, isPublic: false))
            {
                drafts[key] = null;
                continue;
            }

            var draft = new ObjectTypeDraft(spec, ns);
            drafts[key] = draft;
            ordered.Add(draft);
        }

        foreach (SpecFile file in files)
        {
            foreach (string name in file.BrokenTypes)
            {
                if (!drafts.ContainsKey((file.Scope, name)))
                {
                    drafts[(file.Scope, name)] = null;
                }
            }
        }

        // Members may hold types declared anywhere in the scope, so they are resolved once every type has a name.
        var resolver = new TypeResolver(enums, drafts, context) { RequireSoundObjects = false };
        foreach (ObjectTypeDraft draft in ordered)
        {
            ResolveMembers(draft, resolver, context);
        }

        Judge(ordered, context);
        return drafts;
    }

    private static void ResolveMembers(ObjectTypeDraft draft, TypeResolver resolver, BuildContext context)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        bool sound = true;
        foreach (MemberSpec member in draft.Spec.Members)
        {
            string property = member.Property ?? context.Names.Pascal(member.WireName);
            if (!CSharpNames.IsUsableName(property))
            {
                context.Report(DiagnosticDescriptors.InvalidIdentifier, member.NameLocation, member.WireName, property, "; give the member a 'property:'");
                sound = false;
                continue;
            }

            string? taken = property == draft.Name ? "the type itself"
                : CSharpMemberNames.Object.Contains(property) ? "System.Object"
                : properties.TryGetValue(property, out string? other) ? "member " + other
                : null;
            if (taken is not null)
            {
                context.Report(DiagnosticDescriptors.NameCollision, member.NameLocation, "Member", member.WireName, draft.Name + "." + property, taken, "; give one of them a 'property:'");
                sound = false;
                continue;
            }

            properties[property] = member.WireName;
            ValueModel? type = resolver.Resolve(member.Type, member.TypeLocation, draft.Spec.Scope, out ObjectTypeDraft? held);
            if (type is null)
            {
                sound = false;
                continue;
            }

            if (held is not null && !draft.Holds.Contains(held))
            {
                draft.Holds.Add(held);
            }

            draft.Members.Add(new MemberModel(member.WireName, property, type, member.IsRequired, member.Summary, member.Remarks, member.Default));
        }

        draft.MembersSound = sound;
    }

    /// <summary>
    /// Tarjan's strongly connected components, without recursion (a spec may chain thousands of types):
    /// each component comes out after every component it holds, so a type is judged after what it holds.
    /// </summary>
    private static void Judge(List<ObjectTypeDraft> drafts, BuildContext context)
    {
        var index = new Dictionary<ObjectTypeDraft, int>();
        var low = new Dictionary<ObjectTypeDraft, int>();
        var onStack = new HashSet<ObjectTypeDraft>();
        var stack = new Stack<ObjectTypeDraft>();
        int counter = 0;
        foreach (ObjectTypeDraft root in drafts)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(ObjectTypeDraft Node, int Next)>();
            Visit(root);
            while (work.Count > 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var (node, next) = work.Pop();
                if (next < node.Holds.Count)
                {
                    work.Push((node, next + 1));
                    ObjectTypeDraft held = node.Holds[next];
                    if (!index.ContainsKey(held))
                    {
                        Visit(held);
                    }
                    else if (onStack.Contains(held))
                    {
                        low[node] = Math.Min(low[node], index[held]);
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new List<ObjectTypeDraft>();
                    ObjectTypeDraft member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);

                    JudgeComponent(component, context);
                }

                if (work.Count > 0)
                {
                    ObjectTypeDraft parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }

            void Visit(ObjectTypeDraft node)
            {
                index[node] = low[node] = counter++;
                stack.Push(node);
                onStack.Add(node);
                work.Push((node, 0));
            }
        }
    }

    private static void JudgeComponent(List<ObjectTypeDraft> component, BuildContext context)
    {
        if (component.Count == 1 && !component[0].Holds.Contains(component[0]))
        {
            ObjectTypeDraft draft = component[0];
            draft.IsSound = draft.MembersSound && draft.Holds.All(h => h.IsSound);
            return;
        }

        // One cycle, found once (a component may hold ten thousand types); each type is named on it, or beside it.
        var members = new HashSet<ObjectTypeDraft>(component);
        List<ObjectTypeDraft> cycle = CycleThrough(component[component.Count - 1], members);
        foreach (ObjectTypeDraft draft in component)
        {
            int at = cycle.IndexOf(draft);
            string path = at < 0
                ? "with " + Describe(cycle)
                : Describe(cycle.Skip(at).Concat(cycle.Skip(1).Take(at)).ToList());
            context.Report(DiagnosticDescriptors.TypeCycle, draft.Spec.NameLocation, draft.Name, path);
            draft.IsSound = false;
        }
    }

    /// <summary><c>A → B → C → A</c>, long cycles shortened to their first and last types.</summary>
    private static string Describe(List<ObjectTypeDraft> cycle)
    {
        var names = cycle.Select(d => d.Name).ToList();
        return names.Count <= 8
            ? string.Join(" → ", names)
            : string.Join(" → ", names.Take(4)) + " → … → " + string.Join(" → ", names.Skip(names.Count - 3));
    }

    /// <summary>The shortest way from a type back to itself inside its component, both ends included: <c>Bot, User, Bot</c>.</summary>
    private static List<ObjectTypeDraft> CycleThrough(ObjectTypeDraft start, HashSet<ObjectTypeDraft> component)
    {
        var cameFrom = new Dictionary<ObjectTypeDraft, ObjectTypeDraft>();
        var queue = new Queue<ObjectTypeDraft>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            ObjectTypeDraft node = queue.Dequeue();
            foreach (ObjectTypeDraft next in node.Holds.Where(component.Contains))
            {
                if (next == start)
                {
                    var path = new List<ObjectTypeDraft>();
                    for (ObjectTypeDraft at = node; at != start; at = cameFrom[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse();
                    path.Add(start);
                    return path;
                }

                if (!cameFrom.ContainsKey(next))
                {
                    cameFrom[next] = node;
                    queue.Enqueue(next);
                }
            }
        }

        return new List<ObjectTypeDraft> { start, start };
    }
}

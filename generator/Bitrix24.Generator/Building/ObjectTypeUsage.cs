using System;
using System.Collections.Generic;
using System.Linq;
using Bitrix24.Generator.Collections;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Building;

/// <summary>
/// Which object types are read (some result holds them) and which written (some parameter holds
/// them), through everything they hold: each type's file gets a reader or a writer only where one is
/// needed, since what is emitted for hundreds of specs is compiled in every build.
/// </summary>
internal static class ObjectTypeUsage
{
    public static IEnumerable<ObjectModel> Models(Dictionary<(string Scope, string Name), ObjectTypeDraft?> drafts, List<MethodModel> methods)
    {
        var byName = drafts.Values.OfType<ObjectTypeDraft>().Where(d => d.IsSound).ToDictionary(d => d.FullName, StringComparer.Ordinal);
        var read = new HashSet<ObjectTypeDraft>();
        var written = new HashSet<ObjectTypeDraft>();
        foreach (MethodModel method in methods)
        {
            Mark(method.Result, byName, read);
            foreach (ParamModel param in method.Params)
            {
                Mark(param.Type, byName, written);
            }
        }

        // An event is read from every delivery, whether or not a method returns it.
        foreach (ObjectTypeDraft draft in byName.Values.Where(d => d.Spec.Event is not null))
        {
            MarkWithHeld(draft, read);
        }

        foreach (ObjectTypeDraft draft in byName.Values)
        {
            yield return new ObjectModel(draft.Namespace, draft.Name, draft.JsonType, draft.Spec.Scope, draft.Spec.Summary, draft.Spec.Remarks,
                draft.Members.ToEquatableArray(), read.Contains(draft), written.Contains(draft))
            {
                EventName = draft.Spec.Event?.Name,
                EventDocs = draft.Spec.Event?.Docs,
            };
        }
    }

    /// <summary>Marks the type a value holds and, without recursion, everything that type holds.</summary>
    private static void Mark(ValueModel value, Dictionary<string, ObjectTypeDraft> byName, HashSet<ObjectTypeDraft> marked)
    {
        if (value.Kind == TypeKind.Object && byName.TryGetValue(value.TypeName!, out ObjectTypeDraft? first))
        {
            MarkWithHeld(first, marked);
        }
    }

    private static void MarkWithHeld(ObjectTypeDraft first, HashSet<ObjectTypeDraft> marked)
    {
        if (!marked.Add(first))
        {
            return;
        }

        var pending = new Stack<ObjectTypeDraft>();
        pending.Push(first);
        while (pending.Count > 0)
        {
            foreach (ObjectTypeDraft held in pending.Pop().Holds)
            {
                if (marked.Add(held))
                {
                    pending.Push(held);
                }
            }
        }
    }
}

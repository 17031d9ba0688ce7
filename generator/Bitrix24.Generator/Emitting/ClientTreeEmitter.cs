using System;
using Bitrix24.Generator.Naming;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>
/// Emits the property <c>Bitrix24Client.{Scope}</c> (in an app, <c>AppApi.{Scope}</c>) and the scope's group classes, which lead
/// from the client to each method: <c>client.ImOpenLines.Bot.Session.Message</c>; and the same tree
/// for a batch: <c>Bitrix24Batch.{Scope}</c> and the <c>...BatchApi</c> classes
/// (<c>batch.ImOpenLines.Bot.Session.Message</c>). Each method's file adds its leaf methods.
/// </summary>
internal static class ClientTreeEmitter
{
    private static readonly Tree Client = new(
        What: "The client groups of scope ",
        Owner: "Bitrix24Client",
        RootOf: scope => scope.RootType,
        OwnerField: "_client",
        OwnerParameter: "client",
        GroupSummary: prefix => "Methods under <c>" + prefix + ".*</c>.",
        RootSummary: prefix => "Methods under <c>" + prefix + ".*</c>.",
        TypeOf: group => group.TypeName,
        ChildTypeOf: child => child.TypeName);

    private static readonly Tree Batch = new(
        What: "The batch groups of scope ",
        Owner: "Bitrix24Batch",
        RootOf: scope => scope.BatchRootType,
        OwnerField: "_batch",
        OwnerParameter: "batch",
        GroupSummary: prefix => "Methods under <c>" + prefix + ".*</c>, queued in a <see cref=\"global::Bitrix24.Bitrix24Batch\"/>.",
        RootSummary: prefix => "Queues methods under <c>" + prefix + ".*</c> in this batch.",
        TypeOf: group => group.BatchTypeName,
        ChildTypeOf: child => child.BatchTypeName);

    public static string Emit(ScopeClientModel scope) => Emit(scope, Client, scope.GroupType);

    public static string EmitBatch(ScopeClientModel scope) => Emit(scope, Batch, scope.BatchGroupType);

    private static string Emit(ScopeClientModel scope, Tree tree, string rootTypeName)
    {
        SourceWriter writer = GeneratedFile.Start(tree.What + scope.RestName + ".");
        string rootType = "global::" + scope.Namespace + "." + rootTypeName;
        string ownerType = "global::Bitrix24." + tree.Owner;
        writer.Line("namespace Bitrix24");
        using (writer.Open())
        {
            writer.Line("partial class ", tree.RootOf(scope));
            using (writer.Open())
            {
                // The SDK's client and batch hand over themselves; an app's accessor class hands over the one it wraps.
                EmitChild(writer, scope.PropertyName, rootType, tree.RootSummary(scope.RestName), scope.RootIsRuntime ? "this" : tree.OwnerField);
            }
        }

        writer.Line();
        writer.Line("namespace ", scope.Namespace);
        using (writer.Open())
        {
            for (int i = 0; i < scope.Groups.Count; i++)
            {
                GroupModel group = scope.Groups[i];
                string type = tree.TypeOf(group);
                if (i > 0)
                {
                    writer.Line();
                }

                writer.Line("/// <summary>", tree.GroupSummary(group.RestPrefix), "</summary>");
                writer.Line(GeneratedFile.GeneratedCodeAttribute);
                writer.Line("public sealed partial class ", type);
                using (writer.Open())
                {
                    writer.Line("private readonly ", ownerType, " ", tree.OwnerField, ";");
                    writer.Line();
                    writer.Line("internal ", type, "(", ownerType, " ", tree.OwnerParameter, ")");
                    using (writer.Open())
                    {
                        writer.Line(tree.OwnerField, " = ", tree.OwnerParameter, ";");
                    }

                    foreach (GroupChildModel child in group.Children)
                    {
                        writer.Line();
                        EmitChild(writer, child.PropertyName, tree.ChildTypeOf(child), "Methods under <c>" + child.RestPrefix + ".*</c>.", tree.OwnerField);
                    }
                }
            }
        }

        return writer.Finish();
    }

    /// <summary>A lazily created child group; two threads may race to create it, which is harmless.</summary>
    private static void EmitChild(SourceWriter writer, string property, string type, string summary, string owner)
    {
        string field = "_" + CSharpNames.Camel(property) + "Api";
        writer.Line("private ", type, "? ", field, ";");
        writer.Line();
        writer.Line("/// <summary>", summary, "</summary>");
        writer.Line("public ", type, " ", property, " => ", field, " ??= new ", type, "(", owner, ");");
    }

    /// <summary>What differs between the client's tree and the batch's.</summary>
    private sealed record Tree(
        string What,
        string Owner,
        Func<ScopeClientModel, string> RootOf,
        string OwnerField,
        string OwnerParameter,
        Func<string, string> GroupSummary,
        Func<string, string> RootSummary,
        Func<GroupModel, string> TypeOf,
        Func<GroupChildModel, string> ChildTypeOf);
}

using Bitrix24.Generator.Naming;
using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>
/// Emits the property <c>Bitrix24Client.{Scope}</c> and the scope's group classes, which lead
/// from the client to each method: <c>client.ImOpenLines.Bot.Session.Message</c>.
/// </summary>
internal static class ClientTreeEmitter
{
    public static string Emit(ScopeClientModel scope)
    {
        SourceWriter writer = GeneratedFile.Start("The client groups of scope " + scope.RestName + ".");
        string rootType = "global::" + scope.Namespace + "." + scope.GroupType;
        writer.Line("namespace Bitrix24");
        using (writer.Open())
        {
            writer.Line("partial class Bitrix24Client");
            using (writer.Open())
            {
                EmitChild(writer, scope.PropertyName, rootType, scope.RestName, "this");
            }
        }

        writer.Line();
        writer.Line("namespace " + scope.Namespace);
        using (writer.Open())
        {
            for (int i = 0; i < scope.Groups.Count; i++)
            {
                GroupModel group = scope.Groups[i];
                if (i > 0)
                {
                    writer.Line();
                }

                writer.Line("/// <summary>Methods under <c>" + group.RestPrefix + ".*</c>.</summary>");
                writer.Line(GeneratedFile.GeneratedCodeAttribute);
                writer.Line("public sealed partial class " + group.TypeName);
                using (writer.Open())
                {
                    writer.Line("private readonly global::Bitrix24.Bitrix24Client _client;");
                    writer.Line();
                    writer.Line("internal " + group.TypeName + "(global::Bitrix24.Bitrix24Client client)");
                    using (writer.Open())
                    {
                        writer.Line("_client = client;");
                    }

                    foreach (GroupChildModel child in group.Children)
                    {
                        writer.Line();
                        EmitChild(writer, child.PropertyName, child.TypeName, child.RestPrefix, "_client");
                    }
                }
            }
        }

        return writer.ToString();
    }

    /// <summary>A lazily created child group; two threads may race to create it, which is harmless.</summary>
    private static void EmitChild(SourceWriter writer, string property, string type, string restPrefix, string client)
    {
        string field = "_" + CSharpNames.Camel(property) + "Api";
        writer.Line("private " + type + "? " + field + ";");
        writer.Line();
        writer.Line("/// <summary>Methods under <c>" + restPrefix + ".*</c>.</summary>");
        writer.Line("public " + type + " " + property + " => " + field + " ??= new " + type + "(" + client + ");");
    }
}

using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>
/// Emits an app's accessor: <c>client.App()</c> and <c>batch.App()</c>, which lead to the methods
/// generated from the app's own specs. They are extension methods because an app cannot add
/// members to the SDK's <c>Bitrix24Client</c>; every C# version and compiler the SDK supports
/// understands them.
/// </summary>
internal static class AccessorEmitter
{
    public static string Emit(AccessorUnit unit)
    {
        SourceWriter writer = GeneratedFile.Start("The accessor of this project's own methods.");
        string root = "global::Bitrix24." + unit.RootType;
        string batchRoot = "global::Bitrix24." + unit.BatchRootType;
        writer.Line("namespace Bitrix24;");
        writer.Line();
        writer.Line("/// <summary>Reaches the methods generated from this project's spec files.</summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("public static class ", unit.AccessorName, "Bitrix24Extensions");
        using (writer.Open())
        {
            // One accessor object per client or batch, like the SDK's own scope properties, so a call allocates nothing.
            writer.Line("private static readonly global::System.Runtime.CompilerServices.ConditionalWeakTable<global::Bitrix24.Bitrix24Client, ", root, "> s_clients = new();");
            writer.Line();
            writer.Line("/// <summary>The methods generated from this project's spec files, called through <paramref name=\"client\"/>.</summary>");
            writer.Line("/// <param name=\"client\">The client whose portal, credentials, limits and retries the calls use.</param>");
            writer.Line("public static ", root, " ", unit.AccessorName, "(this global::Bitrix24.Bitrix24Client client)");
            using (writer.Open())
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(client);");
                writer.Line("return s_clients.GetValue(client, static c => new ", root, "(c));");
            }

            writer.Line();
            writer.Line("/// <summary>The methods generated from this project's spec files, queued in <paramref name=\"batch\"/>.</summary>");
            writer.Line("/// <param name=\"batch\">The batch the commands are queued in.</param>");
            writer.Line("public static ", batchRoot, " ", unit.AccessorName, "(this global::Bitrix24.Bitrix24Batch batch)");
            using (writer.Open())
            {
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(batch);");
                writer.Line("return new ", batchRoot, "(batch);");
            }
        }

        writer.Line();
        EmitRoot(writer, unit.RootType, "global::Bitrix24.Bitrix24Client", "_client", "client",
            "The methods generated from this project's spec files; reached with <c>client." + unit.AccessorName + "()</c>.");
        writer.Line();
        EmitRoot(writer, unit.BatchRootType, "global::Bitrix24.Bitrix24Batch", "_batch", "batch",
            "The methods generated from this project's spec files, queued in a batch; reached with <c>batch." + unit.AccessorName + "()</c>.");

        return writer.Finish();
    }

    private static void EmitRoot(SourceWriter writer, string type, string ownerType, string field, string parameter, string summary)
    {
        writer.Line("/// <summary>", summary, "</summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("public sealed partial class ", type);
        using (writer.Open())
        {
            writer.Line("private readonly ", ownerType, " ", field, ";");
            writer.Line();
            writer.Line("internal ", type, "(", ownerType, " ", parameter, ")");
            using (writer.Open())
            {
                writer.Line(field, " = ", parameter, ";");
            }
        }
    }
}

using System.Linq;
using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;
using Bitrix24.Generator.Naming;

namespace Bitrix24.Generator.Emitting;

/// <summary>
/// Emits a spec object type: the class (one property per member, named after its wire name), and
/// the class that reads it from and writes it to JSON with <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>,
/// with a reader only when a result holds the type and a writer only when a parameter does.
/// </summary>
internal static class ObjectTypeEmitter
{
    private const string Json = "global::Bitrix24.Bitrix24Json";
    private const string JsonReader = "global::System.Text.Json.Utf8JsonReader";
    private const string JsonWriter = "global::System.Text.Json.Utf8JsonWriter";

    public static string Emit(ObjectModel model)
    {
        SourceWriter writer = GeneratedFile.Start(model.EventName is null
            ? "The type " + model.Name + " of scope " + model.Scope + "."
            : "The event " + model.EventName + " (" + model.Name + ") of scope " + model.Scope + ".");
        writer.Line("namespace ", model.Namespace, ";");
        writer.Line();
        EmitClass(writer, model);
        if (model.IsRead || model.IsWritten)
        {
            writer.Line();
            EmitJsonClass(writer, model);
        }

        return writer.Finish();
    }

    private static string FullName(ObjectModel model) => "global::" + model.Namespace + "." + model.Name;

    private static void EmitClass(SourceWriter writer, ObjectModel model)
    {
        CSharpText.Doc(writer, "summary", model.Summary is null ? "The type <c>" + model.Name + "</c> of the spec." : CSharpText.Xml(model.Summary));
        string? remarks = model.EventName is null ? model.Remarks : EventRemarks(model);
        if (remarks is not null)
        {
            CSharpText.Doc(writer, "remarks", remarks == model.Remarks ? CSharpText.Xml(remarks) : remarks);
        }

        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        if (model.EventName is null)
        {
            writer.Line("public sealed partial class ", model.Name);
        }
        else
        {
            writer.Line("public sealed partial class ", model.Name, " : ", EventInterface(model));
        }

        using (writer.Open())
        {
            if (model.EventName is not null)
            {
                // Explicit, so no data member can clash with it; the receiver reaches it through the type parameter.
                writer.Line("/// <inheritdoc/>");
                writer.Line("static global::Bitrix24.Inbound.Bitrix24EventType ", EventInterface(model), ".EventType => ",
                    "global::", model.Namespace, ".", model.JsonType, ".EventType;");
                if (model.Members.Count > 0)
                {
                    writer.Line();
                }
            }

            for (int i = 0; i < model.Members.Count; i++)
            {
                MemberModel member = model.Members[i];
                if (i > 0)
                {
                    writer.Line();
                }

                CSharpText.Doc(writer, "summary", member.Summary is null ? "The <c>" + member.WireName + "</c> member." : CSharpText.Xml(member.Summary));
                CSharpText.Doc(writer, "remarks", Remarks(member, model.IsWritten));
                MemberCode.Declare(writer, member.PropertyName, member.Type, member.IsRequired, Tracked(member, model));
            }
        }
    }

    private static string EventInterface(ObjectModel model) => "global::Bitrix24.Inbound.IBitrix24Event<" + FullName(model) + ">";

    /// <summary>What the event's docs add: the wire name the class is picked by, and the official page.</summary>
    private static string EventRemarks(ObjectModel model)
    {
        string remarks = "The event <c>" + CSharpText.Xml(model.EventName!) + "</c>: its <c>data</c>, as a delivery to the event handler or a poll brings it.";
        if (model.Remarks is not null)
        {
            remarks += " " + CSharpText.Xml(model.Remarks);
        }

        if (model.EventDocs is not null)
        {
            remarks += " Official documentation: " + CSharpText.Xml(model.EventDocs) + ".";
        }

        return remarks;
    }

    private static bool Tracked(MemberModel member, ObjectModel model) => model.IsWritten && MemberCode.IsTracked(member.Type);

    private static void EmitJsonClass(SourceWriter writer, ObjectModel model)
    {
        writer.Line("/// <summary>Reads and writes <see cref=\"", FullName(model), "\"/> as JSON, with the wire names of its spec.</summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("internal static class ", model.JsonType);
        using (writer.Open())
        {
            EmitValueType(writer, model);
            if (model.EventName is not null)
            {
                writer.Line();
                writer.Line("/// <summary>The event's name on the wire and its reader, for the event receiver.</summary>");
                writer.Line("public static global::Bitrix24.Inbound.Bitrix24EventType EventType { get; } = global::Bitrix24.Inbound.Bitrix24EventType.Create<",
                    FullName(model), ">(", CSharpText.Literal(model.EventName), ", Read);");
            }

            if (model.IsRead)
            {
                writer.Line();
                EmitRead(writer, model);
            }

            if (model.IsWritten)
            {
                writer.Line();
                EmitWrite(writer, model);
            }
        }
    }

    /// <summary>The catalog's description; members are listed on first use, so types may hold each other in any order.</summary>
    private static void EmitValueType(SourceWriter writer, ObjectModel model)
    {
        writer.Line("/// <summary>Describes the type for the method catalog.</summary>");
        writer.Line("public static global::Bitrix24.Bitrix24ValueType ValueType { get; } = global::Bitrix24.Bitrix24ValueType.Object(");
        writer.Indent();
        writer.Line(CSharpText.Literal(model.Name), ",");
        writer.Line("static () => new global::Bitrix24.Bitrix24MemberInfo[]");
        using (writer.Open(");"))
        {
            foreach (MemberModel member in model.Members)
            {
                writer.Line("new(" + CSharpText.Literal(member.WireName) + ", " + CSharpText.Literal(member.PropertyName) + ", " + ValueCode.Catalog(member.Type)
                    + ", " + Bool(member.IsRequired) + ", " + Bool(member.Type.IsNullable) + ", " + CSharpText.LiteralOrNull(member.Summary) + "),");
            }
        }

        writer.Unindent();
    }

    /// <summary>
    /// Member by member into locals, unknown ones skipped (the portal adds members over time), then the
    /// object. A failure names its member (the caller puts its own name in front): <c>bot.id</c>.
    /// </summary>
    private static void EmitRead(SourceWriter writer, ObjectModel model)
    {
        writer.Line("/// <summary>Reads the object the reader is on (PHP's empty array <c>[]</c> is an empty object); unknown members are skipped.</summary>");
        writer.Line("public static ", FullName(model), " Read(ref ", JsonReader, " reader)");
        using (writer.Open())
        {
            foreach (MemberModel member in model.Members)
            {
                writer.Line(member.Type.CSharpType, "? ", Local(member), " = null;");
            }

            writer.Line("string member = \"\";");
            writer.Line("try");
            using (writer.Open())
            {
                writer.Line("if (", Json, ".ReadObjectStart(ref reader))");
                using (writer.Open())
                {
                    writer.Line("while (reader.Read() && reader.TokenType == global::System.Text.Json.JsonTokenType.PropertyName)");
                    using (writer.Open())
                    {
                        for (int i = 0; i < model.Members.Count; i++)
                        {
                            MemberModel member = model.Members[i];
                            writer.Line((i == 0 ? "if" : "else if"), " (reader.ValueTextEquals(", CSharpText.Literal(member.WireName), "u8))");
                            using (writer.Open())
                            {
                                writer.Line("member = ", CSharpText.Literal(member.WireName), ";");
                                writer.Line("reader.Read();");
                                writer.Line(Local(member), " = ", ValueCode.Read(member.Type, orNull: !member.IsRequired || member.Type.IsNullable), ";");
                            }
                        }

                        writer.Line("else");
                        using (writer.Open())
                        {
                            writer.Line("reader.Read();");
                            writer.Line("reader.Skip();");
                        }
                    }
                }
            }

            writer.Line("catch (global::System.Text.Json.JsonException e)");
            using (writer.Open())
            {
                writer.Line("throw ", Json, ".InMember(e, member);");
            }

            writer.Line();
            writer.Line("return new ", FullName(model));
            using (writer.Open(";"))
            {
                foreach (MemberModel member in model.Members)
                {
                    string value = member.IsRequired && !member.Type.IsNullable
                        ? Local(member) + " ?? throw " + Json + ".MissingMember(" + CSharpText.Literal(member.WireName) + ")"
                        : Local(member);
                    writer.Line(member.PropertyName, " = ", value, ",");
                }
            }
        }
    }

    /// <summary>Member by member with its wire name; a failure (a required member null) names its member.</summary>
    private static void EmitWrite(SourceWriter writer, ObjectModel model)
    {
        bool canFail = model.Members.Any(m => !Tracked(m, model) && MemberCode.CanFail(m.Type, m.IsRequired));
        writer.Line("/// <summary>Writes the object with its wire names (null as <c>null</c>, for list items); unset optional members are left out.</summary>");
        writer.Line("public static void Write(", JsonWriter, " writer, ", FullName(model), "? value)");
        using (writer.Open())
        {
            writer.Line("if (value is null)");
            using (writer.Open())
            {
                writer.Line("writer.WriteNullValue();");
                writer.Line("return;");
            }

            writer.Line();
            if (!canFail)
            {
                EmitWriteMembers(writer, model, trackFailures: false);
                return;
            }

            writer.Line("string member = \"\";");
            writer.Line("try");
            using (writer.Open())
            {
                EmitWriteMembers(writer, model, trackFailures: true);
            }

            writer.Line("catch (global::System.ArgumentException e)");
            using (writer.Open())
            {
                writer.Line("throw ", Json, ".InMember(e, member);");
            }
        }
    }

    private static void EmitWriteMembers(SourceWriter writer, ObjectModel model, bool trackFailures)
    {
        writer.Line("writer.WriteStartObject();");
        foreach (MemberModel member in model.Members)
        {
            writer.Line();
            bool tracked = Tracked(member, model);
            if (trackFailures && (tracked ? member.Type.Kind == TypeKind.Object : MemberCode.CanFail(member.Type, member.IsRequired)))
            {
                writer.Line("member = ", CSharpText.Literal(member.WireName), ";");
            }

            MemberCode.Write(writer, "value", member.PropertyName, member.WireName, member.Type, member.IsRequired, tracked);
        }

        writer.Line();
        writer.Line("writer.WriteEndObject();");
    }

    private static string Local(MemberModel member) => CSharpNames.Camel(member.PropertyName) + "Value";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Remarks(MemberModel member, bool written)
    {
        string remarks = "Wire name <c>" + member.WireName + "</c>" + (member.Type.Kind == TypeKind.YesNo ? " (\"Y\" or \"N\")" : string.Empty) + ".";
        remarks += member.IsRequired ? " Required." : " Optional.";
        if (member.Type.IsNullable)
        {
            remarks += written
                ? " May be null: set to null, it is sent as null; left unset, it is not sent."
                : " May be null.";
        }

        if (member.Type.Kind is TypeKind.Enum or TypeKind.Object)
        {
            remarks += member.Type.Container == Container.None ? " See" : " Each item: see";
            remarks += " <see cref=\"" + member.Type.TypeName + "\"/>.";
        }

        if (member.Default is not null)
        {
            remarks += " The portal's default: <c>" + CSharpText.Xml(member.Default) + "</c>.";
        }

        if (member.Remarks is not null)
        {
            remarks += " " + CSharpText.Xml(member.Remarks);
        }

        return remarks;
    }
}

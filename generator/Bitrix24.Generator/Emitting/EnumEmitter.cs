using Bitrix24.Generator.Model.Units;

namespace Bitrix24.Generator.Emitting;

/// <summary>Emits a spec enum and its converter to and from wire values.</summary>
internal static class EnumEmitter
{
    public static string Emit(EnumModel model)
    {
        SourceWriter writer = GeneratedFile.Start("The enum " + model.Name + " of scope " + model.Scope + ".");
        // Written in full inside the converter class, whose members (ValueType, ToWire, TryParse) an enum may be named like.
        string enumType = "global::" + model.Namespace + "." + model.Name;
        writer.Line("namespace ", model.Namespace, ";");
        writer.Line();
        CSharpText.Doc(writer, "summary", model.Summary is null ? "Values of " + model.Name + "." : CSharpText.Xml(model.Summary));
        writer.Line("/// <remarks>Numbers follow the order in the spec; add new values at the end.</remarks>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("public enum ", model.Name);
        using (writer.Open())
        {
            for (int i = 0; i < model.Members.Count; i++)
            {
                EnumMemberModel member = model.Members[i];
                if (i > 0)
                {
                    writer.Line();
                }

                CSharpText.Doc(writer, "summary", member.Summary is null ? "<c>" + CSharpText.Xml(member.Wire) + "</c>." : CSharpText.Xml(member.Summary));
                writer.Line("/// <remarks>Sent as <c>", CSharpText.Xml(member.Wire), "</c>.</remarks>");
                writer.Line(member.Name, " = ", i.ToString(System.Globalization.CultureInfo.InvariantCulture), ",");
            }
        }

        writer.Line();
        writer.Line("/// <summary>Converts <see cref=\"", enumType, "\"/> to and from the strings the portal uses.</summary>");
        writer.Line(GeneratedFile.GeneratedCodeAttribute);
        writer.Line("public static class ", model.WireType);
        using (writer.Open())
        {
            writer.Line("/// <summary>Describes the enum for the method catalog.</summary>");
            writer.Line("public static global::Bitrix24.Bitrix24ValueType ValueType { get; } = global::Bitrix24.Bitrix24ValueType.Enum(");
            writer.Indent();
            writer.Line(CSharpText.Literal(model.Name), ",");
            writer.Line("new global::Bitrix24.Bitrix24EnumValueInfo[]");
            using (writer.Open(");"))
            {
                foreach (EnumMemberModel member in model.Members)
                {
                    writer.Line("new(", CSharpText.Literal(member.Wire), ", ", CSharpText.Literal(member.Name), ", ", CSharpText.LiteralOrNull(member.Summary), "),");
                }
            }

            writer.Unindent();
            writer.Line();
            writer.Line("/// <summary>The wire value of <paramref name=\"value\"/>.</summary>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is not a declared member.</exception>");
            writer.Line("public static string ToWire(", enumType, " value)");
            using (writer.Open())
            {
                writer.Line("return value switch");
                using (writer.Open(";"))
                {
                    foreach (EnumMemberModel member in model.Members)
                    {
                        writer.Line(enumType, ".", member.Name, " => ", CSharpText.Literal(member.Wire), ",");
                    }

                    writer.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "
                        + CSharpText.Literal("Not a declared " + model.Name + " value.") + "),");
                }
            }

            writer.Line();
            writer.Line("/// <summary>Reads the value the reader is on (its wire string); an unknown value fails the read.</summary>");
            writer.Line("public static ", enumType, " Read(ref global::System.Text.Json.Utf8JsonReader reader)");
            using (writer.Open())
            {
                writer.Line("return global::Bitrix24.Bitrix24Json.ReadEnum<", enumType, ">(ref reader, TryParse);");
            }

            writer.Line();
            writer.Line("/// <summary>Finds the member for a wire value (exact, case-sensitive match).</summary>");
            writer.Line("public static bool TryParse(string? wire, out ", enumType, " value)");
            using (writer.Open())
            {
                writer.Line("switch (wire)");
                using (writer.Open())
                {
                    foreach (EnumMemberModel member in model.Members)
                    {
                        writer.Line("case ", CSharpText.Literal(member.Wire), ":");
                        writer.Indent();
                        writer.Line("value = ", enumType, ".", member.Name, ";");
                        writer.Line("return true;");
                        writer.Unindent();
                    }

                    writer.Line("default:");
                    writer.Indent();
                    writer.Line("value = default;");
                    writer.Line("return false;");
                    writer.Unindent();
                }
            }
        }

        return writer.Finish();
    }
}

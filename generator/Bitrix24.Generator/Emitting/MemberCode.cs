using Bitrix24.Generator.Model.Specs;
using Bitrix24.Generator.Model.Units;
using Bitrix24.Generator.Naming;

namespace Bitrix24.Generator.Emitting;

/// <summary>
/// The C# of one property that carries a wire value (a request parameter, an object type's member):
/// its declaration, and the statements that write it. A member the spec lets be null (<c>type: T?</c>)
/// remembers whether it was set, so null can be sent (to reset a value) while an unset one is not.
/// </summary>
internal static class MemberCode
{
    /// <summary>The C# type of the property: what the spec declares, nullable unless required and never null.</summary>
    public static string PropertyType(ValueModel type, bool required) =>
        type.CSharpType + (required && !type.IsNullable ? "" : "?");

    /// <summary>Whether the property remembers being set: a nullable value of a type that is written.</summary>
    public static bool IsTracked(ValueModel type) => type.IsNullable;

    /// <summary>The field that remembers it; fields start with '_', which no property does.</summary>
    public static string SetField(string property) => "_" + CSharpNames.Camel(property) + "Set";

    /// <summary>Writing it may fail: a required reference is null, or an object it holds lacks a required member.</summary>
    public static bool CanFail(ValueModel type, bool required) =>
        (required && !type.IsNullable && type.IsReferenceType) || type.Kind == TypeKind.Object;

    /// <summary>Declares the property, with a backing and a "was set" field when it is tracked.</summary>
    public static void Declare(SourceWriter writer, string property, ValueModel type, bool required, bool tracked)
    {
        string modifiers = "public " + (required ? "required " : "");
        string propertyType = PropertyType(type, required);
        if (!tracked)
        {
            writer.Line(modifiers, propertyType, " ", property, " { get; set; }");
            return;
        }

        string field = "_" + CSharpNames.Camel(property);
        writer.Line(modifiers, propertyType, " ", property);
        using (writer.Open())
        {
            writer.Line("get => ", field, ";");
            writer.Line("set");
            using (writer.Open())
            {
                writer.Line(field, " = value;");
                writer.Line(SetField(property), " = true;");
            }
        }

        writer.Line();
        writer.Line("private ", propertyType, " ", field, ";");
        writer.Line();
        writer.Line("/// <summary>Whether <see cref=\"", property, "\"/> was set, to null too: only then is it sent.</summary>");
        writer.Line("internal bool ", SetField(property), ";");
    }

    /// <summary>
    /// Statements writing <c>"wire": owner.Property</c>: a required reference must not be null
    /// (<c>Bitrix24Json.RequiredMember</c>, which the caller names), an unset optional one is left out, a
    /// tracked one is written when set, as null or as its value.
    /// </summary>
    public static void Write(SourceWriter writer, string owner, string property, string wireName, ValueModel type, bool required, bool tracked)
    {
        string wire = CSharpText.Literal(wireName);
        string access = owner + "." + property;
        string local = CSharpNames.Camel(property) + "Value";
        if (tracked)
        {
            writer.Line("if (", owner, ".", SetField(property), ")");
            using (writer.Open())
            {
                writer.Line("if (", access, " is { } ", local, ")");
                using (writer.Open())
                {
                    ValueCode.WriteMember(writer, wire, local, type);
                }

                writer.Line("else");
                using (writer.Open())
                {
                    writer.Line("writer.WriteNull(", wire, ");");
                }
            }

            return;
        }

        if (required && type.IsReferenceType)
        {
            writer.Line("if (", access, " is not { } ", local, ")");
            using (writer.Open())
            {
                writer.Line("throw global::Bitrix24.Bitrix24Json.RequiredMember();");
            }

            writer.Line();
            ValueCode.WriteMember(writer, wire, local, type);
            return;
        }

        if (required)
        {
            ValueCode.WriteMember(writer, wire, access, type);
            return;
        }

        writer.Line("if (", access, " is { } ", local, ")");
        using (writer.Open())
        {
            ValueCode.WriteMember(writer, wire, local, type);
        }
    }
}

using System.Text.Json;

namespace Bitrix24.Cli.Tests.Infrastructure;

/// <summary>
/// Object types built in the test, as the generator describes spec types in the catalog: a method's
/// <c>fields</c> with a nested object, a list of objects, a map, json and every scalar, plus a catalog
/// entry that takes them, so the command line's JSON parameters are tested whatever spec/ holds.
/// </summary>
internal static class EchoTypes
{
    public const string MethodName = "test.objects.echo";

    public static readonly Bitrix24ValueType Gender = Bitrix24ValueType.Enum("Gender", [new("M", "Male", "Male."), new("F", "Female", "Female.")]);

    public static readonly Bitrix24ValueType Properties = Bitrix24ValueType.Object("EchoProperties", () =>
    [
        new("name", "Name", Bitrix24ValueType.String, IsRequired: true, IsNullable: false, "The name shown."),
        new("gender", "Gender", Gender, IsRequired: false, IsNullable: false, "M or F."),
        new("backgroundId", "BackgroundId", Bitrix24ValueType.String, IsRequired: false, IsNullable: true, "null resets it."),
    ]);

    public static readonly Bitrix24ValueType Button = Bitrix24ValueType.Object("EchoButton", () =>
    [
        new("TEXT", "Text", Bitrix24ValueType.String, IsRequired: true, IsNullable: false, "The button's text."),
        new("BLOCK", "Block", Bitrix24ValueType.YesNo, IsRequired: false, IsNullable: false, "Blocked once pressed."),
        new("WIDTH", "Width", Bitrix24ValueType.Int32, IsRequired: false, IsNullable: false, null),
    ]);

    public static readonly Bitrix24ValueType Fields = Bitrix24ValueType.Object("EchoFields", () =>
    [
        new("message", "Message", Bitrix24ValueType.String, IsRequired: false, IsNullable: false, "The text."),
        new("code", "Code", Bitrix24ValueType.String, IsRequired: true, IsNullable: false, "A code of yours."),
        new("properties", "Properties", Properties, IsRequired: false, IsNullable: false, "The profile."),
        new("buttons", "Buttons", Bitrix24ValueType.ArrayOf(Button), IsRequired: false, IsNullable: false, "Buttons under the message."),
        new("when", "When", Bitrix24ValueType.DateTime, IsRequired: false, IsNullable: false, null),
        new("count", "Count", Bitrix24ValueType.Int32, IsRequired: false, IsNullable: false, null),
        new("size", "Size", Bitrix24ValueType.Int64, IsRequired: false, IsNullable: false, null),
        new("ratio", "Ratio", Bitrix24ValueType.Double, IsRequired: false, IsNullable: false, null),
        new("active", "Active", Bitrix24ValueType.Boolean, IsRequired: false, IsNullable: false, null),
        new("flag", "Flag", Bitrix24ValueType.YesNo, IsRequired: false, IsNullable: false, null),
        new("params", "Params", Bitrix24ValueType.MapOf(Bitrix24ValueType.Int32), IsRequired: false, IsNullable: false, "Named numbers."),
        new("extra", "Extra", Bitrix24ValueType.Json, IsRequired: false, IsNullable: false, "Anything."),
        new("gender", "Gender", Gender, IsRequired: false, IsNullable: false, null),
    ]);

    /// <summary>A method with a parameter of each JSON shape.</summary>
    public static readonly Bitrix24MethodInfo Method = new Bitrix24Method<object, bool>
    {
        Name = MethodName,
        Summary = "Echoes its object parameters.",
        Result = Bitrix24ValueType.Boolean,
        Parameters =
        [
            Parameter("dialogId", Bitrix24ValueType.String),
            Parameter("fields", Fields, required: true),
            Parameter("items", Bitrix24ValueType.ArrayOf(Button)),
            Parameter("tags", Bitrix24ValueType.MapOf(Bitrix24ValueType.String)),
            Parameter("data", Bitrix24ValueType.Json),
            Parameter("ids", Bitrix24ValueType.ArrayOf(Bitrix24ValueType.Int32)),
            Parameter("names", Bitrix24ValueType.ArrayOf(Bitrix24ValueType.String)),
        ],

        // Never used: the command line writes and reads through descriptors of its own.
        WriteParameters = static (_, _) => throw new InvalidOperationException(),
        ReadResult = static (ref Utf8JsonReader _) => throw new InvalidOperationException(),
    };

    public static readonly IReadOnlyList<Bitrix24MethodInfo> Methods = [Method];

    private static Bitrix24ParameterInfo Parameter(string wireName, Bitrix24ValueType type, bool required = false) =>
        new() { WireName = wireName, Name = wireName, Type = type, IsRequired = required };
}

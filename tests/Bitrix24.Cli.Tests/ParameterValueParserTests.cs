using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Cli.Arguments;

namespace Bitrix24.Cli.Tests;

/// <summary>Each spec type's text on the command line becomes the JSON the generated code would send.</summary>
public sealed class ParameterValueParserTests
{
    // The SDK writes bodies with the relaxed encoder ('+' stays '+'); compare in the same form.
    private static readonly JsonSerializerOptions WireJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Bitrix24ValueType Kind = Bitrix24ValueType.Enum("Kind", [new("WELCOME", "Welcome", null), new("DEFAULT", "Default", null)]);

    public static TheoryData<Bitrix24ValueType, string[], string> Valid => new()
    {
        { Bitrix24ValueType.Int32, ["112"], "112" },
        { Bitrix24ValueType.Int32, ["-5"], "-5" },
        { Bitrix24ValueType.Int64, ["9007199254740993"], "9007199254740993" },
        { Bitrix24ValueType.Double, ["1.5"], "1.5" },
        { Bitrix24ValueType.Boolean, ["False"], "false" },
        { Bitrix24ValueType.Boolean, [], "true" },
        { Bitrix24ValueType.YesNo, ["y"], "\"Y\"" },
        { Bitrix24ValueType.YesNo, ["No"], "\"N\"" },
        { Bitrix24ValueType.YesNo, ["true"], "\"Y\"" },
        { Bitrix24ValueType.YesNo, [], "\"Y\"" },
        { Kind, ["default"], "\"DEFAULT\"" },
        { Kind, ["Welcome"], "\"WELCOME\"" },
        { Bitrix24ValueType.String, ["Hello, world"], "\"Hello, world\"" },
        { Bitrix24ValueType.String, [""], "\"\"" },
        { Bitrix24ValueType.DateTime, ["2025-01-31T14:30:00+03:00"], "\"2025-01-31T14:30:00+03:00\"" },
        { Bitrix24ValueType.DateTime, ["2025-01-31T11:30:00.250Z"], "\"2025-01-31T11:30:00+00:00\"" },
        { Bitrix24ValueType.ArrayOf(Bitrix24ValueType.Int32), ["1,2", "3"], "[1,2,3]" },
        { Bitrix24ValueType.ArrayOf(Bitrix24ValueType.String), ["a", "b c"], "[\"a\",\"b c\"]" },
        { Bitrix24ValueType.ArrayOf(Kind), ["welcome,default"], "[\"WELCOME\",\"DEFAULT\"]" },
    };

    public static TheoryData<Bitrix24ValueType, string[], string> Invalid => new()
    {
        { Bitrix24ValueType.Int32, ["abc"], "abc" },
        { Bitrix24ValueType.Int32, ["2147483648"], "2147483648" },
        { Bitrix24ValueType.Int32, [" 1"], " 1" },
        { Bitrix24ValueType.Double, ["NaN"], "NaN" },
        { Bitrix24ValueType.Double, ["1,5"], "1,5" },
        { Bitrix24ValueType.Boolean, ["maybe"], "maybe" },
        { Bitrix24ValueType.YesNo, ["1"], "1" },
        { Kind, ["HELLO"], "HELLO" },
        { Bitrix24ValueType.DateTime, ["2025-01-31T14:30:00"], "2025-01-31T14:30:00" },
        { Bitrix24ValueType.DateTime, ["31.01.2025"], "31.01.2025" },
        { Bitrix24ValueType.ArrayOf(Bitrix24ValueType.Int32), ["1,x,3"], "x" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_text_becomes_the_wire_json(Bitrix24ValueType type, string[] tokens, string json)
    {
        Assert.True(ParameterValueParser.TryParse(type, tokens, out JsonNode? value, out string? invalid), invalid);
        Assert.Equal(json, value.ToJsonString(WireJson));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_text_is_reported(Bitrix24ValueType type, string[] tokens, string reported)
    {
        Assert.False(ParameterValueParser.TryParse(type, tokens, out _, out string? invalid));
        Assert.Equal(reported, invalid);
    }

    [Fact]
    public void Expected_formats_name_the_valid_values()
    {
        Assert.Equal("one of WELCOME, DEFAULT (any case)", ValueFormat.Expected(Kind));
        Assert.StartsWith("Y or N", ValueFormat.Expected(Bitrix24ValueType.YesNo), StringComparison.Ordinal);
        Assert.Contains("ISO 8601", ValueFormat.Expected(Bitrix24ValueType.DateTime), StringComparison.Ordinal);
        Assert.Contains("repeat the option", ValueFormat.Expected(Bitrix24ValueType.ArrayOf(Bitrix24ValueType.Int32)), StringComparison.Ordinal);
        Assert.Equal("WELCOME|DEFAULT", ValueFormat.HelpName(Kind));
        Assert.Equal("int[]", ValueFormat.HelpName(Bitrix24ValueType.ArrayOf(Bitrix24ValueType.Int32)));
    }

    [Theory]
    [InlineData("[1,2]", true)]
    [InlineData(" [1]", true)]
    [InlineData("1,2", false)]
    [InlineData("@ids.json", false)]
    public void A_list_of_scalars_is_json_only_when_given_as_a_json_array(string token, bool json) =>
        Assert.Equal(json, ParameterValueParser.IsJson(Bitrix24ValueType.ArrayOf(Bitrix24ValueType.Int32), [token]));

    [Fact]
    public void Objects_maps_json_and_lists_of_objects_are_always_json()
    {
        Bitrix24ValueType item = Bitrix24ValueType.Object("Item", () => []);
        Assert.True(ParameterValueParser.IsJson(item, ["x"]));
        Assert.True(ParameterValueParser.IsJson(Bitrix24ValueType.MapOf(Bitrix24ValueType.Int32), ["x"]));
        Assert.True(ParameterValueParser.IsJson(Bitrix24ValueType.Json, ["x"]));
        Assert.True(ParameterValueParser.IsJson(Bitrix24ValueType.ArrayOf(item), ["x"]));
        Assert.False(ParameterValueParser.IsJson(Bitrix24ValueType.String, ["[x]"]));
        Assert.Equal("Item", ValueFormat.HelpName(item));
        Assert.Equal("an object (Item) as JSON, or @file with it", ValueFormat.Expected(item));
        Assert.Equal("any JSON, or @file with it", ValueFormat.Expected(Bitrix24ValueType.Json));
    }

    [Fact]
    public void Text_starting_with_a_bracket_in_a_string_list_is_read_as_json_and_the_error_says_how_to_send_it()
    {
        Assert.False(ParameterValueParser.TryParseJson(Bitrix24ValueType.ArrayOf(Bitrix24ValueType.String), "TAGS", ["[urgent]"], ".", out _, out IReadOnlyList<string> problems));

        string problem = Assert.Single(problems);
        Assert.StartsWith("invalid JSON at line 1, column 2: 'u' is an invalid start of a value.", problem, StringComparison.Ordinal);
        Assert.Contains("Quote the whole JSON for the shell: '[\"a\",\"b\"]'.", problem, StringComparison.Ordinal);
        Assert.EndsWith("give the whole list as JSON: '[\"[text]\"]'.", problem, StringComparison.Ordinal);

        Assert.True(ParameterValueParser.TryParseJson(Bitrix24ValueType.ArrayOf(Bitrix24ValueType.String), "TAGS", ["""["[urgent]"]"""], ".", out JsonNode? value, out _));
        Assert.Equal("""["[urgent]"]""", value!.ToJsonString());
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Cli.Arguments;
using Bitrix24.Cli.Tests.Infrastructure;

namespace Bitrix24.Cli.Tests;

/// <summary>
/// The check of a JSON parameter against its object type, recursively: what passes is sent exactly as
/// given (yn booleans become "Y"/"N"); every problem names its path and the expected type.
/// </summary>
public sealed class JsonValueCheckerTests
{
    // The SDK writes bodies with the relaxed encoder; compare in the same form.
    private static readonly JsonSerializerOptions WireJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string KnownFields = "known: message, code, properties, buttons, when, count, size, ratio, active, flag, params, extra, gender.";

    public static TheoryData<string, string> Valid => new()
    {
        { """{"code":"a"}""", """{"code":"a"}""" },
        { """{"code":"a","flag":true}""", """{"code":"a","flag":"Y"}""" },
        { """{"code":"a","flag":"N","buttons":[{"TEXT":"x","BLOCK":true},{"TEXT":"y","BLOCK":false,"WIDTH":20}]}""", """{"code":"a","flag":"N","buttons":[{"TEXT":"x","BLOCK":"Y"},{"TEXT":"y","BLOCK":"N","WIDTH":20}]}""" },
        { """{"ratio":1.50,"code":"a","size":9007199254740993,"count":-5,"active":false}""", """{"ratio":1.50,"code":"a","size":9007199254740993,"count":-5,"active":false}""" },
        { """{"code":"a","ratio":1e3}""", """{"code":"a","ratio":1e3}""" },
        { """{"code":"a","when":"2025-01-31T11:30:00.250Z"}""", """{"code":"a","when":"2025-01-31T11:30:00.250Z"}""" },
        { """{"code":"a","when":"2025-01-31T14:30:00+03:00","gender":"F"}""", """{"code":"a","when":"2025-01-31T14:30:00+03:00","gender":"F"}""" },
        { """{"code":"a","properties":{"name":"n","backgroundId":null}}""", """{"code":"a","properties":{"name":"n","backgroundId":null}}""" },
        { """{"code":"a","extra":{"any":[1,null,{"x":"y"}],"k":null,"flag":true}}""", """{"code":"a","extra":{"any":[1,null,{"x":"y"}],"k":null,"flag":true}}""" },
        { """{"code":"a","params":{"a b":1,"c":2},"buttons":[]}""", """{"code":"a","params":{"a b":1,"c":2},"buttons":[]}""" },
        { """{ "code" : "Привет, \"мир\"" }""", """{"code":"Привет, \"мир\""}""" },
    };

    public static TheoryData<string, string> Invalid => new()
    {
        { "[]", "fields: expected an object (EchoFields), got an array" },
        { "\"text\"", "fields: expected an object (EchoFields), got a string" },
        { """{"code":"a","messge":"Hi"}""", $"unknown member 'messge' in fields; {KnownFields} Did you mean 'message'?" },
        { """{"code":"a","zzz":1}""", $"unknown member 'zzz' in fields; {KnownFields}" },
        { """{"code":"a","properties":{"name":"n","nmae":"x"}}""", "unknown member 'nmae' in fields.properties; known: name, gender, backgroundId. Did you mean 'name'?" },
        { "{}", "missing required member fields.code (string)" },
        { """{"code":"a","properties":{}}""", "missing required member fields.properties.name (string)" },
        { """{"code":"a","buttons":[{"TEXT":"ok"},{"TEXT":5}]}""", "fields.buttons[1].TEXT: expected a string, got 5" },
        { """{"code":"a","buttons":{"TEXT":"ok"}}""", "fields.buttons: expected an array of EchoButton, got an object" },
        { """{"code":"a","buttons":[null]}""", "fields.buttons[0]: expected an object (EchoButton), got null" },
        { """{"code":"a","gender":"m"}""", "fields.gender: expected one of \"M\", \"F\", got \"m\" (wire values are case-sensitive: \"M\")" },
        { """{"code":"a","gender":"X"}""", "fields.gender: expected one of \"M\", \"F\", got \"X\"" },
        { """{"code":"a","flag":"y"}""", "fields.flag: expected \"Y\" or \"N\" (or true/false), got \"y\"" },
        { """{"code":"a","flag":1}""", "fields.flag: expected \"Y\" or \"N\" (or true/false), got 1" },
        { """{"code":"a","when":"2025-01-31T14:30:00"}""", "fields.when: expected an ISO 8601 date and time with offset as a string, e.g. \"2025-01-31T14:30:00+03:00\", got \"2025-01-31T14:30:00\"" },
        { """{"code":"a","when":1738326600}""", "fields.when: expected an ISO 8601 date and time with offset as a string, e.g. \"2025-01-31T14:30:00+03:00\", got 1738326600" },
        { """{"code":"a","count":1.5}""", "fields.count: expected an integer (int), got 1.5" },
        { """{"code":"a","count":2147483648}""", "fields.count: expected an integer (int), got 2147483648" },
        { """{"code":"a","count":"1"}""", "fields.count: expected an integer (int), got a string" },
        { """{"code":"a","size":"1"}""", "fields.size: expected an integer (long), got a string" },
        { """{"code":"a","ratio":true}""", "fields.ratio: expected a number, got true" },
        { """{"code":"a","active":"Y"}""", "fields.active: expected true or false, got a string" },
        { """{"code":null}""", "fields.code: expected a string, got null" },
        { """{"code":"a","message":null}""", "fields.message: expected a string, got null" },
        { """{"code":"a","properties":{"name":"n","gender":null}}""", "fields.properties.gender: expected one of \"M\", \"F\", got null" },
        { """{"code":"a","params":{"x":"1"}}""", "fields.params.x: expected an integer (int), got a string" },
        { """{"code":"a","params":{"a b":null}}""", "fields.params[\"a b\"]: expected an integer (int), got null" },
        { """{"code":"a","params":[1]}""", "fields.params: expected an object of string keys to int values (map<int>), got an array" },
        { """{"code":"a","code":"b"}""", "member 'code' is given more than once in fields" },
        { """{"code":"a","extra":{"k":1,"k":2}}""", "member 'k' is given more than once in fields.extra" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_valid_value_is_kept_as_given_with_yn_booleans_as_Y_or_N(string given, string sent)
    {
        (JsonNode? value, IReadOnlyList<string> problems) = JsonValueChecker.Check(Parse(given), EchoTypes.Fields, "fields");

        Assert.Empty(problems);
        Assert.Equal(sent, value!.ToJsonString(WireJson));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_problem_names_its_path_and_what_was_expected(string given, string problem)
    {
        (JsonNode? value, IReadOnlyList<string> problems) = JsonValueChecker.Check(Parse(given), EchoTypes.Fields, "fields");

        Assert.Equal([problem], problems);
        Assert.Null(value);
    }

    [Fact]
    public void Every_problem_is_reported_in_document_order_then_the_missing_members()
    {
        (_, IReadOnlyList<string> problems) = JsonValueChecker.Check(Parse("""{"buttons":[{"BLOCK":"Y"},{"TEXT":1}],"x":1,"count":"2"}"""), EchoTypes.Fields, "fields");

        Assert.Equal(
            [
                "missing required member fields.buttons[0].TEXT (string)",
                "fields.buttons[1].TEXT: expected a string, got 1",
                $"unknown member 'x' in fields; {KnownFields}",
                "fields.count: expected an integer (int), got a string",
                "missing required member fields.code (string)",
            ],
            problems);
    }

    [Fact]
    public void Null_is_a_value_only_for_json_and_nullable_members()
    {
        (JsonNode? json, IReadOnlyList<string> none) = JsonValueChecker.Check(Parse("null"), Bitrix24ValueType.Json, "data");
        Assert.Empty(none);
        Assert.Null(json);

        (_, IReadOnlyList<string> problems) = JsonValueChecker.Check(Parse("null"), EchoTypes.Fields, "fields");
        Assert.Equal(["fields: expected an object (EchoFields), got null"], problems);

        (JsonNode? nullable, IReadOnlyList<string> fine) = JsonValueChecker.Check(Parse("null"), EchoTypes.Fields, "fields", nullable: true);
        Assert.Empty(fine);
        Assert.Null(nullable);
    }

    [Fact]
    public void Strings_given_where_they_do_not_belong_are_not_echoed()
    {
        // A misplaced string could be a token; only enum, yn and date-time attempts are quoted back.
        (_, IReadOnlyList<string> problems) = JsonValueChecker.Check(Parse("""{"code":"a","count":"s3cr3t"}"""), EchoTypes.Fields, "fields");

        Assert.DoesNotContain("s3cr3t", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_checks_each_value_and_a_list_each_item()
    {
        (JsonNode? map, IReadOnlyList<string> fine) = JsonValueChecker.Check(Parse("""{"a":"x","b":"y"}"""), Bitrix24ValueType.MapOf(Bitrix24ValueType.String), "tags");
        Assert.Empty(fine);
        Assert.Equal("""{"a":"x","b":"y"}""", map!.ToJsonString());

        (_, IReadOnlyList<string> problems) = JsonValueChecker.Check(Parse("""{"a":"x","b":2,"c":{}}"""), Bitrix24ValueType.MapOf(Bitrix24ValueType.String), "tags");
        Assert.Equal(["tags.b: expected a string, got 2", "tags.c: expected a string, got an object"], problems);

        (_, IReadOnlyList<string> items) = JsonValueChecker.Check(Parse("""[1,"2",3.5]"""), Bitrix24ValueType.ArrayOf(Bitrix24ValueType.Int32), "ids");
        Assert.Equal(["ids[1]: expected an integer (int), got a string", "ids[2]: expected an integer (int), got 3.5"], items);
    }

    [Fact]
    public void An_object_with_no_members_refuses_any_member()
    {
        Bitrix24ValueType empty = Bitrix24ValueType.Object("Nothing", () => []);

        (_, IReadOnlyList<string> problems) = JsonValueChecker.Check(Parse("""{"a":1}"""), empty, "p");

        Assert.Equal(["unknown member 'a' in p; known: none."], problems);
    }

    private static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Tests.Shared;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// The JSON schemas in <c>spec/schema/</c> are what editors check specs against while they are
/// written. They must accept every spec the generator accepts (the SDK's own and the fuzzer's seeds,
/// which use every key of the format) and refuse what it refuses, or an editor would draw red lines
/// under a good spec and none under a typo.
/// </summary>
public sealed class SpecSchemaTests
{
    public static TheoryData<string> GoodSpecs()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "spec", "tests/Bitrix24.Generator.Fuzz/Seeds" })
        {
            string root = RepositoryRoot.Combine(folder);
            foreach (string file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(folder + "/" + Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoodSpecs))]
    public void The_schema_accepts_every_spec_the_generator_accepts(string path)
    {
        EvaluationResults results = Evaluate(path, File.ReadAllText(RepositoryRoot.Combine(path)));

        Assert.True(results.IsValid, path + " does not match its schema:\n" + Describe(results));
    }

    [Theory]
    [InlineData("spec/demo/demo.thing.get.yaml", "method: demo.thing.get\nparamz: []\nresult:\n  type: bool\n", "/paramz")]
    [InlineData("spec/demo/demo.thing.get.yaml", "method: demo.thing.get\nresult:\n  type: map<int\n", "/result/type")]
    [InlineData("spec/demo/demo.thing.get.yaml", "method: demo.thing.get\nparams:\n  - name: fields\n    type: Fields\n    required: yes please\nresult:\n  type: bool\n", "/params/0/required")]
    [InlineData("spec/demo/demo.thing.get.yaml", "method: demo.thing.get\nresult:\n  type: bool\ntypes:\n  lowerCase:\n    members: []\n", "/types/lowerCase")]
    [InlineData("spec/demo/events/ONDEMO.event.yaml", "event: ONDEMO\nclass: DemoEvent\nscope: demo\ndata:\n  - name: id\n    type: int\n    requird: true\n", "/data/0/requird")]
    [InlineData("spec/demo/demo.types.yaml", "types:\n  Thing:\n    members:\n      - name: id\n        type: int\n", "")]
    [InlineData("spec/demo/demo.types.yaml", "scope: demo\ntypes:\n  Thing:\n    members:\n      - name: id\n        typ: int\n", "/types/Thing/members/0/typ")]
    [InlineData("spec/errors.yaml", "errors:\n  - code: SOMETHING\n    retry: sometimes\n", "/errors/0/retry")]
    public void The_schema_refuses_what_the_generator_refuses(string path, string text, string location)
    {
        EvaluationResults results = Evaluate(path, text);

        // The refusal must point where the mistake is (the root for a missing required key), not anywhere.
        Assert.False(results.IsValid, path + " should not match its schema:\n" + text);
        Assert.Contains(
            (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }),
            detail => detail.InstanceLocation.ToString() == location);
    }

    private static EvaluationResults Evaluate(string path, string yaml)
    {
        JsonSchema schema = SchemaFor(path);
        JsonElement document = JsonSerializer.SerializeToElement(ToJson(Load(yaml)));
        return schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
    }

    private static JsonSchema SchemaFor(string path)
    {
        string name = Path.GetFileName(path) switch
        {
            "errors.yaml" => "errors",
            "naming.yaml" => "naming",
            string file when file.EndsWith(".types.yaml", StringComparison.Ordinal) => "types",
            string file when file.EndsWith(".event.yaml", StringComparison.Ordinal) => "event",
            _ => "method",
        };
        return s_schemas.Value[name];
    }

    // The schemas $ref each other by file name ("types.schema.json#/definitions/objectType"), as an
    // editor resolves them beside the spec; one registry with each file at its own address does the same.
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> s_schemas = new(() =>
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return new[] { "errors", "naming", "types", "method", "event" }.ToDictionary(
            name => name,
            name => JsonSchema.FromText(
                File.ReadAllText(RepositoryRoot.Combine("spec/schema/" + name + ".schema.json")),
                options,
                new Uri("https://bitrix24.generated.local/spec/schema/" + name + ".schema.json")));
    });

    private static YamlNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    /// <summary>
    /// YAML as an editor's YAML language server hands it to a JSON schema: plain scalars in YAML 1.2's
    /// core schema (true/false, integers, null) become JSON booleans, numbers and null; quoted ones stay strings.
    /// </summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar when scalar.Style is YamlDotNet.Core.ScalarStyle.Plain => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException("Unexpected YAML node " + node.NodeType),
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };

    private static string Describe(EvaluationResults results) =>
        string.Join('\n', (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d =>
            d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));
}

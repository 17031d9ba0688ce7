using System.Text.Json;
using System.Text.Json.Nodes;
using Bitrix24.Cli.Tests.Infrastructure;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Methods;

namespace Bitrix24.Cli.Tests;

/// <summary>
/// The command line knows methods only through catalog entries: a made-up entry with a parameter of
/// every value type is callable, and the portal receives each value in its wire form.
/// </summary>
public sealed class MadeUpMethodTests
{
    private const string Name = "test.kinds.echo";

    private static readonly Bitrix24MethodInfo Method = new Bitrix24Method<object, bool>
    {
        Name = Name,
        Summary = "Echoes its parameters.",
        Result = Bitrix24ValueType.Boolean,
        Parameters =
        [
            Parameter("ID", Bitrix24ValueType.Int32, required: true),
            Parameter("BIG_ID", Bitrix24ValueType.Int64),
            Parameter("RATIO", Bitrix24ValueType.Double),
            Parameter("ACTIVE", Bitrix24ValueType.Boolean),
            Parameter("LEAVE", Bitrix24ValueType.YesNo),
            Parameter("MODE", Bitrix24ValueType.Enum("Mode", [new("fast_mode", "FastMode", "Quick."), new("SLOW", "Slow", null)])),
            Parameter("WHEN", Bitrix24ValueType.DateTime),
            Parameter("TEXT", Bitrix24ValueType.String),
            Parameter("IDS", Bitrix24ValueType.ArrayOf(Bitrix24ValueType.Int32)),
            Parameter("json", Bitrix24ValueType.String),
        ],
        // Never used: the command line writes and reads through descriptors of its own.
        WriteParameters = static (_, _) => throw new InvalidOperationException(),
        ReadResult = static (ref Utf8JsonReader _) => throw new InvalidOperationException(),
    };

    [Fact]
    public async Task Every_value_type_reaches_the_portal_in_its_wire_form()
    {
        var options = new EmulatedPortalOptions();
        options.Methods.Add(new EmulatedMethod(Name, ["imopenlines"], call => new JsonObject { ["echo"] = call.Parameters.DeepClone() }));
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync(options);

        CliRun run = await CliRunner.RunAsync(
            [
                Name, "--id", "7", "--big-id", "9007199254740993", "--ratio", "0.25", "--active", "false", "--leave",
                "--mode", "FAST_MODE", "--when", "2025-01-31T14:30:00+03:00", "--TEXT", "Привет, мир", "--ids", "1,2", "--ids", "3",
                "--param-json", "not the global option", "--webhook", portal.WebhookUrl.ToString(),
            ],
            CliRunner.NoEnvironment,
            [Method]);

        Assert.True(run.ExitCode == 0, run.ToString());
        string expected = """{"ID":7,"BIG_ID":9007199254740993,"RATIO":0.25,"ACTIVE":false,"LEAVE":"Y","MODE":"fast_mode","WHEN":"2025-01-31T14:30:00+03:00","TEXT":"Привет, мир","IDS":[1,2,3],"json":"not the global option"}""";
        Assert.Equal(expected, Assert.Single(portal.Requests.For(Name)).Body);
        Assert.Contains("Body:    " + expected, run.Out, StringComparison.Ordinal);

        // A structured result is printed indented.
        Assert.Contains("Result:" + Environment.NewLine + "{" + Environment.NewLine + "  \"echo\": {", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optional_parameters_not_given_are_not_sent()
    {
        var options = new EmulatedPortalOptions();
        options.Methods.Add(new EmulatedMethod(Name, ["imopenlines"], _ => true));
        await using EmulatedPortal portal = await EmulatedPortal.StartAsync(options);

        CliRun run = await CliRunner.RunAsync([Name, "--id", "7", "--json", "--webhook", portal.WebhookUrl.ToString()], CliRunner.NoEnvironment, [Method]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("true", run.Out.Trim());
        Assert.Equal("""{"ID":7}""", Assert.Single(portal.Requests.For(Name)).Body);
    }

    [Fact]
    public async Task Help_lists_array_and_enum_parameters()
    {
        CliRun run = await CliRunner.RunAsync([Name, "--help"], CliRunner.NoEnvironment, [Method]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--ids, --IDS <int[]>", run.Out, StringComparison.Ordinal);
        Assert.Contains("Repeat the option, separate values with commas, or give a JSON array.", run.Out, StringComparison.Ordinal);
        Assert.Contains("--mode, --MODE <fast_mode|SLOW>", run.Out, StringComparison.Ordinal);
        Assert.Contains("fast_mode - Quick.", run.Out, StringComparison.Ordinal);

        // "json" belongs to the global option, so the parameter answers to another name.
        Assert.Contains("--param-json <string>", run.Out, StringComparison.Ordinal);
    }

    private static Bitrix24ParameterInfo Parameter(string wireName, Bitrix24ValueType type, bool required = false) =>
        new() { WireName = wireName, Name = wireName, Type = type, IsRequired = required };
}

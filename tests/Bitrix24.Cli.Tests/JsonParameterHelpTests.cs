using System.Text.Json;
using Bitrix24.Cli.Tests.Infrastructure;

namespace Bitrix24.Cli.Tests;

/// <summary><c>--help</c> of a method lists the members of its object parameters, nested, with types, and an example.</summary>
public sealed class JsonParameterHelpTests
{
    [Fact]
    public async Task Help_lists_each_member_with_its_type_required_and_nullable_markers_and_summary()
    {
        CliRun run = await CliRunner.RunAsync([EchoTypes.MethodName, "--help"], CliRunner.NoEnvironment, EchoTypes.Methods);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Out.Split('\n').Select(line => line.TrimEnd()).ToArray();
        Assert.Contains("--fields <EchoFields>", run.Out, StringComparison.Ordinal);
        Assert.Contains("[required] fields An object (EchoFields) as JSON, or @file.json. Members: see below.", run.Out, StringComparison.Ordinal);
        Assert.Contains("JSON parameters (give the JSON itself, or @file.json):", lines);
        Assert.Contains("  --fields (fields): an object (EchoFields)", lines);

        // Members in spec order, nested objects indented under their member; columns aligned.
        AssertLine(lines, "    message", "string", "The text.");
        AssertLine(lines, "    code", "string, required", "A code of yours.");
        AssertLine(lines, "    properties", "EchoProperties", "The profile.");
        AssertLine(lines, "      name", "string, required", "The name shown.");
        AssertLine(lines, "      gender", "M|F", "M or F.");
        AssertLine(lines, "      backgroundId", "string, may be null", "null resets it.");
        AssertLine(lines, "    buttons", "EchoButton[]", "Buttons under the message.");
        AssertLine(lines, "      TEXT", "string, required", "The button's text.");
        AssertLine(lines, "      BLOCK", "Y|N", "Blocked once pressed.");
        AssertLine(lines, "    params", "map<int>", "Named numbers.");
        AssertLine(lines, "    extra", "json", "Anything.");
        Assert.Contains(lines, line => line.StartsWith("      WIDTH", StringComparison.Ordinal) && line.EndsWith("int", StringComparison.Ordinal));
        Assert.True(
            Array.FindIndex(lines, l => l.StartsWith("      name ", StringComparison.Ordinal)) > Array.FindIndex(lines, l => l.StartsWith("    properties ", StringComparison.Ordinal)),
            run.Out);

        // The smallest valid JSON, ready to copy.
        Assert.Contains("    Example: --fields '{\"code\":\"text\"}'", lines);

        // A list of objects and a map get their members too; json and a list of scalars do not.
        Assert.Contains("  --items (items): an array of EchoButton", lines);
        Assert.Contains("    Example: --items '[{\"TEXT\":\"text\"}]'", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("  --data (data)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("  --ids (ids)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_type_used_twice_is_listed_once_and_a_type_holding_itself_does_not_loop()
    {
        Bitrix24ValueType node = null!;
        node = Bitrix24ValueType.Object("Node", () =>
        [
            new("id", "Id", Bitrix24ValueType.Int32, IsRequired: true, IsNullable: false, null),
            new("child", "Child", node, IsRequired: false, IsNullable: false, null),
        ]);
        Bitrix24ValueType pair = Bitrix24ValueType.Object("Pair", () =>
        [
            new("left", "Left", node, IsRequired: true, IsNullable: false, null),
            new("right", "Right", Bitrix24ValueType.MapOf(node), IsRequired: false, IsNullable: false, null),
        ]);
        Bitrix24MethodInfo method = new Bitrix24Method<object, bool>
        {
            Name = "test.tree",
            Result = Bitrix24ValueType.Boolean,
            Parameters = [new() { WireName = "pair", Name = "Pair", Type = pair }],
            WriteParameters = static (_, _) => throw new InvalidOperationException(),
            ReadResult = static (ref Utf8JsonReader _) => throw new InvalidOperationException(),
        };

        CliRun run = await CliRunner.RunAsync(["test.tree", "--help"], CliRunner.NoEnvironment, [method]);

        Assert.True(run.ExitCode == 0, run.ToString());
        string[] lines = run.Out.Split('\n').Select(line => line.TrimEnd()).ToArray();
        Assert.Contains(lines, line => line.StartsWith("    left ", StringComparison.Ordinal) && line.EndsWith("Node, required", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("      id ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("      child ", StringComparison.Ordinal) && line.EndsWith("Node (members above)", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("    right ", StringComparison.Ordinal) && line.EndsWith("map<Node> (members above)", StringComparison.Ordinal));
        Assert.Contains("    Example: --pair '{\"left\":{\"id\":1}}'", lines);
    }

    private static void AssertLine(string[] lines, string name, string type, string summary)
    {
        string? line = lines.FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"No line for '{name}' in:\n{string.Join('\n', lines)}");
        string[] columns = line![name.Length..].Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal([type, summary], columns);

        // The summaries of one parameter start in one column.
        int summaryColumn = line.IndexOf(summary, StringComparison.Ordinal);
        Assert.Equal(summaryColumn, lines.First(l => l.StartsWith("    message ", StringComparison.Ordinal)).IndexOf("The text.", StringComparison.Ordinal));
    }
}

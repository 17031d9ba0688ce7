using System.Text;
using Bitrix24.Cli.Tests.Infrastructure;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Methods;

namespace Bitrix24.Cli.Tests;

/// <summary>
/// Object, map, json and list-of-object parameters are given as JSON, inline or as <c>@file</c>, checked
/// against the spec's type before anything is sent, and sent exactly as given in their place of the body.
/// The method is a catalog entry built in the test (<see cref="EchoTypes"/>), called through a webhook
/// of an emulator that echoes, so the tests see what reached the portal.
/// </summary>
public sealed class JsonParameterTests : IAsyncLifetime, IDisposable
{
    private const string Name = EchoTypes.MethodName;

    private readonly string _directory = Directory.CreateTempSubdirectory("b24cli-json-").FullName;
    private EmulatedPortal _portal = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatedPortalOptions();
        options.Methods.Add(new EmulatedMethod(Name, ["imbot"], _ => true));
        _portal = await EmulatedPortal.StartAsync(options);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Json_parameters_are_sent_exactly_as_given_each_in_its_place()
    {
        const string fields = """{"message":"Привет","code":"c1","buttons":[{"TEXT":"Yes","BLOCK":true},{"TEXT":"No","BLOCK":"N","WIDTH":80}],"ratio":1.50,"flag":false,"params":{"a b":1},"extra":{"any":[null,true]},"when":"2025-01-31T11:30:00Z"}""";
        const string sentFields = """{"message":"Привет","code":"c1","buttons":[{"TEXT":"Yes","BLOCK":"Y"},{"TEXT":"No","BLOCK":"N","WIDTH":80}],"ratio":1.50,"flag":"N","params":{"a b":1},"extra":{"any":[null,true]},"when":"2025-01-31T11:30:00Z"}""";

        CliRun run = await RunAsync(
            "--data", """[1,{"a":null}]""", "--fields", fields, "--items", """[{"TEXT":"x"}]""", "--tags", """{"k":"v"}""",
            "--ids", "[1,2]", "--names", "a,b", "--names", "c", "--dialog-id", "chat112");

        Assert.True(run.ExitCode == 0, run.ToString());
        string expected = $$"""{"dialogId":"chat112","fields":{{sentFields}},"items":[{"TEXT":"x"}],"tags":{"k":"v"},"data":[1,{"a":null}],"ids":[1,2],"names":["a","b","c"]}""";
        Assert.Equal(expected, Assert.Single(_portal.Requests.For(Name)).Body);
        Assert.Contains("Body:    " + expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_file_is_read_relative_to_the_working_directory()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "json"));
        File.WriteAllText(Path.Combine(_directory, "json", "fields.json"), "{\n  \"code\": \"from-file\",\n  \"flag\": true\n}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        CliRun run = await RunAsync("--fields", "@json/fields.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("""{"fields":{"code":"from-file","flag":"Y"}}""", Assert.Single(_portal.Requests.For(Name)).Body);
    }

    [Fact]
    public async Task At_file_takes_an_absolute_path_and_works_for_lists_maps_and_json()
    {
        string items = Path.Combine(_directory, "items.json");
        File.WriteAllText(items, """[{"TEXT":"a"},{"TEXT":"b"}]""");
        File.WriteAllText(Path.Combine(_directory, "tags.json"), """{"x":"y"}""");
        File.WriteAllText(Path.Combine(_directory, "data.json"), "\"@not-a-file\"");

        CliRun run = await RunAsync("--fields", """{"code":"c"}""", "--items", "@" + items, "--tags", "@tags.json", "--data", "@data.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("""{"fields":{"code":"c"},"items":[{"TEXT":"a"},{"TEXT":"b"}],"tags":{"x":"y"},"data":"@not-a-file"}""", Assert.Single(_portal.Requests.For(Name)).Body);
    }

    [Fact]
    public async Task A_missing_file_is_exit_2_naming_it_and_nothing_is_sent()
    {
        CliRun run = await RunAsync("--fields", "@missing.json");

        AssertUsageError(run, $"--fields: cannot read 'missing.json': no such file ({Path.Combine(_directory, "missing.json")})");
    }

    [Fact]
    public async Task A_directory_or_a_bare_at_is_exit_2()
    {
        CliRun directory = await RunAsync("--fields", "@.");
        AssertUsageError(directory, "--fields: cannot read '.': it is a directory");

        CliRun bare = await RunAsync("--fields", "@");
        AssertUsageError(bare, "--fields: '@' must be followed by the path of a JSON file, e.g. @fields.json");
    }

    [Fact]
    public async Task Invalid_json_is_exit_2_with_its_line_and_column()
    {
        CliRun run = await RunAsync("--fields", """{"message":Hi}""");

        AssertUsageError(run, "--fields: invalid JSON at line 1, column 12: 'H' is an invalid start of a value.");
    }

    [Fact]
    public async Task Invalid_json_in_a_file_names_the_file_line_and_column_in_characters()
    {
        // The parser stops after "tru", at character 32 of line 2 (byte 38: Cyrillic letters take two bytes each).
        File.WriteAllText(Path.Combine(_directory, "bad.json"), "{\n  \"code\": \"Привет\", \"flag\": tru\n}");

        CliRun run = await RunAsync("--fields", "@bad.json");

        AssertUsageError(run, "--fields: invalid JSON in 'bad.json' at line 2, column 32: 'tru }' is an invalid JSON literal. Expected the literal 'true'.");
    }

    [Fact]
    public async Task Invalid_json_that_ends_early_says_so()
    {
        CliRun run = await RunAsync("--fields", """{"code":"a","buttons":[{"TEXT":"x"}""");

        AssertUsageError(run, "--fields: invalid JSON at line 1, column ");
        Assert.Contains("the JSON ends before every object and array is closed.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_whose_quotes_the_shell_removed_gets_a_hint()
    {
        // bash turns --fields {"message":"Hi"} into {message:Hi}.
        CliRun run = await RunAsync("--fields", "{message:Hi}");

        AssertUsageError(run, "--fields: invalid JSON at line 1, column 2: ");
        Assert.Contains("Quote the whole JSON for the shell: '{\"message\":\"Hi\"}'.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_value_is_exit_2()
    {
        CliRun run = await RunAsync("--fields", " ");

        AssertUsageError(run, "--fields: expected JSON, got an empty value");
    }

    [Fact]
    public async Task Unknown_member_missing_member_and_wrong_type_are_each_named_and_nothing_is_sent()
    {
        CliRun run = await RunAsync("--fields", """{"messge":"Hi","properties":{"gender":"M"},"buttons":[{"TEXT":5}]}""");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(
            [
                "--fields: unknown member 'messge' in fields; known: message, code, properties, buttons, when, count, size, ratio, active, flag, params, extra, gender. Did you mean 'message'?",
                "--fields: missing required member fields.properties.name (string)",
                "--fields: fields.buttons[0].TEXT: expected a string, got 5",
                "--fields: missing required member fields.code (string)",
                $"Run '{Name} --help' for its parameters.",
            ],
            Lines(run.Error));
        Assert.Equal(string.Empty, run.Out);
        Assert.Empty(_portal.Requests.All);
    }

    [Fact]
    public async Task Problems_of_several_parameters_are_all_reported()
    {
        CliRun run = await RunAsync("--fields", """{"code":1}""", "--items", """{"TEXT":"x"}""", "--tags", """{"a":1}""");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--fields: fields.code: expected a string, got 1", run.Error, StringComparison.Ordinal);
        Assert.Contains("--items: items: expected an array of EchoButton, got an object", run.Error, StringComparison.Ordinal);
        Assert.Contains("--tags: tags.a: expected a string, got 1", run.Error, StringComparison.Ordinal);
        Assert.Empty(_portal.Requests.All);
    }

    [Fact]
    public async Task More_than_ten_problems_are_counted_not_listed()
    {
        string members = string.Join(',', Enumerable.Range(1, 12).Select(i => $"\"x{i}\":1"));

        CliRun run = await RunAsync("--fields", "{\"code\":\"c\"," + members + "}");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(10, Lines(run.Error).Count(line => line.StartsWith("--fields: unknown member", StringComparison.Ordinal)));
        Assert.Contains("--fields: ... and 2 more problems.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_of_scalars_may_be_a_json_array_which_keeps_commas_inside_values()
    {
        CliRun run = await RunAsync("--fields", """{"code":"c"}""", "--ids", " [3, 4]", "--names", """["a,b","@c"]""");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("""{"fields":{"code":"c"},"ids":[3,4],"names":["a,b","@c"]}""", Assert.Single(_portal.Requests.For(Name)).Body);
    }

    [Fact]
    public async Task A_json_array_for_a_list_of_scalars_is_checked_and_must_stand_alone()
    {
        CliRun wrong = await RunAsync("--fields", """{"code":"c"}""", "--ids", """[1,"2"]""");
        AssertUsageError(wrong, "--ids: ids[1]: expected an integer (int), got a string");

        CliRun mixed = await RunAsync("--fields", """{"code":"c"}""", "--ids", "[1]", "--ids", "2");
        AssertUsageError(mixed, "--ids: a JSON value must be the only value of the parameter; got 2");
    }

    [Fact]
    public async Task A_json_parameter_takes_null()
    {
        CliRun run = await RunAsync("--fields", """{"code":"c"}""", "--data", "null");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("""{"fields":{"code":"c"},"data":null}""", Assert.Single(_portal.Requests.For(Name)).Body);
    }

    [Fact]
    public async Task An_object_parameter_does_not_take_null()
    {
        CliRun run = await RunAsync("--fields", "null");

        AssertUsageError(run, "--fields: fields: expected an object (EchoFields), got null");
    }

    [Fact]
    public async Task A_required_object_parameter_left_out_is_named()
    {
        CliRun run = await RunAsync("--dialog-id", "chat112");

        AssertUsageError(run, "Missing required parameter --fields (fields)");
    }

    [Fact]
    public async Task An_object_parameter_given_twice_is_exit_2()
    {
        CliRun run = await RunAsync("--fields", """{"code":"a"}""", "--fields", """{"code":"b"}""");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--fields", run.Error, StringComparison.Ordinal);
        Assert.Empty(_portal.Requests.All);
    }

    [Fact]
    public async Task Checks_happen_before_the_embedded_emulator_starts()
    {
        CliRun run = await CliRunner.RunAsync([Name, "--fields", "{}"], CliRunner.NoEnvironment, EchoTypes.Methods);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("--fields: missing required member fields.code (string)", run.Error, StringComparison.Ordinal);
    }

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRunner.RunAsync([Name, .. args, "--webhook", _portal.WebhookUrl.ToString()], CliRunner.NoEnvironment, EchoTypes.Methods, workingDirectory: _directory);

    private void AssertUsageError(CliRun run, string start)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.True(Lines(run.Error).Any(line => line.StartsWith(start, StringComparison.Ordinal)), run.ToString());
        Assert.Equal(string.Empty, run.Out);
        Assert.Empty(_portal.Requests.All);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Bitrix24.Emulator;
using Bitrix24.Emulator.Methods;
using Bitrix24.Generator.Tests.Infrastructure;
using Bitrix24.Generator.Tests.TestSpecs;

namespace Bitrix24.Generator.Tests;

/// <summary>
/// What the code generated for object types does at run time, against a portal (the emulator, taught
/// the made-up methods of <see cref="ObjectTypeSpecs"/>): the body it writes (nested objects, UPPER_CASE
/// members, maps, a member set to null sent as null), how it reads PHP's answers (<c>false</c> for none,
/// <c>[]</c> for an empty object, unknown members), and the JSON path a failure names.
/// </summary>
public sealed class ObjectTypeBehaviorTests : IAsyncLifetime
{
    /// <summary>A user's program against the generated SDK; each method returns what the test checks, as text.</summary>
    private const string UserProgram = """
        using Bitrix24;
        using Bitrix24.Demo;

        internal static class UserProgram
        {
            public static async System.Threading.Tasks.Task<string> RegisterAsync(string url, bool nameless)
            {
                using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(url));
                var request = new DemoItemRegisterRequest
                {
                    Fields = new()
                    {
                        Code = "support",
                        Profile = new() { Name = nameless ? null! : "Ann", BackgroundId = null },
                        Keyboard = new() { Buttons = [new() { Text = "Help", Command = "help", Block = true }] },
                        ForwardIds = new System.Collections.Generic.Dictionary<string, int> { ["uuid-1"] = 5 },
                    },
                };
                RegisterResult result = await client.Demo.Item.RegisterAsync(request);
                Profile profile = result.Item.Profile!;
                return string.Join("|",
                    result.Item.Id,
                    profile.Name,
                    profile.Absent is null,
                    profile.Phones is null,
                    result.Item.Counts!.Count,
                    result.Item.Titles!["en"],
                    result.Item.Titles!["de"] is null,
                    result.Item.Params!.Value.GetProperty("a").GetInt32(),
                    result.Item.Active,
                    result.Users!.Count,
                    string.Join(",", result.Users![0].Tags!));
            }

            public static async System.Threading.Tasks.Task<string> ListAsync(string url)
            {
                using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(url));
                var items = await client.Demo.Item.ListAsync();
                return string.Join(",", System.Linq.Enumerable.Select(items, i => i.Id));
            }

            public static async System.Threading.Tasks.Task<bool> DeleteAsync(string url)
            {
                using var client = new Bitrix24Client(Bitrix24ClientOptions.Webhook(url));
                return await client.Demo.Item.DeleteAsync(itemId: 3);
            }
        }
        """;

    private JsonNode? _answer;
    private EmulatedPortal _portal = null!;
    private AssemblyLoadContext _context = null!;
    private Type _program = null!;

    public async Task InitializeAsync()
    {
        var (output, diagnostics, _) = GeneratorHarness.CompileSdk(ObjectTypeSpecs.All().Select(s => new InMemoryAdditionalText(s.Path, s.Text)), UserProgram);
        Assert.Empty(diagnostics);
        CompilationAssert.NoWarnings(output);

        var options = new EmulatedPortalOptions();
        foreach (string method in new[] { "demo.item.register", "demo.item.list", "demo.item.delete" })
        {
            options.Methods.Add(new EmulatedMethod(method, ["imbot"], _ => _answer?.DeepClone()));
        }

        _portal = await EmulatedPortal.StartAsync(options);
        _context = new AssemblyLoadContext("ObjectTypes", isCollectible: true);
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        image.Position = 0;
        _program = _context.LoadFromStream(image).GetType("UserProgram", throwOnError: true)!;
    }

    public async Task DisposeAsync()
    {
        _context.Unload();
        await _portal.DisposeAsync();
    }

    [Fact]
    public async Task TheBody_HoldsNestedObjects_UpperCaseMembers_Maps_AndASetNullAsNull()
    {
        _answer = Answer();

        await Call<string>("RegisterAsync", false);

        Assert.Equal(
            """{"fields":{"code":"support","profile":{"name":"Ann","backgroundId":null},"keyboard":{"BUTTONS":[{"TEXT":"Help","COMMAND":"help","BLOCK":"Y"}]},"forwardIds":{"uuid-1":5}}}""",
            _portal.Requests.For("demo.item.register").Single().Body);
    }

    [Fact]
    public async Task TheAnswer_ReadsPhpFalseAsNull_AnEmptyArrayAsEmpty_AndSkipsUnknownMembers()
    {
        _answer = Answer();

        string read = await Call<string>("RegisterAsync", false);

        // id | name | absent (false) is null | phones (false) is null | counts ([]) count | titles.en | titles.de is null | params.a | active ("Y") | users | tags
        Assert.Equal("7|Ann|True|True|0|Hello|True|1|True|1|a,b", read);
    }

    [Fact]
    public async Task ARequiredMemberMissingInTheRequest_IsRefusedNamingItsPath_AndNothingIsSent()
    {
        _answer = Answer();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Call<string>("RegisterAsync", true));

        Assert.Equal("fields.profile.name is required by demo.item.register; nothing was sent. (Parameter 'request')", error.Message);
        Assert.Empty(_portal.Requests.All);
    }

    [Theory]
    [InlineData("""{"item": {"id": "seven"}}""", "result.item.id of the answer could not be read: Expected a 32-bit integer but found the string \"seven\".")]
    [InlineData("""{"item": {}}""", "result.item.id of the answer could not be read: The member is missing or null.")]
    [InlineData("""{"item": []}""", "result.item.id of the answer could not be read: The member is missing or null.")]
    [InlineData("""{"item": [1]}""", "result.item of the answer could not be read: Expected an object but found a list.")]
    [InlineData("""{"item": {"id": 1}, "users": [{"name": "a", "tags": ["x", null]}]}""", "result.users[0].tags[1] of the answer could not be read: Expected a string but found null.")]
    [InlineData("""{"item": {"id": 1, "titles": {"en": 5, "de": {}}}}""", "result.item.titles.de of the answer could not be read: Expected a string but found an object.")]
    public async Task AnAnswerOfTheWrongShape_FailsNamingTheJsonPath(string answer, string expected)
    {
        _answer = JsonNode.Parse(answer);

        // The SDK compiled here is loaded on its own, so its exception types are known by name only.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Call<string>("RegisterAsync", false));

        Assert.Equal("Bitrix24.Bitrix24TransportException", error.GetType().FullName);
        Assert.Equal("InvalidResponse", error.GetType().GetProperty("Failure")!.GetValue(error)!.ToString());
        Assert.Contains("demo.item.register: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABareListOfObjects_IsRead()
    {
        _answer = JsonNode.Parse("""[{"id": 1}, {"id": 2, "profile": {"name": "b"}}]""");

        Assert.Equal("1,2", await Call<string>("ListAsync"));
    }

    [Theory]
    [InlineData("""{"result": true}""", true)]
    [InlineData("""{"result": false, "other": 1}""", false)]
    [InlineData("true", true)]
    public async Task AMemberOfTheResult_IsTheValue_OrTheResultItselfWithoutTheWrapper(string answer, bool expected)
    {
        _answer = JsonNode.Parse(answer);

        Assert.Equal(expected, await Call<bool>("DeleteAsync"));
    }

    private static JsonNode Answer() => JsonNode.Parse("""
        {
          "item": {
            "id": 7,
            "profile": {"name": "Ann", "absent": false, "phones": false, "surprise": {"x": [1, 2]}},
            "counts": [],
            "titles": {"en": "Hello", "de": null},
            "params": {"a": 1},
            "active": "Y",
            "unknown": [1, {"deep": true}]
          },
          "users": [{"name": "U", "tags": ["a", "b"]}]
        }
        """)!;

    private async Task<T> Call<T>(string method, params object[] arguments)
    {
        MethodInfo run = _program.GetMethod(method)!;
        try
        {
            return await (Task<T>)run.Invoke(null, [_portal.WebhookUrl.ToString(), .. arguments])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
